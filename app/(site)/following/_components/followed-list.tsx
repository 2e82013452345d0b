"use client";

import { FileText, FolderTree } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { FollowButton } from "@/components/follows/follow-button";
import { useAction } from "@/components/hooks/use-action";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import type { FollowedPage } from "@/lib/data/follows";
import type { FollowKind } from "@/lib/validation/follows";
import { loadMoreFollowsAction } from "../actions";

const COPY: Record<FollowKind, { heading: string; empty: string; invite: string; browse: string }> = {
  domain: {
    heading: "Domains",
    empty: "You don’t follow any domains yet",
    invite: "Press Follow on a domain to hear about its new articles.",
    browse: "Browse domains",
  },
  article: {
    heading: "Articles",
    empty: "You don’t follow any articles yet",
    invite: "Press Follow on an article to hear about new insights on it.",
    browse: "Find an article",
  },
};

/** One of the member's follow lists, with an Unfollow (Following) toggle per row and "Load more". */
export function FollowedList({ kind, initialPage }: { kind: FollowKind; initialPage: FollowedPage }) {
  const [items, setItems] = useState(initialPage.items);
  const [nextCursor, setNextCursor] = useState(initialPage.nextCursor);
  const { run: fetchMore, pending: loadingMore } = useAction(loadMoreFollowsAction, {
    onSuccess: (page) => {
      setItems((current) => [...current, ...page.items.filter((i) => !current.some((c) => c.id === i.id))]);
      setNextCursor(page.nextCursor);
    },
  });
  const copy = COPY[kind];
  const headingId = `following-${kind}s`;

  async function loadMore() {
    if (nextCursor) await fetchMore({ kind, cursor: nextCursor });
  }

  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-3">
      <h2 id={headingId} className="text-xl font-semibold">
        {copy.heading}
      </h2>
      {items.length === 0 ? (
        <EmptyState
          icon={kind === "domain" ? <FolderTree /> : <FileText />}
          title={copy.empty}
          description={copy.invite}
          action={
            <Button asChild variant="outline" size="sm">
              <Link href={kind === "domain" ? "/" : "/search"} prefetch={kind === "domain" ? null : false}>
                {copy.browse}
              </Link>
            </Button>
          }
        />
      ) : (
        <ul aria-labelledby={headingId} className="divide-border border-border divide-y rounded-lg border">
          {items.map((item) => (
            <li key={item.id} className="flex flex-wrap items-center justify-between gap-3 p-4">
              <div className="min-w-0">
                <Link href={item.href} className="rounded-sm font-medium hover:underline">
                  {item.name}
                </Link>
                {item.context ? (
                  <p className="text-muted-foreground text-sm">
                    {kind === "domain" ? `Inside ${item.context}` : `In ${item.context}`}
                  </p>
                ) : null}
              </div>
              <FollowButton
                kind={kind}
                id={item.id}
                name={item.name}
                returnTo="/following"
                initialFollowing
              />
            </li>
          ))}
        </ul>
      )}
      {nextCursor ? (
        <div>
          <Button variant="outline" size="sm" disabled={loadingMore} onClick={() => void loadMore()}>
            {loadingMore ? "Loading…" : "Load more"}
          </Button>
        </div>
      ) : null}
    </section>
  );
}
