import Link from "next/link";
import { feedPaths } from "@/lib/feeds";

export function SiteFooter() {
  return (
    <footer className="border-border text-muted-foreground mt-16 border-t">
      <div className="mx-auto flex max-w-6xl flex-col gap-3 px-4 py-8 text-sm sm:flex-row sm:items-center sm:justify-between">
        <p>Roundtable: articles and guides improved by the people who do the work.</p>
        <nav aria-label="Footer" className="flex gap-4">
          <Link href="/contribute" className="hover:text-foreground rounded-sm">
            How to contribute
          </Link>
          <Link href="/#domains" className="hover:text-foreground rounded-sm">
            All domains
          </Link>
          {/* A file, not a page: a plain anchor, so Next does not try to prefetch or route to it. */}
          <a
            href={feedPaths.articles("rss")}
            type="application/rss+xml"
            className="hover:text-foreground rounded-sm"
          >
            RSS feed
          </a>
        </nav>
      </div>
    </footer>
  );
}
