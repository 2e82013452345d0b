import { Search } from "lucide-react";
import Form from "next/form";
import { Button } from "@/components/ui/button";
import { controlClassName, Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { DomainTreeItem } from "@/lib/data/content";
import { cn } from "@/lib/utils";
import { SEARCH_QUERY_MAX, type SearchRequest } from "@/lib/validation/search";

/**
 * The search page's own form: the query, the domain filter, and the kind being viewed (kept, while a new
 * query starts again at page 1). A GET form: it works without JavaScript, and with it next/form
 * navigates on the client.
 */
export function SearchForm({ request, domains }: { request: SearchRequest; domains: DomainTreeItem[] }) {
  return (
    <Form prefetch={false} action="/search" role="search" aria-label="Search" className="grid gap-3">
      <div className="grid gap-1.5">
        <Label htmlFor="search-query">Search articles, guides and insights</Label>
        <div className="flex gap-2">
          <Input
            id="search-query"
            type="search"
            name="q"
            defaultValue={request.q}
            maxLength={SEARCH_QUERY_MAX}
            autoComplete="off"
            enterKeyHint="search"
            aria-describedby="search-syntax"
            className="h-11 text-base"
          />
          <Button type="submit" size="lg">
            <Search aria-hidden="true" />
            Search
          </Button>
        </div>
        <p id="search-syntax" className="text-muted-foreground text-sm">
          Use quotes for a phrase (
          <kbd className="font-mono whitespace-nowrap">&quot;career growth&quot;</kbd>),{" "}
          <kbd className="font-mono whitespace-nowrap">or</kbd> for either word, and a minus to leave a word
          out (<kbd className="font-mono whitespace-nowrap">-java</kbd>).
        </p>
      </div>
      <div className="flex flex-wrap items-end gap-3">
        <div className="grid gap-1.5">
          <Label htmlFor="search-domain">Domain</Label>
          <select
            id="search-domain"
            name="domain"
            defaultValue={request.domain ?? ""}
            className={cn(controlClassName, "h-9 w-auto py-1 pr-8 sm:text-sm")}
          >
            <option value="">All domains</option>
            {domains.map((domain) => [
              <option key={domain.id} value={domain.slug}>
                {domain.name}
              </option>,
              ...domain.children.map((child) => (
                <option key={child.id} value={child.slug}>
                  {`\u00a0\u00a0\u00a0${child.name}`}
                </option>
              )),
            ])}
          </select>
        </div>
        {request.kind === "all" ? null : <input type="hidden" name="kind" value={request.kind} />}
        <Button type="submit" variant="outline" size="sm" className="h-9">
          Apply filter
        </Button>
      </div>
    </Form>
  );
}
