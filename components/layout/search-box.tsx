import { Search } from "lucide-react";
import Form from "next/form";
import Link from "next/link";
import { buttonVariants } from "@/components/ui/button";
import { cn } from "@/lib/utils";
import { SEARCH_QUERY_MAX } from "@/lib/validation/search";

/**
 * The header's search: a GET form to /search (works without JavaScript; with it next/form navigates on
 * the client) from medium screens up, and a search icon linking to /search on phones, where the search
 * page has the full form.
 */
export function SearchBox({ className }: { className?: string }) {
  return (
    <>
      <Form
        prefetch={false}
        action="/search"
        role="search"
        aria-label="Site search"
        className={cn("relative hidden md:block md:w-56 lg:w-72", className)}
      >
        <label htmlFor="site-search" className="sr-only">
          Search Roundtable
        </label>
        <Search
          aria-hidden="true"
          className="text-muted-foreground pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2"
        />
        <input
          id="site-search"
          type="search"
          name="q"
          placeholder="Search articles and insights"
          maxLength={SEARCH_QUERY_MAX}
          autoComplete="off"
          enterKeyHint="search"
          className="border-input bg-background text-foreground placeholder:text-muted-foreground h-9 w-full rounded-md border pr-3 pl-8 text-sm transition-colors"
        />
      </Form>
      <Link
        prefetch={false}
        href="/search"
        aria-label="Search"
        className={cn(buttonVariants({ variant: "ghost", size: "icon" }), "size-9 md:hidden")}
      >
        <Search aria-hidden="true" />
      </Link>
    </>
  );
}
