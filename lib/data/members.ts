import "server-only";
import { tags } from "@/lib/cache-tags";
import { db } from "@/lib/db";
import { contributorProgress, type ContributorProgress } from "@/lib/domain/badges";
import { isSlugParam } from "@/lib/validation/text";
import { listMemberBadges, type MemberBadge, type PastMemberBadge } from "./badge-views";
import { cached } from "./cache";

export type MemberInsight = {
  id: string;
  body: string;
  publishedAt: string;
  article: { slug: string; title: string };
  section: { anchor: string; title: string };
};
export type MemberProfile = {
  name: string;
  handle: string;
  headline: string;
  memberSince: string;
  insightCount: number;
  /** distinct published articles the member's published insights are on */
  articleCount: number;
  /** reactions other members gave the member's published insights, Unhelpful not counted */
  reactionCount: number;
  /** toward the next Contributor tier, from `articleCount` (the `message` is worded for the member) */
  progress: ContributorProgress;
  badges: MemberBadge[];
  /** badges the member held and lost, most recently lost first */
  pastBadges: PastMemberBadge[];
  /** the newest PROFILE_INSIGHT_LIMIT insights, newest first */
  insights: MemberInsight[];
};

/** A run of a member's insights on one article. */
export type MemberArticleInsights = {
  article: { slug: string; title: string };
  insights: MemberInsight[];
};

export const PROFILE_INSIGHT_LIMIT = 20;

/**
 * A member's public profile with their newest published insights. Banned members have no profile; a
 * suspended member's profile shows none of their insights (as the article pages and the public API do) until
 * the suspension ends.
 */
export async function getMemberProfile(handle: string): Promise<MemberProfile | null> {
  if (!isSlugParam(handle)) return null;
  return cached(
    async (): Promise<MemberProfile | null> => {
      const user = await db.user.findUnique({
        where: { handle },
        select: { id: true, name: true, handle: true, headline: true, createdAt: true, status: true },
      });
      if (!user || user.status === "BANNED") return null;
      const shown = user.status === "ACTIVE";
      const visible = {
        authorId: user.id,
        status: "PUBLISHED",
        deletedAt: null,
        section: { article: { status: "PUBLISHED" } },
      } as const;
      const [insightCount, articleCount, reactions, badges, insights] = await Promise.all([
        shown ? db.insight.count({ where: visible }) : 0,
        shown
          ? db.article.count({
              where: {
                status: "PUBLISHED",
                sections: {
                  some: { insights: { some: { authorId: user.id, status: "PUBLISHED", deletedAt: null } } },
                },
              },
            })
          : 0,
        shown
          ? db.insight.aggregate({
              where: visible,
              _sum: { likeCount: true, insightfulCount: true, helpfulCount: true, celebrateCount: true },
            })
          : null,
        listMemberBadges(user.id),
        shown
          ? db.insight.findMany({
              where: visible,
              select: {
                id: true,
                body: true,
                publishedAt: true,
                section: {
                  select: { anchor: true, title: true, article: { select: { slug: true, title: true } } },
                },
              },
              orderBy: [{ publishedAt: "desc" }, { id: "asc" }],
              take: PROFILE_INSIGHT_LIMIT,
            })
          : [],
      ]);
      return {
        name: user.name,
        handle: user.handle,
        headline: user.headline,
        memberSince: user.createdAt.toISOString(),
        insightCount,
        articleCount,
        reactionCount:
          (reactions?._sum.likeCount ?? 0) +
          (reactions?._sum.insightfulCount ?? 0) +
          (reactions?._sum.helpfulCount ?? 0) +
          (reactions?._sum.celebrateCount ?? 0),
        progress: contributorProgress(articleCount),
        badges: badges.current,
        pastBadges: badges.past,
        insights: insights.map((insight) => ({
          id: insight.id,
          body: insight.body,
          publishedAt: (insight.publishedAt ?? new Date(0)).toISOString(),
          article: insight.section.article,
          section: { anchor: insight.section.anchor, title: insight.section.title },
        })),
      };
    },
    ["member-profile", handle],
    [tags.memberHandle(handle)],
  );
}

/** Insights grouped by article, articles in the order of their newest insight, insights kept in order. */
export function groupInsightsByArticle(insights: MemberInsight[]): MemberArticleInsights[] {
  const groups = new Map<string, MemberArticleInsights>();
  for (const insight of insights) {
    const group = groups.get(insight.article.slug);
    if (group) group.insights.push(insight);
    else groups.set(insight.article.slug, { article: insight.article, insights: [insight] });
  }
  return [...groups.values()];
}

/** The articles a member's published insights appear on: their pages show the member's name and headline. */
export async function listArticleIdsWithInsightsBy(userId: string): Promise<string[]> {
  const rows = await db.section.findMany({
    where: { insights: { some: { authorId: userId, status: "PUBLISHED", deletedAt: null } } },
    select: { articleId: true },
    distinct: ["articleId"],
  });
  return rows.map((row) => row.articleId);
}
