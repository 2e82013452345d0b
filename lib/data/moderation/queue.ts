import "server-only";
import { db } from "@/lib/db";
import { describeAutoFlags } from "@/lib/domain/auto-checks";
import { Prisma } from "@/lib/generated/prisma/client";
import type { DecisionReason, InsightStatus, ReportReason, UserStatus } from "@/lib/generated/prisma/enums";
import { moderationPageCursor, queueItemVersion } from "@/lib/validation/moderation";
import { loadBlockedTerms } from "../blocked-terms";
import { assertStaff } from "../permissions";
import { listMemberTrust } from "../trust";
import type { SessionUser } from "../users";
import { decodeCursor, STAFF_ONLY } from "./shared";

// The review queue: insights held for review, reported, hidden by reports, or whose rejection or removal is
// appealed, oldest first, each with what a moderator needs to decide it.

export type QueueKind = "pending" | "reported" | "hidden" | "appeal";
export type QueueFilters = { kind?: QueueKind; domainSlug?: string; reason?: ReportReason };
export type QueueItem = {
  insightId: string;
  kind: QueueKind;
  /** ISO: when the item joined the queue */
  queuedAt: string;
  /**
   * What the moderator sees, as a version: when it was queued and when its text last changed. Pass it back
   * with a decision, which is refused if the item changed since (another moderator, or the author edited it).
   */
  version: string;
  status: InsightStatus;
  body: string;
  createdAt: string;
  editedAt: string | null;
  article: { title: string; slug: string };
  section: { title: string; anchor: string; body: string };
  domain: { name: string; slug: string };
  author: {
    id: string;
    name: string;
    handle: string;
    joinedAt: string;
    trust: "NEW" | "TRUSTED";
    status: UserStatus;
    published: number;
    rejected: number;
    removed: number;
  };
  autoFlags: { code: string; label: string }[];
  /** open reports for pending, reported and hidden items; every report for an appeal */
  reports: { reason: ReportReason; note: string | null; createdAt: string; reporterHandle: string }[];
  /** the last decision (for an appeal: the one appealed) */
  decision: {
    reason: DecisionReason | null;
    note: string | null;
    decidedAt: string;
    moderatorName: string;
  } | null;
  appeal: { id: string; message: string; createdAt: string; moderatorId: string | null } | null;
};
export type QueuePage = { items: QueueItem[]; nextCursor: string | null };

export const QUEUE_PAGE_SIZE = 20;

type QueueRow = {
  id: string;
  status: InsightStatus;
  body: string;
  createdAt: Date;
  editedAt: Date | null;
  queuedAt: Date;
  autoFlags: string[];
  decisionReason: DecisionReason | null;
  decisionNote: string | null;
  decidedAt: Date | null;
  moderatorName: string | null;
  articleTitle: string;
  articleSlug: string;
  sectionTitle: string;
  sectionAnchor: string;
  sectionBody: string;
  domainName: string;
  domainSlug: string;
  authorId: string;
  authorName: string;
  authorHandle: string;
  authorJoinedAt: Date;
  authorStatus: UserStatus;
  appealId: string | null;
  appealMessage: string | null;
  appealCreatedAt: Date | null;
  appealModeratorId: string | null;
};

function kindOf(row: { status: InsightStatus; appealId: string | null }): QueueKind {
  if (row.appealId) return "appeal";
  if (row.status === "HIDDEN") return "hidden";
  if (row.status === "PENDING") return "pending";
  return "reported";
}

const kindCondition: Record<QueueKind, Prisma.Sql> = {
  pending: Prisma.sql`i."status" = 'PENDING' AND ap."id" IS NULL`,
  reported: Prisma.sql`i."status" = 'PUBLISHED' AND ap."id" IS NULL`,
  hidden: Prisma.sql`i."status" = 'HIDDEN' AND ap."id" IS NULL`,
  appeal: Prisma.sql`ap."id" IS NOT NULL`,
};

/**
 * How many of each author's insights were rejected and removed (deleted ones included: deleting does not
 * wipe a record): one grouped query for the page. Published counts come with trust (lib/data/trust.ts).
 */
async function authorDecisions(authorIds: string[]) {
  const decisions = new Map<string, { rejected: number; removed: number }>();
  if (authorIds.length === 0) return decisions;
  const rows = await db.$queryRaw<{ authorId: string; rejected: number; removed: number }[]>`
    SELECT "authorId",
           count(*) FILTER (WHERE "status" = 'REJECTED')::int AS "rejected",
           count(*) FILTER (WHERE "status" = 'REMOVED')::int AS "removed"
    FROM "Insight"
    WHERE "authorId" IN (${Prisma.join(authorIds)}) AND "status" IN ('REJECTED', 'REMOVED')
    GROUP BY "authorId"`;
  for (const row of rows) decisions.set(row.authorId, row);
  return decisions;
}

/**
 * The review queue, oldest first, a page at a time: insights held for review, reported, hidden by reports,
 * or whose rejection or removal is appealed. Each item carries its context (article, section), its author's
 * standing and history, the automatic checks' findings, its reports and the decision appealed.
 */
export async function listModerationQueue(
  actor: SessionUser,
  filters: QueueFilters,
  cursor?: string,
): Promise<QueuePage> {
  assertStaff(actor, STAFF_ONLY);
  const after = cursor ? decodeCursor(cursor, "queue") : null;
  const conditions: Prisma.Sql[] = [Prisma.sql`i."queuedAt" IS NOT NULL`, Prisma.sql`i."deletedAt" IS NULL`];
  if (filters.kind) conditions.push(kindCondition[filters.kind]);
  if (filters.domainSlug) {
    conditions.push(Prisma.sql`(d."slug" = ${filters.domainSlug} OR pd."slug" = ${filters.domainSlug})`);
  }
  if (filters.reason) {
    conditions.push(Prisma.sql`EXISTS (
      SELECT 1 FROM "Report" r
      WHERE r."insightId" = i."id" AND r."resolvedAt" IS NULL AND r."reason" = ${filters.reason}::"ReportReason")`);
  }
  if (after) {
    // Stored timestamps are UTC without a zone; the cursor's ISO text cast to timestamp reads as the same.
    conditions.push(
      Prisma.sql`(i."queuedAt", i."id") > (${after.at.toISOString()}::timestamp(3), ${after.id})`,
    );
  }
  const rows = await queueRows(conditions, QUEUE_PAGE_SIZE + 1);
  const page = rows.slice(0, QUEUE_PAGE_SIZE);
  const last = page.at(-1);
  const nextCursor =
    rows.length > QUEUE_PAGE_SIZE && last
      ? moderationPageCursor.encode({ at: last.queuedAt, id: last.id })
      : null;
  return { items: await queueItemsOf(page), nextCursor };
}

/**
 * One item of the review queue as it stands now (to show a moderator the new text after its author edited
 * it), or null when it is no longer waiting.
 */
export async function getModerationQueueItem(
  actor: SessionUser,
  insightId: string,
): Promise<QueueItem | null> {
  assertStaff(actor, STAFF_ONLY);
  const rows = await queueRows(
    [
      Prisma.sql`i."id" = ${insightId}`,
      Prisma.sql`i."queuedAt" IS NOT NULL`,
      Prisma.sql`i."deletedAt" IS NULL`,
    ],
    1,
  );
  const [item] = await queueItemsOf(rows);
  return item ?? null;
}

/** The queue's rows matching these conditions, oldest first (Insight(queuedAt) index). */
function queueRows(conditions: Prisma.Sql[], limit: number): Promise<QueueRow[]> {
  return db.$queryRaw<QueueRow[]>`
    SELECT i."id", i."status", i."body", i."createdAt", i."editedAt", i."queuedAt", i."autoFlags",
           i."decisionReason", i."decisionNote", i."decidedAt", dm."name" AS "moderatorName",
           a."title" AS "articleTitle", a."slug" AS "articleSlug",
           s."title" AS "sectionTitle", s."anchor" AS "sectionAnchor", s."body" AS "sectionBody",
           d."name" AS "domainName", d."slug" AS "domainSlug",
           u."id" AS "authorId", u."name" AS "authorName", u."handle" AS "authorHandle",
           u."createdAt" AS "authorJoinedAt", u."status" AS "authorStatus",
           ap."id" AS "appealId", ap."message" AS "appealMessage", ap."createdAt" AS "appealCreatedAt",
           ap."moderatorId" AS "appealModeratorId"
    FROM "Insight" i
    JOIN "Section" s ON s."id" = i."sectionId"
    JOIN "Article" a ON a."id" = s."articleId"
    JOIN "Domain" d ON d."id" = a."domainId"
    LEFT JOIN "Domain" pd ON pd."id" = d."parentId"
    JOIN "User" u ON u."id" = i."authorId"
    LEFT JOIN "User" dm ON dm."id" = i."decidedById"
    LEFT JOIN "Appeal" ap ON ap."insightId" = i."id" AND ap."status" = 'OPEN'
    WHERE ${Prisma.join(conditions, " AND ")}
    ORDER BY i."queuedAt", i."id"
    LIMIT ${limit}`;
}

/** Queue items with their context: the reports, the authors' standing and history, the checks' findings. */
async function queueItemsOf(page: QueueRow[]): Promise<QueueItem[]> {
  if (page.length === 0) return [];
  const now = new Date();
  const insightIds = page.map((row) => row.id);
  const authorIds = [...new Set(page.map((row) => row.authorId))];
  const needsTerms = page.some((row) => row.autoFlags.includes("blocked-term"));
  const [reports, decisions, trusts, blockedTerms] = await Promise.all([
    db.report.findMany({
      where: { insightId: { in: insightIds } },
      select: {
        insightId: true,
        reason: true,
        note: true,
        createdAt: true,
        resolvedAt: true,
        reporter: { select: { handle: true } },
      },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
    authorDecisions(authorIds),
    listMemberTrust(db, authorIds, now),
    needsTerms ? loadBlockedTerms() : [],
  ]);

  return page.map((row): QueueItem => {
    const kind = kindOf(row);
    const decided = decisions.get(row.authorId) ?? { rejected: 0, removed: 0 };
    const trust = trusts.get(row.authorId);
    return {
      insightId: row.id,
      kind,
      queuedAt: row.queuedAt.toISOString(),
      version: queueItemVersion(row.queuedAt.toISOString(), row.editedAt?.toISOString() ?? null),
      status: row.status,
      body: row.body,
      createdAt: row.createdAt.toISOString(),
      editedAt: row.editedAt?.toISOString() ?? null,
      article: { title: row.articleTitle, slug: row.articleSlug },
      section: { title: row.sectionTitle, anchor: row.sectionAnchor, body: row.sectionBody },
      domain: { name: row.domainName, slug: row.domainSlug },
      author: {
        id: row.authorId,
        name: row.authorName,
        handle: row.authorHandle,
        joinedAt: row.authorJoinedAt.toISOString(),
        trust: trust?.trust ?? "NEW",
        status: row.authorStatus,
        published: trust?.publishedCount ?? 0,
        rejected: decided.rejected,
        removed: decided.removed,
      },
      autoFlags: describeAutoFlags(row.autoFlags, { body: row.body, blockedTerms }),
      reports: reports
        .filter((r) => r.insightId === row.id && (kind === "appeal" || r.resolvedAt === null))
        .map((r) => ({
          reason: r.reason,
          note: r.note,
          createdAt: r.createdAt.toISOString(),
          reporterHandle: r.reporter.handle,
        })),
      decision:
        row.decidedAt && (row.status === "REJECTED" || row.status === "REMOVED" || kind === "appeal")
          ? {
              reason: row.decisionReason,
              note: row.decisionNote,
              decidedAt: row.decidedAt.toISOString(),
              moderatorName: row.moderatorName ?? "A former moderator",
            }
          : null,
      appeal:
        row.appealId && row.appealMessage !== null && row.appealCreatedAt
          ? {
              id: row.appealId,
              message: row.appealMessage,
              createdAt: row.appealCreatedAt.toISOString(),
              moderatorId: row.appealModeratorId,
            }
          : null,
    };
  });
}

/** How many items await a moderator: the number in the header. */
export async function countModerationQueue(actor: SessionUser): Promise<number> {
  assertStaff(actor, STAFF_ONLY);
  return db.insight.count({ where: { queuedAt: { not: null }, deletedAt: null } });
}
