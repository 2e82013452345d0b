import { ChevronRight } from "lucide-react";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { RelativeTime } from "@/components/ui/relative-time";
import type { ArticleHit, InsightHit, SearchDomain } from "@/lib/data/search";
import { Highlighted } from "./highlighted";

const KIND_LABEL = { COLLABORATIVE: "Article", GUIDE: "Guide" } as const;

/** Parent › Domain, each a link. */
function DomainTrail({ domain }: { domain: SearchDomain }) {
  const trail = domain.parent ? [domain.parent, domain] : [domain];
  return (
    <span className="inline-flex flex-wrap items-center gap-1">
      {trail.map((item, index) => (
        <span key={item.slug} className="inline-flex items-center gap-1">
          {index > 0 ? <ChevronRight aria-hidden="true" className="size-3" /> : null}
          <Link
            href={`/domains/${item.slug}`}
            className="hover:text-foreground relative z-10 rounded-sm hover:underline"
          >
            {item.name}
          </Link>
        </span>
      ))}
    </span>
  );
}

/** The heading level of a result's title: h3 under the results' h2, h4 under a group's h3. */
type Level = "h3" | "h4";

export function ArticleResult({ hit, level: Heading = "h3" }: { hit: ArticleHit; level?: Level }) {
  return (
    <article className="border-border bg-card hover:border-accent/60 relative flex flex-col gap-2 rounded-lg border p-5 transition-colors">
      <div className="text-muted-foreground flex flex-wrap items-center gap-2 text-xs">
        <Badge variant={hit.kind === "GUIDE" ? "secondary" : "outline"}>{KIND_LABEL[hit.kind]}</Badge>
        <DomainTrail domain={hit.domain} />
        <span aria-hidden="true">·</span>
        <RelativeTime date={hit.publishedAt} />
      </div>
      <Heading className="text-lg leading-snug font-semibold">
        <Link
          href={`/articles/${hit.slug}`}
          className="rounded-sm after:absolute after:inset-0 hover:underline"
        >
          <Highlighted segments={hit.title} />
        </Link>
      </Heading>
      <p className="text-muted-foreground line-clamp-3 text-sm leading-relaxed">
        <Highlighted segments={hit.snippet} />
      </p>
    </article>
  );
}

export function InsightResult({ hit, level: Heading = "h3" }: { hit: InsightHit; level?: Level }) {
  return (
    <article className="border-border bg-card hover:border-accent/60 relative flex flex-col gap-2 rounded-lg border p-5 transition-colors">
      <div className="text-muted-foreground flex flex-wrap items-center gap-2 text-xs">
        <Badge variant="outline">Insight</Badge>
        <DomainTrail domain={hit.domain} />
        <span aria-hidden="true">·</span>
        <RelativeTime date={hit.publishedAt} />
      </div>
      <Heading className="leading-snug font-semibold">
        <Link
          href={`/articles/${hit.article.slug}#${hit.section.anchor}`}
          className="rounded-sm after:absolute after:inset-0 hover:underline"
        >
          {hit.article.title}
          <span className="text-muted-foreground font-normal"> › {hit.section.title}</span>
        </Link>
      </Heading>
      <p className="line-clamp-4 text-sm leading-relaxed">
        <Highlighted segments={hit.snippet} />
      </p>
      <p className="text-muted-foreground text-xs">
        Insight by{" "}
        <Link
          href={`/members/${hit.author.handle}`}
          className="hover:text-foreground relative z-10 rounded-sm hover:underline"
        >
          {hit.author.name}
        </Link>
      </p>
    </article>
  );
}

export function ResultList({
  articles,
  insights,
  level,
}: {
  articles?: ArticleHit[];
  insights?: InsightHit[];
  level?: Level;
}) {
  return (
    <ol className="flex flex-col gap-3">
      {articles?.map((hit) => (
        <li key={hit.id}>
          <ArticleResult hit={hit} level={level} />
        </li>
      ))}
      {insights?.map((hit) => (
        <li key={hit.id}>
          <InsightResult hit={hit} level={level} />
        </li>
      ))}
    </ol>
  );
}
