import Form from "next/form";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { controlClassName } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { DomainTreeItem } from "@/lib/data/content";
import type { QueueFilters as Filters } from "@/lib/data/moderation/queue";
import { REPORT_REASON_LABELS } from "@/lib/domain/moderation";
import { QUEUE_KIND_FILTER_LABELS } from "@/lib/domain/moderation-labels";
import { cn } from "@/lib/utils";
import { QUEUE_KINDS, REPORT_REASONS } from "@/lib/validation/moderation";

const selectClass = cn(controlClassName, "h-9 sm:w-48");

/** Kind, domain and report reason, as search parameters of /moderation (a plain GET form). */
export function QueueFilters({ filters, domains }: { filters: Filters; domains: DomainTreeItem[] }) {
  const filtered = Boolean(filters.kind || filters.domainSlug || filters.reason);
  // A domain added since the domain list was cached still shows as the current choice.
  const listed = domains.some(
    (domain) =>
      domain.slug === filters.domainSlug ||
      domain.children.some((child) => child.slug === filters.domainSlug),
  );
  return (
    <Form
      prefetch={false}
      action="/moderation"
      aria-label="Filter the queue"
      className="border-border bg-card flex flex-col gap-3 rounded-lg border p-3 sm:flex-row sm:flex-wrap sm:items-end"
    >
      <div className="grid gap-1">
        <Label htmlFor="filter-kind">Kind</Label>
        <select id="filter-kind" name="kind" defaultValue={filters.kind ?? ""} className={selectClass}>
          <option value="">All kinds</option>
          {QUEUE_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {QUEUE_KIND_FILTER_LABELS[kind]}
            </option>
          ))}
        </select>
      </div>
      <div className="grid gap-1">
        <Label htmlFor="filter-domain">Domain</Label>
        <select
          id="filter-domain"
          name="domain"
          defaultValue={filters.domainSlug ?? ""}
          className={selectClass}
        >
          <option value="">All domains</option>
          {filters.domainSlug && !listed ? (
            <option value={filters.domainSlug}>{filters.domainSlug}</option>
          ) : null}
          {domains.map((domain) => (
            <optgroup key={domain.slug} label={domain.name}>
              <option value={domain.slug}>{domain.name}</option>
              {domain.children.map((child) => (
                <option key={child.slug} value={child.slug}>
                  {child.name}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </div>
      <div className="grid gap-1">
        <Label htmlFor="filter-reason">Report reason</Label>
        <select id="filter-reason" name="reason" defaultValue={filters.reason ?? ""} className={selectClass}>
          <option value="">Any reason</option>
          {REPORT_REASONS.map((reason) => (
            <option key={reason} value={reason}>
              {REPORT_REASON_LABELS[reason]}
            </option>
          ))}
        </select>
      </div>
      <div className="flex gap-2">
        <Button type="submit" size="sm" variant="secondary" className="h-9">
          Filter
        </Button>
        {filtered ? (
          <Button asChild size="sm" variant="ghost" className="h-9">
            <Link prefetch={false} href="/moderation">
              Clear filters
            </Link>
          </Button>
        ) : null}
      </div>
    </Form>
  );
}
