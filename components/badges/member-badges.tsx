import Link from "next/link";
import { RelativeTime } from "@/components/ui/relative-time";
import type { MemberBadge, PastMemberBadge } from "@/lib/data/badge-views";
import { formatDay } from "@/lib/domain/dates";
import { BadgeChip } from "./badge-chip";

function DomainName({ domain }: { domain: { name: string; slug: string } }) {
  return (
    <Link href={`/domains/${domain.slug}`} className="rounded-sm font-medium underline underline-offset-4">
      {domain.name}
    </Link>
  );
}

/** A member's badges, each with when it was earned and, for Top Voice, the domain. */
export function MemberBadgeList({ badges }: { badges: MemberBadge[] }) {
  return (
    <ul className="grid gap-3 sm:grid-cols-2">
      {badges.map((badge) => (
        <li key={badge.id} className="border-border bg-card flex flex-col gap-1.5 rounded-lg border p-3">
          <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm">
            <Link href={`/badges/${badge.slug}`} className="rounded-full">
              <BadgeChip badge={badge} />
            </Link>
            {badge.domain ? (
              <span>
                in <DomainName domain={badge.domain} />
              </span>
            ) : null}
          </p>
          <p className="text-muted-foreground text-sm">{badge.description}</p>
          <p className="text-muted-foreground text-xs">
            Earned <RelativeTime date={badge.grantedAt} />
          </p>
        </li>
      ))}
    </ul>
  );
}

/** Badges held once and lost again: "Top Voice in Careers from 3 March 2026 to 9 May 2026". */
export function PastBadgeList({ badges }: { badges: PastMemberBadge[] }) {
  return (
    <ul className="text-muted-foreground flex flex-col gap-1 text-sm">
      {badges.map((badge) => (
        <li key={badge.id}>
          <span className="text-foreground font-medium">{badge.label}</span>
          {badge.domain ? (
            <>
              {" "}
              in <DomainName domain={badge.domain} />
            </>
          ) : null}{" "}
          from <time dateTime={badge.grantedAt}>{formatDay(badge.grantedAt)}</time> to{" "}
          <time dateTime={badge.revokedAt}>{formatDay(badge.revokedAt)}</time>
        </li>
      ))}
    </ul>
  );
}
