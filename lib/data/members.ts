import "server-only";
import { tags } from "@/lib/cache-tags";
import { db } from "@/lib/db";
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
  insights: MemberInsight[];
};

export const PROFILE_INSIGHT_LIMIT = 20;

/** A member's public profile with their newest published insights; banned members have none. */
export async function getMemberProfile(handle: string): Promise<MemberProfile | null> {
  return cached(
    async (): Promise<MemberProfile | null> => {
      const user = await db.user.findUnique({
        where: { handle },
        select: { id: true, name: true, handle: true, headline: true, createdAt: true, status: true },
      });
      if (!user || user.status === "BANNED") return null;
      const visible = {
        authorId: user.id,
        status: "PUBLISHED",
        deletedAt: null,
        section: { article: { status: "PUBLISHED" } },
      } as const;
      const [insightCount, insights] = await Promise.all([
        db.insight.count({ where: visible }),
        db.insight.findMany({
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
        }),
      ]);
      return {
        name: user.name,
        handle: user.handle,
        headline: user.headline,
        memberSince: user.createdAt.toISOString(),
        insightCount,
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

/** The articles a member's published insights appear on: their pages show the member's name and headline. */
export async function listArticleIdsWithInsightsBy(userId: string): Promise<string[]> {
  const rows = await db.section.findMany({
    where: { insights: { some: { authorId: userId, status: "PUBLISHED", deletedAt: null } } },
    select: { articleId: true },
    distinct: ["articleId"],
  });
  return rows.map((row) => row.articleId);
}
