import "server-only";
import type { db } from "@/lib/db";
import { computeTrust, upheldReportWindowStart, type TrustLevel } from "@/lib/domain/trust";
import type { Tx } from "./transaction";

type Client = Tx | typeof db;

export type MemberTrust = {
  trust: TrustLevel;
  /** an admin's hand-set level, when there is one (it wins over the computed level) */
  override: TrustLevel | null;
  publishedCount: number;
  upheldReportsLast30Days: number;
};

/**
 * A member's trust as it stands now (lib/domain/trust.ts): counted from their published insights and the
 * reports against them that a moderator upheld in the last 30 days. Pass the transaction that writes on
 * its strength, so the count is the one the write sees.
 */
export async function getMemberTrust(client: Client, userId: string, now = new Date()): Promise<MemberTrust> {
  const trusts = await listMemberTrust(client, [userId], now);
  const trust = trusts.get(userId);
  if (!trust) throw new Error(`No user ${userId} to compute trust for.`);
  return trust;
}

/** Trust of several members at once (the review queue shows each author's), by user id; unknown ids are left out. */
export async function listMemberTrust(
  client: Client,
  userIds: readonly string[],
  now = new Date(),
): Promise<Map<string, MemberTrust>> {
  const ids = [...new Set(userIds)];
  const result = new Map<string, MemberTrust>();
  if (ids.length === 0) return result;
  // One after another: inside a transaction the queries share one connection anyway.
  const users = await client.user.findMany({
    where: { id: { in: ids } },
    select: { id: true, role: true, createdAt: true, trustOverride: true },
  });
  // Insight(authorId, status, publishedAt) index
  const published = await client.insight.groupBy({
    by: ["authorId"],
    where: { authorId: { in: ids }, status: "PUBLISHED", deletedAt: null },
    _count: { _all: true },
  });
  // Report(authorId, resolution, resolvedAt) index
  const upheld = await client.report.groupBy({
    by: ["authorId"],
    where: { authorId: { in: ids }, resolution: "UPHELD", resolvedAt: { gte: upheldReportWindowStart(now) } },
    _count: { _all: true },
  });
  const publishedBy = new Map(published.map((row) => [row.authorId, row._count._all]));
  const upheldBy = new Map(upheld.map((row) => [row.authorId, row._count._all]));
  for (const user of users) {
    const publishedCount = publishedBy.get(user.id) ?? 0;
    const upheldReportsLast30Days = upheldBy.get(user.id) ?? 0;
    result.set(user.id, {
      trust: computeTrust(
        {
          role: user.role,
          createdAt: user.createdAt,
          publishedCount,
          upheldReportsLast30Days,
          override: user.trustOverride,
        },
        now,
      ),
      override: user.trustOverride,
      publishedCount,
      upheldReportsLast30Days,
    });
  }
  return result;
}
