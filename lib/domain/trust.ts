// Who is held for review: a member's trust level, computed from their record (pure; the data layer counts).
import { hasStaffRole } from "@/lib/domain/permissions";
import type { Role, TrustLevel } from "@/lib/generated/prisma/enums";

export type { TrustLevel };

export const TRUST_RULES = {
  /** an account is new until it is at least this many days old… */
  accountAgeDays: 7,
  /** …has at least this many published insights… */
  publishedInsights: 3,
  /** …and has had no report upheld against it in this many days */
  upheldReportWindowDays: 30,
} as const;

export const TRUST_LABELS: Record<TrustLevel, string> = { NEW: "New", TRUSTED: "Trusted" };

const DAY_MS = 24 * 60 * 60 * 1000;

export type TrustFacts = {
  role: Role;
  createdAt: Date;
  /** published, not deleted insights */
  publishedCount: number;
  /** reports against the member's insights that a moderator upheld within the report window */
  upheldReportsLast30Days: number;
  /** an admin's hand-set level, which wins over the computed one */
  override: TrustLevel | null;
};

/** Moderators and admins are always trusted: no computed level or admin's override applies to them. */
export function isTrustedByRole(role: Role): boolean {
  return hasStaffRole({ role });
}

/**
 * A member's trust: moderators and admins are always trusted; an admin's override wins; otherwise a member
 * is new until their account is 7 days old, they have 3 published insights and no report against them was
 * upheld in the last 30 days. New members' insights wait for a moderator and post under rate limits.
 */
export function computeTrust(facts: TrustFacts, now = new Date()): TrustLevel {
  if (isTrustedByRole(facts.role)) return "TRUSTED";
  if (facts.override) return facts.override;
  const ageMs = now.getTime() - facts.createdAt.getTime();
  const established =
    ageMs >= TRUST_RULES.accountAgeDays * DAY_MS &&
    facts.publishedCount >= TRUST_RULES.publishedInsights &&
    facts.upheldReportsLast30Days === 0;
  return established ? "TRUSTED" : "NEW";
}

/** Reports upheld after this moment count against trust. */
export function upheldReportWindowStart(now = new Date()): Date {
  return new Date(now.getTime() - TRUST_RULES.upheldReportWindowDays * DAY_MS);
}
