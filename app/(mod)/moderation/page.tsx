import type { Metadata } from "next";
import Link from "next/link";
import { getDomainTree } from "@/lib/data/content";
import { countModerationQueue, listModerationQueue } from "@/lib/data/moderation/queue";
import { isStaff } from "@/lib/domain/permissions";
import { requirePageUser } from "@/lib/session";
import { queueFiltersSchema } from "@/lib/validation/moderation";
import { ModerationQueue } from "./_components/moderation-queue";
import { QueueFilters } from "./_components/queue-filters";

export const metadata: Metadata = { title: "Review queue" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function ModerationQueuePage({ searchParams }: Props) {
  const params = await searchParams;
  const filters = queueFiltersSchema.parse({
    kind: first(params.kind),
    domainSlug: first(params.domain),
    reason: first(params.reason),
  });
  const query = new URLSearchParams(
    Object.entries({ kind: filters.kind, domain: filters.domainSlug, reason: filters.reason }).filter(
      (entry): entry is [string, string] => Boolean(entry[1]),
    ),
  ).toString();
  const user = await requirePageUser(query ? `/moderation?${query}` : "/moderation", isStaff);
  const [page, total, domains] = await Promise.all([
    listModerationQueue(user, filters),
    countModerationQueue(user),
    getDomainTree(),
  ]);

  return (
    <div className="mx-auto flex max-w-5xl flex-col gap-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-3xl font-bold tracking-tight">Review queue</h1>
          <p className="text-muted-foreground mt-1">
            Insights awaiting review, reported or hidden insights, and appeals: oldest first.
          </p>
        </div>
        <Link
          prefetch={false}
          href="/moderation/log"
          className="text-accent rounded-sm text-sm underline underline-offset-4"
        >
          Moderation log
        </Link>
      </div>
      <QueueFilters filters={filters} domains={domains} />
      {/* New filters or a fresh queue from the server start the list over. */}
      <ModerationQueue
        key={`${query}:${total}:${page.items[0]?.insightId ?? ""}`}
        initial={page}
        filters={filters}
        total={total}
        viewer={{ id: user.id, role: user.role }}
      />
    </div>
  );
}
