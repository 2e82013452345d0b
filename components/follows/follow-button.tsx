"use client";

import { Bell, BellRing } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useAction } from "@/components/hooks/use-action";
import { useArticleViewer } from "@/components/insights/article-viewer";
import { useViewer, useViewerSubject } from "@/components/layout/viewer-provider";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toaster";
import { setFollowAction } from "@/lib/actions/follows";
import type { FollowKind } from "@/lib/validation/follows";

type FollowButtonProps = {
  kind: FollowKind;
  id: string;
  /** the domain's name or the article's title: completes the button's accessible name */
  name: string;
  /** where sign-in brings a signed-out reader back to */
  returnTo: string;
  /** the state when the page already knows it (/following); otherwise it is asked of the server */
  initialFollowing?: boolean;
};

const WHAT_FOLLOWING_MEANS: Record<FollowKind, string> = {
  domain: "You will be notified of new articles here.",
  article: "You will be notified of new insights on it.",
};

/**
 * Follow/Following for a domain or an article. Pages are cached and the same for everyone, so the reader's
 * state comes from the page view's personal request (/api/viewer): an article's through the article
 * viewer, a domain's directly. The toggle shows at once and rolls back, with a toast, if the server refuses.
 */
export function FollowButton({ kind, id, name, returnTo, initialFollowing }: FollowButtonProps) {
  const { viewer, domain } = useViewer();
  const articleViewer = useArticleViewer();
  const router = useRouter();
  const signedIn = viewer.status === "signed-in";
  /** what the reader chose on this page; wins over what was loaded */
  const [chosen, setChosen] = useState<boolean | null>(null);
  // A refusal or a dropped request rolls the toggle back; its message shows as a toast.
  const { run: saveFollow, pending: busy } = useAction(setFollowAction);

  // A domain page's state comes with the page view's one personal request, which this asks to include it.
  const askDomain = kind === "domain" && initialFollowing === undefined;
  useViewerSubject(askDomain ? { domain: id } : null);
  const fetched = askDomain && domain?.id === id ? domain.following : null;

  const loaded =
    initialFollowing ??
    (kind === "article" ? (articleViewer?.loaded ? articleViewer.following : null) : fetched);
  const following = chosen ?? loaded ?? false;

  if (viewer.status === "signed-out") {
    return (
      <Button asChild variant="outline" size="sm">
        <Link prefetch={false} href={`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`}>
          <Bell aria-hidden="true" />
          Follow<span className="sr-only"> {name}</span>
        </Link>
      </Button>
    );
  }

  async function toggle() {
    const previous = following;
    const next = !previous;
    setChosen(next);
    const outcome = await saveFollow({ kind, id, following: next });
    if (!outcome.ok) {
      setChosen(previous);
      return;
    }
    setChosen(outcome.data.following);
    if (outcome.data.following) {
      toast.success(`Following ${name}`, {
        description: WHAT_FOLLOWING_MEANS[kind],
        action: { label: "Manage", onClick: () => router.push("/following") },
      });
    } else {
      toast.success(`You no longer follow ${name}.`);
    }
  }

  const ready = signedIn && (chosen !== null || loaded !== null);
  return (
    <Button
      variant={following ? "secondary" : "outline"}
      size="sm"
      aria-pressed={following}
      aria-busy={busy || !ready}
      disabled={!ready || busy}
      onClick={() => void toggle()}
    >
      {following ? <BellRing aria-hidden="true" /> : <Bell aria-hidden="true" />}
      {following ? "Following" : "Follow"}
      <span className="sr-only"> {name}</span>
    </Button>
  );
}
