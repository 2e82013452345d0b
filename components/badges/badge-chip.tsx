import { Award, Medal } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import type { BadgeChipData, BadgeTierName } from "@/lib/domain/badge-labels";
import { cn } from "@/lib/utils";

const VARIANT = {
  NONE: "default",
  BRONZE: "bronze",
  SILVER: "silver",
  GOLD: "gold",
} as const satisfies Record<BadgeTierName, "default" | "bronze" | "silver" | "gold">;

/** A badge as a pill: the tier's tone for the eye, and always its name in words. */
export function BadgeChip({ badge, className }: { badge: BadgeChipData; className?: string }) {
  const Icon = badge.tier === "NONE" ? Award : Medal;
  return (
    <Badge variant={VARIANT[badge.tier]} className={className}>
      <Icon aria-hidden="true" />
      {badge.label}
    </Badge>
  );
}

/** Several chips in a row, as a list; nothing at all when there are none. */
export function BadgeChipList({
  badges,
  label,
  className,
}: {
  badges: BadgeChipData[];
  /** names the list for assistive tech, e.g. "Badges of Priya Raman" */
  label: string;
  className?: string;
}) {
  if (badges.length === 0) return null;
  return (
    <ul aria-label={label} className={cn("flex flex-wrap items-center gap-1", className)}>
      {badges.map((badge) => (
        <li key={badge.label}>
          <BadgeChip badge={badge} />
        </li>
      ))}
    </ul>
  );
}
