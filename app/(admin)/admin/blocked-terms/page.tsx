import { ChevronRight } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { buttonVariants } from "@/components/ui/button";
import { listBlockedTerms } from "@/lib/data/blocked-terms";
import { AUTO_CHECK_LIMITS } from "@/lib/domain/auto-checks";
import { isAdmin } from "@/lib/domain/permissions";
import { requirePageUser } from "@/lib/session";
import { blockedTermsPageSchema } from "@/lib/validation/moderation-settings";
import { BlockedTermsManager } from "./_components/blocked-terms-manager";

export const metadata: Metadata = { title: "Blocked terms", robots: { index: false, follow: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

const PATH = "/admin/blocked-terms";
const pageHref = (after: string | null) => (after ? `${PATH}?after=${encodeURIComponent(after)}` : PATH);

// Reads the session, so it renders per request.
export default async function BlockedTermsPage({ searchParams }: Props) {
  const params = await searchParams;
  const parsed = blockedTermsPageSchema.safeParse({ cursor: first(params.after) });
  const cursor = parsed.success ? parsed.data.cursor : undefined;
  const user = await requirePageUser(pageHref(cursor ?? null), isAdmin);
  const page = await listBlockedTerms(user, { cursor });

  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-8">
      <header>
        <h1 className="text-3xl font-bold tracking-tight">Blocked terms</h1>
        <p className="text-muted-foreground mt-1">
          An insight by a trusted member that contains one of these words or phrases waits for a moderator
          instead of publishing at once; moderators see which term it contains. Terms match as whole words,
          ignoring case. Other automatic checks hold insights with more than {AUTO_CHECK_LIMITS.maxLinks}{" "}
          links, near-copies of recent insights and text posted faster than anyone types.
        </p>
      </header>

      <BlockedTermsManager key={cursor ?? ""} initialTerms={page.terms} firstPage={!cursor} />

      {cursor || page.nextCursor ? (
        <nav aria-label="Pagination" className="flex items-center justify-between gap-3">
          {cursor ? (
            <Link prefetch={false} href={PATH} className={buttonVariants({ variant: "outline", size: "sm" })}>
              Back to the start
            </Link>
          ) : (
            <span />
          )}
          {page.nextCursor ? (
            <Link
              prefetch={false}
              href={pageHref(page.nextCursor)}
              rel="next"
              className={buttonVariants({ variant: "outline", size: "sm" })}
            >
              More terms <ChevronRight aria-hidden="true" />
            </Link>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}
