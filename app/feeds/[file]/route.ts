import { getArticlesFeed } from "@/lib/data/feeds";
import { FEED_FORMATS } from "@/lib/feeds";
import { articlesDocument, feedResponse } from "../_lib/feed-response";

// /feeds/articles.rss and /feeds/articles.atom: the newest articles of every domain. Built at build time,
// then served from the cache until a published article revalidates `articles`.
export const revalidate = 3600;
export const dynamicParams = false;

export function generateStaticParams(): { file: string }[] {
  return FEED_FORMATS.map((format) => ({ file: `articles.${format}` }));
}

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  return feedResponse((await params).file, async (name) =>
    name === "articles" ? articlesDocument(await getArticlesFeed()) : null,
  );
}
