import type { Metadata } from "next";
import Link from "next/link";
import { BadgeChip } from "@/components/badges/badge-chip";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { listBadges, type BadgeSummary } from "@/lib/data/badge-views";
import { criteriaText } from "@/lib/domain/badge-labels";

// The same for every reader, from Next's cache; the granting job revalidates the `badges` tag.
export const revalidate = 3600;

export const metadata: Metadata = {
  title: "Badges",
  description:
    "The badges Roundtable members earn by sharing insights, how to earn each, and who holds them.",
  alternates: { canonical: "/badges" },
};

type Family = { family: string; name: string; perDomain: boolean; badges: BadgeSummary[] };

function familiesOf(badges: BadgeSummary[]): Family[] {
  const families = new Map<string, Family>();
  for (const badge of badges) {
    const family = families.get(badge.family);
    if (family) family.badges.push(badge);
    else
      families.set(badge.family, {
        family: badge.family,
        name: badge.name,
        perDomain: badge.perDomain,
        badges: [badge],
      });
  }
  return [...families.values()];
}

function holders(count: number, perDomain: boolean): string {
  if (count === 0) return "No one holds it yet";
  const members = `${count} ${count === 1 ? "member" : "members"}`;
  return perDomain ? `Held by ${members} across domains` : `Held by ${members}`;
}

export default async function BadgesPage() {
  const families = familiesOf(await listBadges());
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-10">
      <header className="flex flex-col gap-4">
        <Breadcrumbs items={[{ label: "Home", href: "/" }, { label: "Badges" }]} />
        <h1 className="text-3xl font-bold tracking-tight">Badges</h1>
        <p className="text-muted-foreground text-lg leading-relaxed">
          Badges recognise members whose insights make articles better. They are granted automatically; some
          come in Bronze, Silver and Gold tiers, and some are held only while you keep qualifying.
        </p>
      </header>

      {families.map((family) => (
        <section
          key={family.family}
          aria-labelledby={`badge-family-${family.family}`}
          className="border-border bg-card flex flex-col gap-4 rounded-lg border p-5"
        >
          <div className="flex flex-col gap-1">
            <h2 id={`badge-family-${family.family}`} className="text-xl font-semibold">
              {family.name}
            </h2>
            {family.badges.length === 1 ? (
              <p className="text-muted-foreground">{family.badges[0]!.description}</p>
            ) : null}
          </div>
          <ul className="divide-border flex flex-col divide-y">
            {family.badges.map((badge) => (
              <li key={badge.slug} className="flex flex-col gap-1.5 py-3 first:pt-0 last:pb-0">
                <h3 className="flex flex-wrap items-center gap-2">
                  <Link
                    href={`/badges/${badge.slug}`}
                    className="rounded-full underline-offset-4 hover:underline"
                  >
                    <BadgeChip badge={badge} />
                  </Link>
                </h3>
                {family.badges.length > 1 ? <p className="text-sm">{badge.description}</p> : null}
                <p className="text-muted-foreground text-sm">
                  <span className="text-foreground font-medium">How to earn it:</span> {criteriaText(badge)}
                </p>
                <p className="text-sm tabular-nums">
                  <Link
                    href={`/badges/${badge.slug}`}
                    className="text-accent rounded-sm underline-offset-4 hover:underline"
                  >
                    {holders(badge.holderCount, badge.perDomain)}
                  </Link>
                </p>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
