import { getDomainFeed } from "@/lib/data/feeds";
import { domainDocument, feedResponse } from "../../_lib/feed-response";

// /feeds/domains/<slug>.rss and .atom: a domain's newest articles, its child domains' included. Rendered on
// first request, then cached under the tags of the domain and the article lists.
export const revalidate = 3600;

export function generateStaticParams(): { file: string }[] {
  return [];
}

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  return feedResponse((await params).file, async (slug) => {
    const feed = await getDomainFeed(slug);
    return feed ? domainDocument(feed) : null;
  });
}
