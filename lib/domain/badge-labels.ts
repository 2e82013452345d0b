// How badges are named to readers, shared by the data layer (insight chips), server pages and the client
// header menu, so "Contributor · Gold" reads the same everywhere. Pure: no I/O, safe in client bundles.
import { tierLabel } from "@/lib/domain/badges";

export type BadgeTierName = "NONE" | "BRONZE" | "SILVER" | "GOLD";

/** What a chip needs: its words and its tone. */
export type BadgeChipData = { label: string; tier: BadgeTierName };

/** "Contributor · Gold" for a tiered badge, the bare name ("Top Voice") otherwise. */
export function badgeLabel(name: string, tier: BadgeTierName): string {
  return tier === "NONE" ? name : `${name} · ${tierLabel(tier)}`;
}

export const TIER_RANK: Record<BadgeTierName, number> = { NONE: 0, BRONZE: 1, SILVER: 2, GOLD: 3 };

/** How to earn a badge, saying so when it can be lost again (unless its criteria already do). */
export function criteriaText(badge: { criteria: string; revocable: boolean }): string {
  return badge.revocable && !/held while/i.test(badge.criteria)
    ? `${badge.criteria} Held while you still qualify.`
    : badge.criteria;
}
