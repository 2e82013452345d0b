import "server-only";
import { permissionsOf } from "@/lib/domain/permissions";
import type { ArticleViewerState, DomainViewerState, ViewerResponse } from "@/lib/domain/viewer";
import type { ViewerQuery } from "@/lib/validation/viewer";
import { listMenuBadges } from "./badge-views";
import { getContributorProgress } from "./badges";
import { listViewerFollows } from "./follows";
import { listOwnInsightsOnArticle } from "./insights";
import { listOwnModerationNotes } from "./moderation/appeals";
import { countModerationQueue } from "./moderation/queue";
import { listViewerReportsOnArticle } from "./moderation/reports";
import { countUnreadNotifications } from "./notifications";
import { getOwnArticleFeedback, listOwnReactionsOnArticle } from "./reactions";
import { describeBlock, type AccountBlock, type SessionUser } from "./users";

/** The reader's own insights on an article, with what moderators decided about the ones they decided. */
async function listOwnInsightsWithNotes(user: SessionUser, articleId: string) {
  const insights = await listOwnInsightsOnArticle(user, articleId);
  const decided = insights.filter((insight) => insight.status !== "PENDING").map((insight) => insight.id);
  const moderation = decided.length > 0 ? await listOwnModerationNotes(user, decided) : {};
  return { insights, moderation };
}

async function getArticleViewerState(user: SessionUser, articleId: string): Promise<ArticleViewerState> {
  const [own, reactions, feedback, progress, reportedInsightIds, follows] = await Promise.all([
    listOwnInsightsWithNotes(user, articleId),
    listOwnReactionsOnArticle(user, articleId),
    getOwnArticleFeedback(user, articleId),
    getContributorProgress(user.id),
    listViewerReportsOnArticle(user, articleId),
    listViewerFollows(user, { articleIds: [articleId] }),
  ]);
  return {
    id: articleId,
    insights: own.insights,
    moderation: own.moderation,
    reactions,
    feedback,
    progress,
    reportedInsightIds,
    following: follows.articleIds.length > 0,
  };
}

async function getDomainViewerState(user: SessionUser, domainId: string): Promise<DomainViewerState> {
  const follows = await listViewerFollows(user, { domainIds: [domainId] });
  return { id: domainId, following: follows.domainIds.length > 0 };
}

/**
 * Everything personal about one page view: who is reading (for the header), and, when the page shows an
 * article or a domain, the reader's own part of it. Every query runs at once; the session has been read
 * by the caller, once.
 */
export async function getViewerResponse(
  { user, block }: { user: SessionUser | null; block: AccountBlock | null },
  query: ViewerQuery,
): Promise<ViewerResponse> {
  const blocked = block ? describeBlock(block) : null;
  if (!user) {
    return {
      user: null,
      blocked,
      unreadNotifications: 0,
      moderationQueueCount: null,
      article: null,
      domain: null,
    };
  }
  const permissions = permissionsOf(user);
  const [unreadNotifications, badges, moderationQueueCount, article, domain] = await Promise.all([
    countUnreadNotifications(user),
    listMenuBadges(user),
    permissions.moderate ? countModerationQueue(user) : null,
    query.article ? getArticleViewerState(user, query.article) : null,
    query.domain ? getDomainViewerState(user, query.domain) : null,
  ]);
  return {
    user: { name: user.name, handle: user.handle, role: user.role, permissions, badges },
    blocked,
    unreadNotifications,
    moderationQueueCount,
    article,
    domain,
  };
}
