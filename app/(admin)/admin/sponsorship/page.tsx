import { ChevronRight } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { listInquiries, listSponsoredDomains } from "@/lib/data/sponsorship";
import { isAdmin } from "@/lib/domain/permissions";
import { isSponsorActive } from "@/lib/domain/sponsorship";
import { requirePageUser } from "@/lib/session";
import { cn } from "@/lib/utils";
import {
  INQUIRY_STATUS_LABELS,
  INQUIRY_STATUSES,
  inquiryListSchema,
  SPONSOR_BUDGET_LABELS,
} from "@/lib/validation/sponsorship";
import { InquiryStatusControl } from "./_components/inquiry-status-control";
import { formatUtc } from "@/app/(admin)/admin/_lib/format";

export const metadata: Metadata = { title: "Sponsorship", robots: { index: false, follow: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

function listHref(status: string, after?: string | null): string {
  const query = new URLSearchParams({ status, ...(after ? { after } : {}) });
  return `/admin/sponsorship?${query.toString()}`;
}

export default async function SponsorshipAdminPage({ searchParams }: Props) {
  const params = await searchParams;
  const filters = inquiryListSchema.parse({ status: first(params.status), cursor: first(params.after) });
  const user = await requirePageUser(
    filters.status || filters.cursor
      ? listHref(filters.status ?? "NEW", filters.cursor)
      : "/admin/sponsorship",
    isAdmin,
  );
  const now = new Date();
  const [inquiries, domains] = await Promise.all([
    listInquiries(user, filters),
    listSponsoredDomains(user, now),
  ]);

  return (
    <div className="mx-auto flex max-w-5xl flex-col gap-10">
      <header>
        <h1 className="text-3xl font-bold tracking-tight">Sponsorship</h1>
        <p className="text-muted-foreground mt-1">
          Inquiries sent from &ldquo;Sponsor this category&rdquo;, and the sponsor shown on each domain.
        </p>
      </header>

      <section aria-labelledby="inquiries" className="flex flex-col gap-4">
        <h2 id="inquiries" className="text-xl font-semibold">
          Inquiries
        </h2>
        <nav aria-label="Inquiries by status">
          <ul className="flex flex-wrap gap-2">
            {INQUIRY_STATUSES.map((status) => {
              const current = status === inquiries.status;
              return (
                <li key={status}>
                  <Link
                    prefetch={false}
                    href={listHref(status)}
                    aria-current={current ? "page" : undefined}
                    className={cn(
                      "border-border inline-flex items-center gap-2 rounded-full border px-3 py-1 text-sm",
                      current ? "bg-accent text-accent-foreground border-transparent" : "hover:bg-muted",
                    )}
                  >
                    {INQUIRY_STATUS_LABELS[status]}
                    <span className="tabular-nums">{inquiries.counts[status]}</span>
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>
        {inquiries.inquiries.length === 0 ? (
          <EmptyState
            title={`No ${INQUIRY_STATUS_LABELS[inquiries.status].toLowerCase()} inquiries`}
            description="Inquiries arrive from the “Sponsor this category” link on every domain."
          />
        ) : (
          <ul className="flex flex-col gap-4">
            {inquiries.inquiries.map((inquiry) => (
              <li key={inquiry.id}>
                <article
                  aria-labelledby={`inquiry-${inquiry.id}`}
                  className="border-border bg-card flex flex-col gap-3 rounded-lg border p-5"
                >
                  <div className="flex flex-wrap items-start justify-between gap-3">
                    <div>
                      <h3 id={`inquiry-${inquiry.id}`} className="font-semibold">
                        {inquiry.organisation}
                      </h3>
                      <p className="text-muted-foreground text-sm">
                        about{" "}
                        <Link
                          href={`/domains/${inquiry.domain.slug}`}
                          className="text-accent hover:underline"
                        >
                          {inquiry.domain.name}
                        </Link>{" "}
                        · received {formatUtc(inquiry.createdAt)}
                      </p>
                    </div>
                    <Badge variant="outline">{SPONSOR_BUDGET_LABELS[inquiry.budget]}</Badge>
                  </div>
                  <p className="text-sm">
                    {inquiry.contactName} ·{" "}
                    <a href={`mailto:${inquiry.email}`} className="text-accent hover:underline">
                      {inquiry.email}
                    </a>
                  </p>
                  <p className="text-sm leading-relaxed whitespace-pre-line">{inquiry.message}</p>
                  <InquiryStatusControl
                    inquiryId={inquiry.id}
                    organisation={inquiry.organisation}
                    initialStatus={inquiry.status}
                  />
                </article>
              </li>
            ))}
          </ul>
        )}
        {inquiries.continued || inquiries.nextCursor ? (
          <nav aria-label="Pagination" className="flex items-center justify-between gap-3">
            {inquiries.continued ? (
              <Link
                prefetch={false}
                href={listHref(inquiries.status)}
                className={buttonVariants({ variant: "outline", size: "sm" })}
              >
                Back to the newest
              </Link>
            ) : (
              <span />
            )}
            {inquiries.nextCursor ? (
              <Link
                prefetch={false}
                href={listHref(inquiries.status, inquiries.nextCursor)}
                rel="next"
                className={buttonVariants({ variant: "outline", size: "sm" })}
              >
                Older inquiries <ChevronRight aria-hidden="true" />
              </Link>
            ) : null}
          </nav>
        ) : null}
      </section>

      <section aria-labelledby="domain-sponsors" className="flex flex-col gap-4">
        <div>
          <h2 id="domain-sponsors" className="text-xl font-semibold">
            Domain sponsors
          </h2>
          <p className="text-muted-foreground mt-1 text-sm">
            A domain has at most one current sponsor, showing now or booked for later. Its line shows on the
            domain and its articles between the start and the end, and disappears by itself afterwards.
          </p>
        </div>
        <div className="border-border overflow-x-auto rounded-lg border">
          <table className="w-full text-left text-sm">
            <thead className="bg-muted/50">
              <tr>
                <th scope="col" className="px-4 py-2 font-medium">
                  Domain
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  Sponsor
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  Window (UTC)
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {domains.map((domain) => (
                <tr key={domain.id} className="border-border border-t">
                  <td className="px-4 py-2">
                    {domain.parentName ? (
                      <span className="text-muted-foreground">{domain.parentName} › </span>
                    ) : null}
                    {domain.name}
                  </td>
                  <td className="px-4 py-2">
                    {domain.current ? (
                      <span className="flex flex-wrap items-center gap-2">
                        {domain.current.name}
                        {isSponsorActive(domain.current, now) ? (
                          <Badge variant="success">Showing</Badge>
                        ) : (
                          <Badge variant="secondary">Booked</Badge>
                        )}
                      </span>
                    ) : (
                      <span className="text-muted-foreground">None</span>
                    )}
                  </td>
                  <td className="px-4 py-2 tabular-nums">
                    {domain.current
                      ? `${formatUtc(domain.current.startsAt)} – ${formatUtc(domain.current.endsAt)}`
                      : "—"}
                  </td>
                  <td className="px-4 py-2 text-right">
                    <Link
                      prefetch={false}
                      href={`/admin/sponsorship/domains/${domain.slug}`}
                      className="text-accent rounded-sm font-medium whitespace-nowrap hover:underline"
                      aria-label={`${domain.current ? "Change" : "Set"} the sponsor of ${domain.name}`}
                    >
                      {domain.current ? "Change" : "Set sponsor"}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
