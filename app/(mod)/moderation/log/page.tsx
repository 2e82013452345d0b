import { ChevronRight, ScrollText } from "lucide-react";
import type { Metadata } from "next";
import Form from "next/form";
import Link from "next/link";
import { Button, buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Input, controlClassName } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { RelativeTime } from "@/components/ui/relative-time";
import { listAuditLog, type AuditLogEntry } from "@/lib/data/moderation/audit-log";
import { AUDIT_ACTIONS, type AuditAction } from "@/lib/domain/moderation";
import { isStaff } from "@/lib/domain/permissions";
import { requirePageUser } from "@/lib/session";
import { cn } from "@/lib/utils";
import { AUDIT_TARGET_TYPES, auditLogFiltersSchema } from "@/lib/validation/moderation";

export const metadata: Metadata = { title: "Moderation log" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

const TARGET_TYPE_LABELS: Record<(typeof AUDIT_TARGET_TYPES)[number], string> = {
  insight: "Insight",
  user: "Member",
  appeal: "Appeal",
  "blocked-term": "Blocked term",
  domain: "Domain",
  article: "Article",
  sponsor: "Sponsor",
  inquiry: "Sponsorship inquiry",
};

const selectClass = cn(controlClassName, "h-9");

export default async function ModerationLogPage({ searchParams }: Props) {
  const params = await searchParams;
  const filters = auditLogFiltersSchema.parse({
    action: first(params.action),
    actorHandle: first(params.moderator),
    targetType: first(params.targetType),
    targetId: first(params.target),
    cursor: first(params.cursor),
  });
  const filterQuery = new URLSearchParams(
    Object.entries({
      action: filters.action,
      moderator: filters.actorHandle,
      targetType: filters.targetType,
      target: filters.targetId,
    }).filter((entry): entry is [string, string] => Boolean(entry[1])),
  );
  const here = new URLSearchParams(filterQuery);
  if (filters.cursor) here.set("cursor", filters.cursor);
  const user = await requirePageUser(here.size > 0 ? `/moderation/log?${here}` : "/moderation/log", isStaff);
  const { entries, nextCursor } = await listAuditLog(user, filters);

  const hrefWith = (cursor: string | null) => {
    const query = new URLSearchParams(filterQuery);
    if (cursor) query.set("cursor", cursor);
    return query.size > 0 ? `/moderation/log?${query}` : "/moderation/log";
  };
  const filtered = filterQuery.size > 0;

  return (
    <div className="mx-auto flex max-w-5xl flex-col gap-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-3xl font-bold tracking-tight">Moderation log</h1>
          <p className="text-muted-foreground mt-1">
            Every moderator and admin action, newest first. Entries can never be changed or deleted.
          </p>
        </div>
        <Link
          prefetch={false}
          href="/moderation"
          className="text-accent rounded-sm text-sm underline underline-offset-4"
        >
          Back to the review queue
        </Link>
      </div>

      <Form
        prefetch={false}
        action="/moderation/log"
        aria-label="Filter the log"
        className="border-border bg-card grid gap-3 rounded-lg border p-3 sm:grid-cols-2 lg:grid-cols-[repeat(4,minmax(0,1fr))_auto] lg:items-end"
      >
        <div className="grid gap-1">
          <Label htmlFor="log-action">Action</Label>
          <select id="log-action" name="action" defaultValue={filters.action ?? ""} className={selectClass}>
            <option value="">All actions</option>
            {(Object.entries(AUDIT_ACTIONS) as [AuditAction, string][]).map(([action, label]) => (
              <option key={action} value={action}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="grid gap-1">
          <Label htmlFor="log-moderator">Moderator (handle)</Label>
          <Input
            id="log-moderator"
            name="moderator"
            defaultValue={filters.actorHandle ?? ""}
            placeholder="e.g. sam-moderator"
            className="h-9"
          />
        </div>
        <div className="grid gap-1">
          <Label htmlFor="log-target-type">Target</Label>
          <select
            id="log-target-type"
            name="targetType"
            defaultValue={filters.targetType ?? ""}
            className={selectClass}
          >
            <option value="">Any target</option>
            {AUDIT_TARGET_TYPES.map((type) => (
              <option key={type} value={type}>
                {TARGET_TYPE_LABELS[type]}
              </option>
            ))}
          </select>
        </div>
        <div className="grid gap-1">
          <Label htmlFor="log-target">Target id</Label>
          <Input id="log-target" name="target" defaultValue={filters.targetId ?? ""} className="h-9" />
        </div>
        <div className="flex gap-2">
          <Button type="submit" size="sm" variant="secondary" className="h-9">
            Filter
          </Button>
          {filtered ? (
            <Button asChild size="sm" variant="ghost" className="h-9">
              <Link prefetch={false} href="/moderation/log">
                Clear
              </Link>
            </Button>
          ) : null}
        </div>
      </Form>

      {entries.length === 0 ? (
        <EmptyState
          icon={<ScrollText />}
          title={filtered ? "No entries match these filters" : "Nothing has been logged yet"}
          description={
            filtered ? "Try fewer filters." : "Moderators' decisions appear here as soon as they are made."
          }
        />
      ) : (
        <div className="border-border overflow-x-auto rounded-lg border">
          <table className="w-full min-w-[40rem] text-left text-sm">
            <caption className="sr-only">Moderation log entries, newest first</caption>
            <thead className="bg-muted/50 text-muted-foreground text-xs">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">
                  When
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  Moderator
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  Action
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  Target
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  Reason and note
                </th>
              </tr>
            </thead>
            <tbody className="divide-border divide-y">
              {entries.map((entry) => (
                <LogRow key={entry.id} entry={entry} />
              ))}
            </tbody>
          </table>
        </div>
      )}

      <nav aria-label="Log pages" className="flex items-center justify-between gap-3">
        {filters.cursor ? (
          <Link
            prefetch={false}
            href={hrefWith(null)}
            className={buttonVariants({ variant: "outline", size: "sm" })}
          >
            Newest entries
          </Link>
        ) : (
          <span />
        )}
        {nextCursor ? (
          <Link
            prefetch={false}
            href={hrefWith(nextCursor)}
            rel="next"
            className={cn(buttonVariants({ variant: "outline", size: "sm" }), "gap-1")}
          >
            Older entries <ChevronRight aria-hidden="true" />
          </Link>
        ) : null}
      </nav>
    </div>
  );
}

function LogRow({ entry }: { entry: AuditLogEntry }) {
  const target = entry.targetLabel ?? `${entry.targetType} ${entry.targetId}`;
  return (
    <tr className="align-top">
      <td className="px-3 py-2 whitespace-nowrap">
        <RelativeTime date={entry.at} />
      </td>
      <td className="px-3 py-2">
        <span className="font-medium">{entry.actor.name}</span>
        <span className="text-muted-foreground block text-xs">@{entry.actor.handle}</span>
      </td>
      <td className="px-3 py-2">{entry.actionLabel}</td>
      <td className="max-w-64 px-3 py-2 break-words">
        {entry.targetHref ? (
          <Link href={entry.targetHref} className="rounded-sm underline underline-offset-4">
            {target}
          </Link>
        ) : (
          target
        )}
      </td>
      <td className="max-w-72 px-3 py-2 break-words">
        {entry.reason ? <span className="font-medium">{entry.reason}</span> : null}
        {entry.note ? <span className="text-muted-foreground block">{entry.note}</span> : null}
        {!entry.reason && !entry.note ? <span className="text-muted-foreground">—</span> : null}
      </td>
    </tr>
  );
}
