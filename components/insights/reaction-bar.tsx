"use client";

import { Heart, Lightbulb, PartyPopper, ThumbsDown, ThumbsUp } from "lucide-react";
import Link from "next/link";
import { useEffect, useState } from "react";
import { useAction } from "@/components/hooks/use-action";
import { useViewer } from "@/components/layout/viewer-provider";
import { reactAction } from "@/lib/actions/reactions";
import type { ReactionCounts, ReactionKindName } from "@/lib/domain/ranking";
import { cn } from "@/lib/utils";
import { useArticleViewer } from "./article-viewer";

const REACTIONS: { kind: ReactionKindName; label: string; Icon: typeof Heart }[] = [
  { kind: "LIKE", label: "Like", Icon: ThumbsUp },
  { kind: "INSIGHTFUL", label: "Insightful", Icon: Lightbulb },
  { kind: "HELPFUL", label: "Helpful", Icon: Heart },
  { kind: "CELEBRATE", label: "Celebrate", Icon: PartyPopper },
  { kind: "UNHELPFUL", label: "Unhelpful", Icon: ThumbsDown },
];

/** Counts for everyone; one reaction per member, changeable and removable, applied at once (optimistic). */
export function ReactionBar({
  insightId,
  counts: initialCounts,
}: {
  insightId: string;
  counts: ReactionCounts;
}) {
  const { viewer } = useViewer();
  const articleViewer = useArticleViewer();
  const serverMine = articleViewer?.reactions[insightId] ?? null;
  const [state, setState] = useState({ counts: initialCounts, mine: serverMine as ReactionKindName | null });
  // A failure rolls the optimistic change back; its message shows as a toast.
  const { run: sendReaction, pending: busy } = useAction(reactAction);
  // Counts from a refreshed page replace the local ones.
  const [shownCounts, setShownCounts] = useState(initialCounts);
  if (shownCounts !== initialCounts && JSON.stringify(shownCounts) !== JSON.stringify(initialCounts)) {
    setShownCounts(initialCounts);
    setState((current) => ({ ...current, counts: initialCounts }));
  }

  // The reader's own reaction arrives after the cached page: adopt it once it does.
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- syncing with data fetched after render
    setState((current) => ({ ...current, mine: serverMine }));
  }, [serverMine]);

  const own = articleViewer?.ownInsights.some((insight) => insight.id === insightId) ?? false;
  const signedIn = viewer.status === "signed-in";
  const returnTo = articleViewer ? `/articles/${articleViewer.articleSlug}` : "/";

  async function react(kind: ReactionKindName) {
    if (busy) return;
    const previous = state;
    const next = previous.mine === kind ? null : kind;
    const counts = { ...previous.counts };
    if (previous.mine) counts[previous.mine] = Math.max(0, counts[previous.mine] - 1);
    if (next) counts[next] += 1;
    setState({ counts, mine: next });
    const outcome = await sendReaction({ insightId, kind: next });
    if (!outcome.ok) {
      setState(previous);
      return;
    }
    setState({ counts: outcome.data.counts, mine: outcome.data.mine as ReactionKindName | null });
  }

  return (
    <div role="group" aria-label="Reactions" className="flex flex-wrap items-center gap-1.5">
      {REACTIONS.map(({ kind, label, Icon }) => {
        const count = state.counts[kind];
        const pressed = state.mine === kind;
        const content = (
          <>
            <Icon aria-hidden="true" className="size-3.5" />
            <span>{label}</span>
            <span className="tabular-nums">{count}</span>
          </>
        );
        const className = cn(
          "inline-flex h-7 items-center gap-1 rounded-full border px-2.5 text-xs transition-colors",
          pressed
            ? "border-accent bg-accent/10 text-foreground font-medium"
            : "border-border text-muted-foreground hover:text-foreground hover:border-foreground/30",
        );
        if (!signedIn) {
          return (
            <Link
              prefetch={false}
              key={kind}
              href={`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`}
              className={className}
              aria-label={`${label}: ${count}. Sign in to react`}
            >
              {content}
            </Link>
          );
        }
        return (
          <button
            key={kind}
            type="button"
            className={cn(className, own && "cursor-not-allowed opacity-60", busy && "opacity-70")}
            aria-pressed={pressed}
            aria-label={`${label}: ${count}`}
            disabled={own || busy}
            title={own ? "You cannot react to your own insight" : undefined}
            onClick={() => void react(kind)}
          >
            {content}
          </button>
        );
      })}
    </div>
  );
}
