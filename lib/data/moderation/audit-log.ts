import "server-only";
import { tags } from "@/lib/cache-tags";
import { db } from "@/lib/db";
import {
  AUDIT_ACTIONS,
  DECISION_REASON_LABELS,
  publicModerationLine,
  type AuditAction,
  type AuditTargetType,
} from "@/lib/domain/moderation";
import type { DecisionReason } from "@/lib/generated/prisma/enums";
import { moderationPageCursor } from "@/lib/validation/moderation";
import { cached } from "../cache";
import { assertStaff } from "../permissions";
import type { SessionUser } from "../users";
import { decodeCursor, STAFF_ONLY } from "./shared";

// The audit log as moderators and admins read it, and the public lines of an insight's moderation.

export type AuditLogFilters = {
  action?: AuditAction;
  actorHandle?: string;
  targetType?: AuditTargetType;
  targetId?: string;
  cursor?: string;
};
export type AuditLogEntry = {
  id: string;
  at: string;
  actor: { name: string; handle: string };
  action: AuditAction;
  actionLabel: string;
  targetType: string;
  targetId: string;
  targetLabel: string | null;
  targetHref: string | null;
  /** readable: a decision reason's label, or the reason as written */
  reason: string | null;
  /** as stored: a DecisionReason or ReportReason code, or a short reason */
  reasonCode: string | null;
  note: string | null;
};
export type AuditLogPage = { entries: AuditLogEntry[]; nextCursor: string | null };

export const AUDIT_PAGE_SIZE = 50;

const DECISION_REASON_CODES = new Set<string>(Object.keys(DECISION_REASON_LABELS));

function asDecisionReason(value: string | null): DecisionReason | null {
  return value !== null && DECISION_REASON_CODES.has(value) ? (value as DecisionReason) : null;
}

function asAuditAction(value: string): AuditAction | null {
  return Object.hasOwn(AUDIT_ACTIONS, value) ? (value as AuditAction) : null;
}

/**
 * The public lines of an insight's moderation ("Removed by a moderator: Spam"), oldest first, for its
 * revision history. Cached with the insight's tag, which every decision expires.
 */
export async function listPublicModerationLines(insightId: string): Promise<{ line: string; at: string }[]> {
  return cached(
    async () => {
      const appeal = await db.appeal.findUnique({ where: { insightId }, select: { id: true } });
      const entries = await db.auditEntry.findMany({
        where: {
          OR: [
            { targetType: "insight", targetId: insightId },
            ...(appeal ? [{ targetType: "appeal", targetId: appeal.id }] : []),
          ],
        },
        select: { action: true, reason: true, createdAt: true },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        take: 100,
      });
      const lines: { line: string; at: string }[] = [];
      for (const entry of entries) {
        const action = asAuditAction(entry.action);
        const line = action && publicModerationLine(action, asDecisionReason(entry.reason));
        if (line) lines.push({ line, at: entry.createdAt.toISOString() });
      }
      return lines;
    },
    ["moderation-lines", insightId],
    [tags.insight(insightId)],
  );
}

type TargetInfo = { label: string | null; href: string | null };

/** Labels and links for a page of audit targets: one query per kind of target on the page. */
async function describeTargets(
  entries: { targetType: string; targetId: string }[],
): Promise<Map<string, TargetInfo>> {
  const idsOf = (type: string) => [
    ...new Set(entries.filter((e) => e.targetType === type).map((e) => e.targetId)),
  ];
  const key = (type: string, id: string) => `${type}:${id}`;
  const info = new Map<string, TargetInfo>();
  const insightLabel = (i: { section: { title: string; article: { title: string } } }) =>
    `Insight on “${i.section.title}” (${i.section.article.title})`;
  const insightSelect = { section: { select: { title: true, article: { select: { title: true } } } } };

  const insightIds = idsOf("insight");
  const appealIds = idsOf("appeal");
  const userIds = idsOf("user");
  const domainIds = idsOf("domain");
  const articleIds = idsOf("article");
  const termIds = idsOf("blocked-term");
  const [insights, appeals, users, domains, articles, terms] = await Promise.all([
    insightIds.length
      ? db.insight.findMany({ where: { id: { in: insightIds } }, select: { id: true, ...insightSelect } })
      : [],
    appealIds.length
      ? db.appeal.findMany({
          where: { id: { in: appealIds } },
          select: { id: true, insightId: true, insight: { select: insightSelect } },
        })
      : [],
    userIds.length
      ? db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true, handle: true } })
      : [],
    domainIds.length
      ? db.domain.findMany({ where: { id: { in: domainIds } }, select: { id: true, name: true, slug: true } })
      : [],
    articleIds.length
      ? db.article.findMany({
          where: { id: { in: articleIds } },
          select: { id: true, title: true, slug: true },
        })
      : [],
    termIds.length
      ? db.blockedTerm.findMany({ where: { id: { in: termIds } }, select: { id: true, term: true } })
      : [],
  ]);
  for (const i of insights) {
    info.set(key("insight", i.id), { label: insightLabel(i), href: `/insights/${i.id}/history` });
  }
  for (const a of appeals) {
    info.set(key("appeal", a.id), {
      label: `Appeal: ${insightLabel(a.insight)}`,
      href: `/insights/${a.insightId}/history`,
    });
  }
  for (const u of users) {
    info.set(key("user", u.id), {
      label: `${u.name} (@${u.handle})`,
      href: `/moderation/members/${u.handle}`,
    });
  }
  for (const d of domains) info.set(key("domain", d.id), { label: d.name, href: `/domains/${d.slug}` });
  for (const a of articles) info.set(key("article", a.id), { label: a.title, href: `/articles/${a.slug}` });
  for (const t of terms) info.set(key("blocked-term", t.id), { label: t.term, href: "/admin/blocked-terms" });
  return info;
}

/**
 * The audit log, newest first, a page at a time (keyset on createdAt, id), filtered by action, actor,
 * target type or target. Moderators and admins only.
 */
export async function listAuditLog(actor: SessionUser, filters: AuditLogFilters): Promise<AuditLogPage> {
  assertStaff(actor, STAFF_ONLY);
  let actorId: string | undefined;
  if (filters.actorHandle) {
    const found = await db.user.findUnique({
      where: { handle: filters.actorHandle.toLowerCase() },
      select: { id: true },
    });
    if (!found) return { entries: [], nextCursor: null };
    actorId = found.id;
  }
  const cursor = filters.cursor ? decodeCursor(filters.cursor, "log") : null;
  const at = cursor?.at ?? null;
  const rows = await db.auditEntry.findMany({
    where: {
      ...(filters.action ? { action: filters.action } : {}),
      ...(actorId ? { actorId } : {}),
      ...(filters.targetType ? { targetType: filters.targetType } : {}),
      ...(filters.targetId ? { targetId: filters.targetId } : {}),
      ...(cursor && at ? { OR: [{ createdAt: { lt: at } }, { createdAt: at, id: { lt: cursor.id } }] } : {}),
    },
    select: {
      id: true,
      createdAt: true,
      action: true,
      targetType: true,
      targetId: true,
      reason: true,
      note: true,
      actor: { select: { name: true, handle: true } },
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: AUDIT_PAGE_SIZE + 1,
  });
  const page = rows.slice(0, AUDIT_PAGE_SIZE);
  const last = page.at(-1);
  const targets = await describeTargets(page);
  const entries: AuditLogEntry[] = [];
  for (const row of page) {
    const action = asAuditAction(row.action);
    if (!action) continue;
    const target = targets.get(`${row.targetType}:${row.targetId}`);
    const reasonCode = asDecisionReason(row.reason);
    entries.push({
      id: row.id,
      at: row.createdAt.toISOString(),
      actor: row.actor,
      action,
      actionLabel: AUDIT_ACTIONS[action],
      targetType: row.targetType,
      targetId: row.targetId,
      targetLabel: target?.label ?? null,
      targetHref: target?.href ?? null,
      reason: reasonCode ? DECISION_REASON_LABELS[reasonCode] : row.reason,
      reasonCode: row.reason,
      note: row.note,
    });
  }
  return {
    entries,
    nextCursor:
      rows.length > AUDIT_PAGE_SIZE && last
        ? moderationPageCursor.encode({ at: last.createdAt, id: last.id })
        : null,
  };
}
