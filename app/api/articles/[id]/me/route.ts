import { NextResponse } from "next/server";
import { getContributorProgress } from "@/lib/data/badges";
import { getArticleView } from "@/lib/data/content";
import { listViewerFollows } from "@/lib/data/follows";
import { listOwnInsightsOnArticle } from "@/lib/data/insights";
import { listOwnModerationNotes } from "@/lib/data/moderation/appeals";
import { listViewerReports } from "@/lib/data/moderation/reports";
import { getOwnArticleFeedback, listOwnReactionsOnArticle } from "@/lib/data/reactions";
import type { ArticleViewerResponse } from "@/lib/domain/viewer";
import { getCurrentUser, type SessionUser } from "@/lib/session";

/** The reader's own insights, with what moderators decided about them. */
async function ownInsightsWithNotes(user: SessionUser, articleId: string) {
  const insights = await listOwnInsightsOnArticle(user, articleId);
  const decided = insights.filter((insight) => insight.status !== "PENDING").map((insight) => insight.id);
  const moderation = decided.length > 0 ? await listOwnModerationNotes(user, decided) : {};
  return { insights, moderation };
}

/** Which of the insights the cached page lists the reader has reported (more pages load on the client). */
async function reportedOnPage(user: SessionUser, articleId: string): Promise<string[]> {
  const article = await getArticleView(articleId);
  const listed = article?.sections.flatMap((section) => section.insights.map((insight) => insight.id)) ?? [];
  return listed.length > 0 ? listViewerReports(user, listed) : [];
}

// The signed-in reader's own part of a cached article page: their insights on it (in any status, with
// moderators' decisions), their reactions and reports, and their answer to "Like this article?".
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await getCurrentUser();
  const articleId = id.slice(0, 64);
  const body: ArticleViewerResponse = user
    ? await Promise.all([
        ownInsightsWithNotes(user, articleId),
        listOwnReactionsOnArticle(user, articleId),
        getOwnArticleFeedback(user, articleId),
        getContributorProgress(user.id),
        reportedOnPage(user, articleId),
        listViewerFollows(user, { articleIds: [articleId] }),
      ]).then(([own, reactions, feedback, progress, reportedInsightIds, follows]) => ({
        signedIn: true,
        insights: own.insights,
        moderation: own.moderation,
        reactions,
        feedback,
        progress,
        reportedInsightIds,
        following: follows.articleIds.length > 0,
      }))
    : {
        signedIn: false,
        insights: [],
        reactions: {},
        feedback: null,
        progress: null,
        moderation: {},
        reportedInsightIds: [],
        following: false,
      };
  return NextResponse.json(body, { headers: { "cache-control": "private, no-store" } });
}
