// The rules of posting an insight, as pure functions: shared by the form (client) and the data layer.

import { hasStaffRole } from "@/lib/domain/permissions";
import type { InsightStatus } from "@/lib/generated/prisma/enums";
import { TRUST_RULES, type TrustLevel } from "./trust";

export const INSIGHT_MIN = 125;
export const INSIGHT_MAX = 750;

export const POSTING_LIMITS = {
  /** a new member may post once per this many seconds */
  intervalSeconds: 30,
  /** …and this many times per 24 hours */
  perDay: 10,
  /** …with at most this many links in one insight */
  maxLinks: 3,
  /** members are new while their account is younger than this… */
  newAccountDays: TRUST_RULES.accountAgeDays,
  /** …or they have fewer published insights than this (see lib/domain/trust.ts for the whole rule) */
  establishedAfterPublished: TRUST_RULES.publishedInsights,
} as const;

const DAY_MS = 24 * 60 * 60 * 1000;

type Role = "MEMBER" | "MODERATOR" | "ADMIN";
type Author = { role: Role; trust: TrustLevel };

/**
 * Whether a new insight is held for review: moderators and admins publish at once; a new member's insight
 * waits for a moderator; a trusted member's publishes at once unless an automatic check flagged it.
 */
export function initialInsightStatus(author: Author, autoFlags: readonly unknown[]): "PENDING" | "PUBLISHED" {
  if (hasStaffRole(author)) return "PUBLISHED";
  return author.trust === "NEW" || autoFlags.length > 0 ? "PENDING" : "PUBLISHED";
}

/**
 * The status after the author changed the text. A published insight goes back to review when a new member
 * edits it (what a moderator approved is what readers see) or an automatic check flags the new text; other
 * statuses stay as they are (pending and hidden insights are already waiting for a moderator).
 */
export function editedInsightStatus<S extends InsightStatus>(
  current: S,
  author: Author,
  autoFlags: readonly unknown[],
): S | "PENDING" {
  if (current !== "PUBLISHED" || hasStaffRole(author)) return current;
  return author.trust === "NEW" || autoFlags.length > 0 ? "PENDING" : current;
}

export type PostingRefusal = { message: string; retryAfterSeconds: number };

/**
 * For a limited member: refuses a post that comes too soon after the last one, or past the daily
 * allowance, saying when they may post again. `recentPostTimes` are their posts of the last 24 hours.
 */
export function checkPostingRate(recentPostTimes: Date[], now = new Date()): PostingRefusal | null {
  const times = recentPostTimes.map((t) => t.getTime()).sort((a, b) => b - a);
  const last = times[0];
  if (last !== undefined) {
    const wait = Math.ceil((last + POSTING_LIMITS.intervalSeconds * 1000 - now.getTime()) / 1000);
    if (wait > 0) {
      return {
        message: `New members can post one insight every ${POSTING_LIMITS.intervalSeconds} seconds. You can post again in ${wait} second${wait === 1 ? "" : "s"}.`,
        retryAfterSeconds: wait,
      };
    }
  }
  const inLastDay = times.filter((t) => t > now.getTime() - DAY_MS);
  if (inLastDay.length >= POSTING_LIMITS.perDay) {
    const oldest = inLastDay[POSTING_LIMITS.perDay - 1] ?? inLastDay[inLastDay.length - 1] ?? now.getTime();
    const waitSeconds = Math.max(1, Math.ceil((oldest + DAY_MS - now.getTime()) / 1000));
    const at = new Date(now.getTime() + waitSeconds * 1000);
    return {
      message: `New members can post ${POSTING_LIMITS.perDay} insights a day. You can post again at ${at.toUTCString()}.`,
      retryAfterSeconds: waitSeconds,
    };
  }
  return null;
}

/** Links in an insight, as the insight renderer shows them (see lib/markdown/links.ts). */
export { countLinks } from "@/lib/markdown/links";

/** The form a body is compared in when refusing duplicates: trimmed, whitespace collapsed, lower-case. */
export function normalizeBody(body: string): string {
  return body.trim().replace(/\s+/g, " ").toLowerCase();
}
