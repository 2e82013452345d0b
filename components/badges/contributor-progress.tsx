import type { ContributorProgress } from "@/lib/domain/badges";
import { tierLabel } from "@/lib/domain/badges";

/**
 * Where a member stands toward the next Contributor tier, worded for anyone reading their profile
 * ("3 of 10 articles toward Silver"), with a bar for the eye.
 */
export function ContributorProgressMeter({ progress }: { progress: ContributorProgress }) {
  const { articles, next, tier } = progress;
  const text = next
    ? `${articles} of ${next.articles} articles toward ${tierLabel(next.tier)}`
    : `${tier ? tierLabel(tier) : "Gold"} reached: contributed to ${articles} articles`;
  const percent = next ? Math.min(100, Math.round((articles / next.articles) * 100)) : 100;
  return (
    <div className="flex flex-col gap-1.5">
      <p className="text-sm">
        <span className="font-medium">Contributor:</span> {text}
      </p>
      <div
        role="progressbar"
        aria-label={next ? `Progress toward Contributor · ${tierLabel(next.tier)}` : "Contributor progress"}
        aria-valuemin={0}
        aria-valuemax={next?.articles ?? articles}
        aria-valuenow={articles}
        aria-valuetext={text}
        className="bg-muted h-2 w-full max-w-sm overflow-hidden rounded-full"
      >
        <div className="bg-accent h-full rounded-full" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}
