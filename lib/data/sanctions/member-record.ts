import "server-only";
import { db } from "@/lib/db";
import { mayLiftSanction, mayManageMembers, maySanction } from "@/lib/domain/permissions";
import type { InsightStatus, Role, SanctionKind, TrustLevel, UserStatus } from "@/lib/generated/prisma/enums";
import { assertStaff } from "../permissions";
import { getMemberTrust } from "../trust";
import { accountBlock, type SessionUser } from "../users";
import { DAY_MS, memberRowSelect, toMemberRow } from "./shared";

// A member's moderation record as staff see it, and the member's own standing as settings show it.

const HISTORY_LIMIT = 50;
const RECENT_INSIGHTS_LIMIT = 20;
/** How long a warning stays on a member's "Account standing" in settings. */
const STANDING_WINDOW_MS = 365 * DAY_MS;

export type SanctionView = {
  id: string;
  kind: SanctionKind;
  reason: string;
  createdAt: string;
  endsAt: string | null;
  issuedBy: { name: string; handle: string };
  liftedAt: string | null;
  liftedBy: { name: string; handle: string } | null;
  /** a warning not withdrawn, a suspension not lifted and not over, a ban not lifted */
  active: boolean;
  removedInsightCount: number;
};

export type MemberModerationRecord = {
  member: {
    id: string;
    name: string;
    handle: string;
    /** admins only */
    email: string | null;
    headline: string;
    role: Role;
    status: UserStatus;
    statusReason: string | null;
    statusUntil: string | null;
    joinedAt: string;
    trustOverride: TrustLevel | null;
    trust: TrustLevel;
  };
  counts: Record<"published" | "pending" | "hidden" | "rejected" | "removed" | "deleted", number> & {
    /** reports on their insights that moderators upheld, ever */
    upheldReports: number;
  };
  /** newest first */
  sanctions: SanctionView[];
  /** their newest insights in any state, newest first */
  insights: {
    id: string;
    status: InsightStatus;
    deleted: boolean;
    body: string;
    createdAt: string;
    article: { title: string; slug: string };
    section: { title: string; anchor: string };
  }[];
  /** what the viewing staff member may do to this member */
  permissions: { sanction: boolean; lift: boolean };
};

export type StandingItem = {
  id: string;
  kind: SanctionKind;
  reason: string;
  createdAt: string;
  endsAt: string | null;
  active: boolean;
};

function isActiveSanction(
  sanction: { kind: SanctionKind; endsAt: Date | null; liftedAt: Date | null },
  now: Date,
): boolean {
  if (sanction.liftedAt) return false;
  if (sanction.kind === "SUSPENSION") return !!sanction.endsAt && sanction.endsAt > now;
  return true;
}

/** A member's moderation record for moderators and admins: standing, counts, sanctions and recent insights. */
export async function getMemberModerationRecord(
  actor: SessionUser,
  handle: string,
): Promise<MemberModerationRecord | null> {
  assertStaff(actor);
  const user = await db.user.findUnique({
    where: { handle },
    select: { ...memberRowSelect, headline: true },
  });
  if (!user) return null;
  const now = new Date();
  const [statusCounts, deleted, upheldReports, sanctions, insights, trust] = await Promise.all([
    db.insight.groupBy({
      by: ["status"],
      where: { authorId: user.id, deletedAt: null },
      _count: { _all: true },
    }),
    db.insight.count({ where: { authorId: user.id, deletedAt: { not: null } } }),
    db.report.count({ where: { authorId: user.id, resolution: "UPHELD" } }),
    db.sanction.findMany({
      where: { userId: user.id },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: HISTORY_LIMIT,
      select: {
        id: true,
        kind: true,
        reason: true,
        createdAt: true,
        endsAt: true,
        liftedAt: true,
        removedInsightIds: true,
        issuedBy: { select: { name: true, handle: true } },
        liftedById: true,
      },
    }),
    db.insight.findMany({
      where: { authorId: user.id },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: RECENT_INSIGHTS_LIMIT,
      select: {
        id: true,
        status: true,
        deletedAt: true,
        body: true,
        createdAt: true,
        section: { select: { title: true, anchor: true, article: { select: { title: true, slug: true } } } },
      },
    }),
    getMemberTrust(db, user.id, now),
  ]);
  const lifterIds = [...new Set(sanctions.map((s) => s.liftedById).filter((id): id is string => !!id))];
  const lifters = lifterIds.length
    ? await db.user.findMany({
        where: { id: { in: lifterIds } },
        select: { id: true, name: true, handle: true },
      })
    : [];
  const lifterById = new Map(
    lifters.map((lifter) => [lifter.id, { name: lifter.name, handle: lifter.handle }]),
  );
  const count = (status: InsightStatus) =>
    statusCounts.find((row) => row.status === status)?._count._all ?? 0;
  const row = toMemberRow(user, trust.trust, now);
  const block = accountBlock(user, now);

  return {
    member: {
      id: user.id,
      name: user.name,
      handle: user.handle,
      email: mayManageMembers(actor) ? user.email : null,
      headline: user.headline,
      role: user.role,
      status: row.status,
      statusReason: block?.reason ?? null,
      statusUntil: row.statusUntil,
      joinedAt: row.joinedAt,
      trustOverride: user.trustOverride,
      trust: trust.trust,
    },
    counts: {
      published: count("PUBLISHED"),
      pending: count("PENDING"),
      hidden: count("HIDDEN"),
      rejected: count("REJECTED"),
      removed: count("REMOVED"),
      deleted,
      upheldReports,
    },
    sanctions: sanctions.map((s) => ({
      id: s.id,
      kind: s.kind,
      reason: s.reason,
      createdAt: s.createdAt.toISOString(),
      endsAt: s.endsAt?.toISOString() ?? null,
      issuedBy: s.issuedBy,
      liftedAt: s.liftedAt?.toISOString() ?? null,
      liftedBy: s.liftedById ? (lifterById.get(s.liftedById) ?? null) : null,
      active: isActiveSanction(s, now),
      removedInsightCount: s.removedInsightIds.length,
    })),
    insights: insights.map((insight) => ({
      id: insight.id,
      status: insight.status,
      deleted: insight.deletedAt !== null,
      body: insight.body,
      createdAt: insight.createdAt.toISOString(),
      article: insight.section.article,
      section: { title: insight.section.title, anchor: insight.section.anchor },
    })),
    permissions: { sanction: maySanction(actor, user), lift: mayLiftSanction(actor, user) },
  };
}

/**
 * The actor's own standing, for settings: warnings of the past year and suspensions not lifted, newest
 * first. (A banned or currently suspended member cannot sign in to see it; they are told at sign-in.)
 */
export async function listOwnStanding(actor: SessionUser): Promise<StandingItem[]> {
  const now = new Date();
  const rows = await db.sanction.findMany({
    where: {
      userId: actor.id,
      liftedAt: null,
      kind: { in: ["WARNING", "SUSPENSION"] },
      createdAt: { gt: new Date(now.getTime() - STANDING_WINDOW_MS) },
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: HISTORY_LIMIT,
    select: { id: true, kind: true, reason: true, createdAt: true, endsAt: true, liftedAt: true },
  });
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    reason: row.reason,
    createdAt: row.createdAt.toISOString(),
    endsAt: row.endsAt?.toISOString() ?? null,
    active: isActiveSanction(row, now),
  }));
}
