import "server-only";
import { changed, type Changed } from "@/lib/cache-expiry";
import { tags } from "@/lib/cache-tags";
import { db } from "@/lib/db";
import { cached } from "./cache";
import { AUTO_CHECK_LIMITS, runAutoChecks, typedCharacters, type AutoFlag } from "@/lib/domain/auto-checks";
import {
  checkPostingRate,
  countLinks,
  editedInsightStatus,
  initialInsightStatus,
  POSTING_LIMITS,
} from "@/lib/domain/insight-rules";
import { isStaff, mayEditInsight } from "@/lib/domain/permissions";
import { AppError, uniqueViolation } from "@/lib/errors";
import { hashBody } from "@/lib/insight-hash";
import type { DecisionReason, InsightStatus } from "@/lib/generated/prisma/enums";
import type { AddInsightInput, DeleteInsightInput, EditInsightInput } from "@/lib/validation/insight";
import { isRecordIdParam } from "@/lib/validation/text";
import { loadBlockedTerms } from "./blocked-terms";
import { notifyInsightPublished } from "./notifications";
import { lockMember } from "./locks";
import { assertPermitted } from "./permissions";
import type { Tx } from "./transaction";
import { getMemberTrust } from "./trust";
import { accountBlock, describeBlock, type SessionUser } from "./users";

/** The insight a write touched and its status now, with the cached pages that show it. */
export type InsightChange = Changed<{ id: string; status: InsightStatus }>;

/**
 * The anonymous pages that show an insight: its article, its author's profile and its history. Every
 * change to one expires them at once, held for review or not, so the author sees the change on their next view.
 */
export function insightPageTags(insight: { id: string; articleId: string; authorHandle: string }): string[] {
  return [tags.article(insight.articleId), tags.memberHandle(insight.authorHandle), tags.insight(insight.id)];
}

function insightChange(insight: {
  id: string;
  status: InsightStatus;
  articleId: string;
  authorHandle: string;
}): InsightChange {
  return changed({ id: insight.id, status: insight.status }, insightPageTags(insight));
}

export type OwnInsight = {
  id: string;
  sectionId: string;
  body: string;
  status: InsightStatus;
  createdAt: string;
  editedAt: string | null;
};

const DAY_MS = 24 * 60 * 60 * 1000;

// Serialises one member's writes: limits are checked and the insight written while the member's row is
// locked, so two tabs or a double click cannot both slip under a limit or past the one-per-section rule.
async function lockAuthor(tx: Tx, userId: string) {
  const author = await lockMember(tx, userId);
  if (!author) throw new AppError("UNAUTHENTICATED", "Please sign in to continue.");
  const block = accountBlock(author);
  if (block) throw new AppError("FORBIDDEN", describeBlock(block));
  return author;
}

/** New members (lib/domain/trust.ts) may put at most a few links in an insight. */
function assertLinkLimit(isNew: boolean, body: string) {
  if (isNew && countLinks(body) > POSTING_LIMITS.maxLinks) {
    const message = `New members can include at most ${POSTING_LIMITS.maxLinks} links in an insight.`;
    throw new AppError("INVALID_INPUT", message, { fieldErrors: { body: message } });
  }
}

/**
 * Runs the automatic checks (lib/domain/auto-checks.ts) on a member's new or edited text: the blocked terms,
 * and the member's own recent insights and other members' to compare with (never `exceptId`, the insight
 * being edited). Moderators and admins are not checked.
 */
async function autoCheck(
  tx: Tx,
  author: { id: string; role: SessionUser["role"] },
  text: { body: string; composeMs?: number; typedChars?: number; exceptId?: string },
): Promise<AutoFlag[]> {
  // by role only: lockAuthor refused blocked accounts, and one whose suspension ran out still reads SUSPENDED
  if (isStaff({ id: author.id, role: author.role })) return [];
  const now = Date.now();
  const notThis = text.exceptId ? { id: { not: text.exceptId } } : {};
  const blockedTerms = await loadBlockedTerms(tx);
  // Insight(authorId, createdAt) index
  const own = await tx.insight.findMany({
    where: {
      authorId: author.id,
      createdAt: { gte: new Date(now - AUTO_CHECK_LIMITS.ownRecentDays * DAY_MS) },
      deletedAt: null,
      ...notThis,
    },
    select: { body: true },
    orderBy: { createdAt: "desc" },
    take: AUTO_CHECK_LIMITS.recentCandidates,
  });
  // Other members' texts resembling this one (pg_trgm's % operator on Insight_body_trgm_idx), however many
  // insights arrived lately; rejected and removed texts count too (a copy of spam is spam). The pure check
  // then decides on the closest candidates.
  const others = await tx.$queryRaw<{ body: string }[]>`
    SELECT "body" FROM "Insight"
    WHERE "body" % ${text.body} AND "authorId" <> ${author.id} AND "deletedAt" IS NULL
      AND "createdAt" >= (now() AT TIME ZONE 'UTC') - make_interval(days => ${AUTO_CHECK_LIMITS.othersRecentDays}::int)
    ORDER BY similarity("body", ${text.body}) DESC
    LIMIT ${AUTO_CHECK_LIMITS.recentCandidates}`;
  return runAutoChecks({
    body: text.body,
    links: countLinks(text.body),
    blockedTerms,
    recentBodies: [...own, ...others].map((row) => row.body),
    composeMs: text.composeMs,
    typedChars: text.typedChars,
  });
}

async function assertNotRepeated(tx: Tx, authorId: string, bodyHash: string, exceptId?: string) {
  // Deleted insights do not count: deleting and posting again is not spam (the rate limits still apply).
  const same = await tx.insight.findFirst({
    where: { authorId, bodyHash, deletedAt: null, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { id: true },
  });
  if (same) {
    const message = "You have already posted this text. Share something new, or edit your earlier insight.";
    throw new AppError("CONFLICT", message, { fieldErrors: { body: message } });
  }
}

/**
 * Posts an insight on a section of a published article. Idempotent per `idempotencyKey`: a repeated
 * submission returns the insight the first one created.
 */
export async function createInsight(actor: SessionUser, input: AddInsightInput): Promise<InsightChange> {
  const bodyHash = hashBody(input.body);
  try {
    return await db.$transaction(async (tx) => {
      const author = await lockAuthor(tx, actor.id);
      const replay = await tx.insight.findUnique({
        where: { authorId_idempotencyKey: { authorId: actor.id, idempotencyKey: input.idempotencyKey } },
        select: { id: true, status: true, section: { select: { articleId: true } } },
      });
      if (replay)
        return insightChange({
          id: replay.id,
          status: replay.status,
          articleId: replay.section.articleId,
          authorHandle: actor.handle,
        });

      const section = await tx.section.findUnique({
        where: { id: input.sectionId },
        select: { id: true, acceptsInsights: true, article: { select: { id: true, status: true } } },
      });
      if (!section || section.article.status !== "PUBLISHED")
        throw new AppError("NOT_FOUND", "Section not found.");
      if (!section.acceptsInsights)
        throw new AppError("FORBIDDEN", "This section is closed to new insights.");

      const existing = await tx.insight.findUnique({
        where: { authorId_liveSectionId: { authorId: actor.id, liveSectionId: section.id } },
        select: { id: true },
      });
      if (existing) {
        throw new AppError("CONFLICT", "You already have an insight in this section. Edit it to add more.");
      }

      const { trust } = await getMemberTrust(tx, actor.id);
      const isNew = trust === "NEW";
      assertLinkLimit(isNew, input.body);
      if (isNew) {
        const recent = await tx.insight.findMany({
          where: { authorId: actor.id, createdAt: { gt: new Date(Date.now() - DAY_MS) } },
          select: { createdAt: true },
          orderBy: { createdAt: "desc" },
          take: POSTING_LIMITS.perDay,
        });
        const refusal = checkPostingRate(recent.map((r) => r.createdAt));
        if (refusal)
          throw new AppError("RATE_LIMITED", refusal.message, {
            retryAfterSeconds: refusal.retryAfterSeconds,
          });
      }
      await assertNotRepeated(tx, actor.id, bodyHash);

      const autoFlags = await autoCheck(tx, author, { body: input.body, composeMs: input.composeMs });
      const status = initialInsightStatus({ role: author.role, trust }, autoFlags);
      const now = new Date();
      const created = await tx.insight.create({
        data: {
          sectionId: section.id,
          liveSectionId: section.id,
          authorId: actor.id,
          body: input.body,
          bodyHash,
          idempotencyKey: input.idempotencyKey,
          status,
          autoFlags: autoFlags.map((flag) => flag.code),
          // held for review: the queue takes it in order of arrival
          queuedAt: status === "PENDING" ? now : null,
          publishedAt: status === "PUBLISHED" ? now : null,
        },
        select: { id: true, status: true },
      });
      if (status === "PUBLISHED") await notifyInsightPublished(tx, { id: created.id, authorId: actor.id });
      return insightChange({ ...created, articleId: section.article.id, authorHandle: actor.handle });
    });
  } catch (error) {
    if (uniqueViolation(error)?.includes("idempotencyKey")) {
      // The same submission committed in another request in the meantime: answer with its result.
      const first = await db.insight.findUniqueOrThrow({
        where: { authorId_idempotencyKey: { authorId: actor.id, idempotencyKey: input.idempotencyKey } },
        select: { id: true, status: true, section: { select: { articleId: true } } },
      });
      return insightChange({
        id: first.id,
        status: first.status,
        articleId: first.section.articleId,
        authorHandle: actor.handle,
      });
    }
    if (uniqueViolation(error)?.includes("liveSectionId")) {
      throw new AppError("CONFLICT", "You already have an insight in this section. Edit it to add more.");
    }
    throw error;
  }
}

/** Loads an insight for a write by its author, locked; anyone else gets "not found" or "forbidden". */
async function lockOwnInsight(tx: Tx, actor: SessionUser, insightId: string) {
  const rows = await tx.$queryRaw<
    { id: string }[]
  >`SELECT "id" FROM "Insight" WHERE "id" = ${insightId} FOR UPDATE`;
  if (rows.length === 0) throw new AppError("NOT_FOUND", "Insight not found.");
  const insight = await tx.insight.findUniqueOrThrow({
    where: { id: insightId },
    select: {
      id: true,
      authorId: true,
      body: true,
      status: true,
      queuedAt: true,
      deletedAt: true,
      section: { select: { articleId: true } },
    },
  });
  if (insight.deletedAt) throw new AppError("NOT_FOUND", "Insight not found.");
  assertPermitted(mayEditInsight(actor, insight), "Only the author can change this insight.");
  return insight;
}

/** What an edit changed; `heldForReview` when it took a published insight off the page until a moderator looks. */
export type EditedInsight = InsightChange & { heldForReview: boolean };

/**
 * The author edits their insight: same rules as posting, and the previous version is kept. The new text goes
 * through the automatic checks; a published insight goes back to review when they flag it or its author is
 * a new member (lib/domain/insight-rules.ts editedInsightStatus).
 */
export async function editInsight(actor: SessionUser, input: EditInsightInput): Promise<EditedInsight> {
  return db.$transaction(async (tx) => {
    const author = await lockAuthor(tx, actor.id);
    const insight = await lockOwnInsight(tx, actor, input.insightId);
    if (insight.status === "REJECTED" || insight.status === "REMOVED") {
      throw new AppError("FORBIDDEN", "A rejected or removed insight cannot be edited.");
    }
    const page = { id: insight.id, articleId: insight.section.articleId, authorHandle: actor.handle };
    if (insight.body === input.body)
      return { ...insightChange({ ...page, status: insight.status }), heldForReview: false };
    const { trust } = await getMemberTrust(tx, actor.id);
    assertLinkLimit(trust === "NEW", input.body);
    const bodyHash = hashBody(input.body);
    await assertNotRepeated(tx, actor.id, bodyHash, insight.id);
    const autoFlags = await autoCheck(tx, author, {
      body: input.body,
      composeMs: input.composeMs,
      typedChars: typedCharacters(insight.body, input.body),
      exceptId: insight.id,
    });
    const status = editedInsightStatus(insight.status, { role: author.role, trust }, autoFlags);
    const now = new Date();
    await tx.insightRevision.create({ data: { insightId: insight.id, body: insight.body } });
    await tx.insight.update({
      where: { id: insight.id },
      data: {
        body: input.body,
        bodyHash,
        editedAt: now,
        autoFlags: autoFlags.map((flag) => flag.code),
        status,
        // An insight waiting for a moderator keeps its place in the queue; one that goes back joins it now.
        ...(status === "PENDING" && insight.queuedAt === null ? { queuedAt: now } : {}),
      },
    });
    return { ...insightChange({ ...page, status }), heldForReview: status !== insight.status };
  });
}

/** The author deletes their insight: gone from every page, kept in the database for moderation. */
export async function deleteInsight(actor: SessionUser, input: DeleteInsightInput): Promise<InsightChange> {
  return db.$transaction(async (tx) => {
    const insight = await lockOwnInsight(tx, actor, input.insightId);
    await tx.insight.update({
      where: { id: insight.id },
      data: { deletedAt: new Date(), liveSectionId: null },
    });
    return insightChange({
      id: insight.id,
      status: insight.status,
      articleId: insight.section.articleId,
      authorHandle: actor.handle,
    });
  });
}

/** The actor's own live insights on an article, in any status: the page shows them as the author sees them. */
export async function listOwnInsightsOnArticle(actor: SessionUser, articleId: string): Promise<OwnInsight[]> {
  const rows = await db.insight.findMany({
    where: { authorId: actor.id, deletedAt: null, section: { articleId } },
    select: { id: true, sectionId: true, body: true, status: true, createdAt: true, editedAt: true },
    orderBy: { createdAt: "asc" },
  });
  return rows.map((row) => ({
    ...row,
    createdAt: row.createdAt.toISOString(),
    editedAt: row.editedAt?.toISOString() ?? null,
  }));
}

export type InsightHistory = {
  id: string;
  /** a hidden, rejected or removed insight keeps its history page, without its text */
  status: Exclude<InsightStatus, "PENDING">;
  /** why a moderator rejected or removed it (shown on the page) */
  decisionReason: DecisionReason | null;
  author: { name: string; handle: string };
  article: { slug: string; title: string };
  section: { anchor: string; title: string };
  /** newest first; the first entry is the current text; empty unless the insight is published */
  versions: { body: string; at: string; current: boolean }[];
};

/**
 * The public revision history of an insight readers could see or a moderator decided on: every version of
 * a published one; for a hidden, rejected or removed one only what happened, never its text.
 */
export async function getInsightHistory(insightId: string): Promise<InsightHistory | null> {
  // Who wrote it and on which article never change: read them first (primary key) so the cached page is also
  // tagged by its author (a sanction hides it) and its article (unpublishing hides it).
  if (!isRecordIdParam(insightId)) return null;
  const owner = await db.insight.findUnique({
    where: { id: insightId },
    select: { authorId: true, section: { select: { articleId: true } } },
  });
  if (!owner) return null;
  return cached(
    async (): Promise<InsightHistory | null> => {
      const insight = await db.insight.findFirst({
        where: {
          id: insightId,
          status: { in: ["PUBLISHED", "HIDDEN", "REJECTED", "REMOVED"] },
          deletedAt: null,
          author: { status: "ACTIVE" },
          section: { article: { status: "PUBLISHED" } },
        },
        select: {
          id: true,
          status: true,
          decisionReason: true,
          body: true,
          createdAt: true,
          editedAt: true,
          author: { select: { name: true, handle: true } },
          section: {
            select: { anchor: true, title: true, article: { select: { slug: true, title: true } } },
          },
          revisions: { select: { body: true, createdAt: true }, orderBy: { createdAt: "desc" }, take: 100 },
        },
      });
      if (!insight || insight.status === "PENDING") return null;
      // A revision holds the text as it was before the edit made at its time. So the current text dates from
      // the last edit, each older text from the edit before it, and the oldest from the original post.
      const { revisions } = insight;
      const versions = [
        { body: insight.body, at: (insight.editedAt ?? insight.createdAt).toISOString(), current: true },
        ...revisions.map((revision, index) => ({
          body: revision.body,
          at: (revisions[index + 1]?.createdAt ?? insight.createdAt).toISOString(),
          current: false,
        })),
      ];
      return {
        id: insight.id,
        status: insight.status,
        decisionReason: insight.decisionReason,
        author: insight.author,
        article: insight.section.article,
        section: { anchor: insight.section.anchor, title: insight.section.title },
        versions: insight.status === "PUBLISHED" ? versions : [],
      };
    },
    ["insight-history", insightId],
    [tags.insight(insightId), tags.member(owner.authorId), tags.article(owner.section.articleId)],
  );
}
