import { NextResponse } from "next/server";
import { getContributorProgress } from "@/lib/data/badges";
import { listOwnInsightsOnArticle, type OwnInsight } from "@/lib/data/insights";
import type { ContributorProgress } from "@/lib/domain/badges";
import { getOwnArticleFeedback, listOwnReactionsOnArticle } from "@/lib/data/reactions";
import type { ReactionKindName } from "@/lib/domain/ranking";
import { getCurrentUser } from "@/lib/session";

export type ArticleViewerResponse = {
  signedIn: boolean;
  insights: OwnInsight[];
  /** insight id → the reader's reaction */
  reactions: Record<string, ReactionKindName>;
  feedback: { liked: boolean; reason: string | null } | null;
  /** the reader's way to the next Contributor tier */
  progress: ContributorProgress | null;
};

// The signed-in reader's own part of a cached article page: their insights on it (in any status), their
// reactions and their answer to "Like this article?".
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await getCurrentUser();
  const articleId = id.slice(0, 64);
  const body: ArticleViewerResponse = user
    ? {
        signedIn: true,
        ...(await Promise.all([
          listOwnInsightsOnArticle(user, articleId),
          listOwnReactionsOnArticle(user, articleId),
          getOwnArticleFeedback(user, articleId),
          getContributorProgress(user.id),
        ]).then(([insights, reactions, feedback, progress]) => ({
          insights,
          reactions,
          feedback,
          progress,
        }))),
      }
    : { signedIn: false, insights: [], reactions: {}, feedback: null, progress: null };
  return NextResponse.json(body, { headers: { "cache-control": "private, no-store" } });
}
