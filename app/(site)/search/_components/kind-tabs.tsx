import Link from "next/link";
import type { SearchCounts } from "@/lib/data/search";
import { cn } from "@/lib/utils";
import { searchHref, type SearchKind, type SearchRequest } from "@/lib/validation/search";

export const KIND_NAMES: Record<Exclude<SearchKind, "all">, [string, string]> = {
  articles: ["article", "articles"],
  guides: ["guide", "guides"],
  insights: ["insight", "insights"],
};

const TABS: { kind: SearchKind; label: string }[] = [
  { kind: "all", label: "All" },
  { kind: "articles", label: "Articles" },
  { kind: "guides", label: "Guides" },
  { kind: "insights", label: "Insights" },
];

/** A count that stopped at `cap` reads "500+". */
export function countLabel(count: number, capped: boolean): string {
  return `${count.toLocaleString("en-US")}${capped ? "+" : ""}`;
}

/** All / Articles / Guides / Insights, each with its count, as links that keep the query and domain. */
export function KindTabs({
  request,
  counts,
  cap,
}: {
  request: SearchRequest;
  counts: SearchCounts;
  cap: number;
}) {
  const values = Object.values(counts);
  const countOf = (kind: SearchKind) =>
    kind === "all"
      ? countLabel(
          values.reduce((sum, n) => sum + n, 0),
          values.some((n) => n >= cap),
        )
      : countLabel(counts[kind], counts[kind] >= cap);
  return (
    <nav aria-label="Kinds of result" className="border-border border-b">
      <ul className="-mb-px flex gap-1 overflow-x-auto">
        {TABS.map((tab) => {
          const current = tab.kind === request.kind;
          return (
            <li key={tab.kind}>
              <Link
                href={searchHref({ q: request.q, domain: request.domain, kind: tab.kind })}
                aria-current={current ? "page" : undefined}
                className={cn(
                  "inline-flex items-center gap-2 rounded-t-md border-b-2 px-3 py-2 text-sm font-medium whitespace-nowrap transition-colors",
                  current
                    ? "border-accent text-foreground"
                    : "text-muted-foreground hover:text-foreground border-transparent",
                )}
              >
                {tab.label}
                <span className="bg-muted text-muted-foreground rounded-full px-2 text-xs tabular-nums">
                  {countOf(tab.kind)}
                </span>
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
