import { SearchX } from "lucide-react";
import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { SEARCH_COUNT_CAP, type SearchResults } from "@/lib/data/search";
import { formatResultCount } from "@/lib/domain/search";
import { searchHref, type SearchRequest } from "@/lib/validation/search";
import { KIND_NAMES } from "./kind-tabs";

const linkClass = "text-accent rounded-sm font-medium underline-offset-4 hover:underline";

/** "No results", what may have gone wrong, and where to go instead. */
export function NoResults({ request, results }: { request: SearchRequest; results: SearchResults }) {
  const noun = request.kind === "all" ? "results" : KIND_NAMES[request.kind][1];
  const where = results.domain ? ` in ${results.domain.name}` : "";
  const elsewhere = (Object.keys(KIND_NAMES) as (keyof typeof KIND_NAMES)[]).filter(
    (kind) => kind !== request.kind && results.counts[kind] > 0,
  );
  return (
    <EmptyState
      icon={<SearchX />}
      title={`No ${noun} for “${request.q}”${where}`}
      description={
        results.status === "no-terms"
          ? "Common words such as “the”, symbols and excluded words (with a minus) are not searched on their own. Add a word to look for."
          : undefined
      }
      action={
        <ul className="text-muted-foreground grid gap-1.5 text-left text-sm">
          {elsewhere.map((kind) => (
            <li key={kind}>
              <Link href={searchHref({ q: request.q, domain: request.domain, kind })} className={linkClass}>
                See {formatResultCount(results.counts[kind], SEARCH_COUNT_CAP, KIND_NAMES[kind])}
              </Link>
            </li>
          ))}
          <li>Check the spelling.</li>
          <li>Try fewer words, or more general ones.</li>
          {request.q.includes('"') ? <li>Remove the quotes to find the words apart.</li> : null}
          {results.domain ? (
            <li>
              <Link href={searchHref({ q: request.q, kind: request.kind })} className={linkClass}>
                Search all domains
              </Link>
            </li>
          ) : null}
          <li>
            <Link href="/#domains" className={linkClass}>
              Browse domains
            </Link>
          </li>
        </ul>
      }
    />
  );
}
