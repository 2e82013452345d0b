"use client";

import { ThumbsDown, ThumbsUp } from "lucide-react";
import Link from "next/link";
import { useEffect, useState } from "react";
import { useAction } from "@/components/hooks/use-action";
import { useArticleViewer } from "@/components/insights/article-viewer";
import { useViewer } from "@/components/layout/viewer-provider";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/toaster";
import { articleFeedbackAction } from "../actions";

/** "Like this article?" Yes/No for members, remembered and changeable; a No may carry a one-line reason. */
export function ArticleFeedback({
  articleId,
  yesCount: initialYesCount,
}: {
  articleId: string;
  yesCount: number;
}) {
  const { viewer } = useViewer();
  const articleViewer = useArticleViewer();
  const saved = articleViewer?.feedback ?? null;
  const [liked, setLiked] = useState<boolean | null>(saved?.liked ?? null);
  const [yesCount, setYesCount] = useState(initialYesCount);
  const [reason, setReason] = useState(saved?.reason ?? "");
  const [askReason, setAskReason] = useState(false);
  const { run: sendAnswer, pending: busy } = useAction(articleFeedbackAction, {
    // the reason is the only field the member typed: its error is the one worth reading
    onFailure: (failure) => toast.error(failure.fieldErrors?.reason ?? failure.message),
  });

  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- adopting the answer fetched after render
    setLiked(saved?.liked ?? null);
    setReason(saved?.reason ?? "");
  }, [saved]);

  async function answer(nextLiked: boolean, nextReason?: string) {
    const previous = { liked, yesCount };
    setLiked(nextLiked);
    setYesCount(yesCount + (nextLiked ? 1 : 0) - (liked === true ? 1 : 0));
    const outcome = await sendAnswer({ articleId, liked: nextLiked, reason: nextReason });
    if (!outcome.ok) {
      setLiked(previous.liked);
      setYesCount(previous.yesCount);
      return false;
    }
    setYesCount(outcome.data.yesCount);
    return true;
  }

  const signedIn = viewer.status === "signed-in";
  const returnTo = `/articles/${articleViewer?.articleSlug ?? ""}#like-this-article`;
  return (
    <section
      id="like-this-article"
      aria-labelledby="like-this-article-title"
      className="border-border mt-12 rounded-lg border p-5"
    >
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="like-this-article-title" className="text-lg font-semibold">
          Like this article?
        </h2>
        <p className="text-muted-foreground text-sm" aria-live="polite">
          <span className="tabular-nums">{yesCount}</span> {yesCount === 1 ? "member" : "members"} found it
          useful
        </p>
      </div>
      {signedIn ? (
        <div className="mt-3 flex flex-col gap-3">
          <div className="flex gap-2">
            <Button
              variant={liked === true ? "default" : "outline"}
              size="sm"
              aria-pressed={liked === true}
              disabled={busy}
              onClick={() => {
                setAskReason(false);
                void answer(true);
              }}
            >
              <ThumbsUp aria-hidden="true" /> Yes
            </Button>
            <Button
              variant={liked === false ? "default" : "outline"}
              size="sm"
              aria-pressed={liked === false}
              disabled={busy}
              onClick={() => {
                // Already "No": just open the reason again rather than erasing the saved one.
                if (liked === false) setAskReason(true);
                else void answer(false).then((ok) => ok && setAskReason(true));
              }}
            >
              <ThumbsDown aria-hidden="true" /> No
            </Button>
          </div>
          {askReason ? (
            <form
              className="flex flex-col gap-2 sm:flex-row sm:items-end"
              onSubmit={(event) => {
                event.preventDefault();
                void answer(false, reason).then((ok) => {
                  if (ok) {
                    setAskReason(false);
                    toast.success("Thanks: the editors will read this.");
                  }
                });
              }}
            >
              <label className="flex flex-1 flex-col gap-1 text-sm">
                What could be better? (optional)
                <Input value={reason} maxLength={200} onChange={(event) => setReason(event.target.value)} />
              </label>
              <Button type="submit" size="sm" disabled={busy}>
                Send
              </Button>
            </form>
          ) : null}
        </div>
      ) : (
        <p className="text-muted-foreground mt-3 text-sm">
          <Link
            prefetch={false}
            href={`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`}
            className="text-accent underline underline-offset-4"
          >
            Sign in
          </Link>{" "}
          to tell the editors whether this article helped you.
        </p>
      )}
    </section>
  );
}
