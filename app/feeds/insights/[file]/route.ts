import { getArticleInsightsFeed } from "@/lib/data/feeds";
import { articleInsightsDocument, feedResponse } from "../../_lib/feed-response";

// /feeds/insights/<article-slug>.rss and .atom: the newest insights readers can see on one article.
// Rendered on first request, then cached under the article's tag, which every new insight revalidates.
export const revalidate = 3600;

export function generateStaticParams(): { file: string }[] {
  return [];
}

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  return feedResponse((await params).file, async (slug) => {
    const feed = await getArticleInsightsFeed(slug);
    return feed ? articleInsightsDocument(feed) : null;
  });
}
