import { listSitemapChunks } from "@/lib/data/feeds";
import { siteUrl } from "@/lib/site";
import { renderSitemapIndex, sitemapChunkPath } from "@/lib/sitemap";

// /sitemap.xml: the sitemap index naming every chunk app/sitemap/[file] serves, where crawlers look first.
// Built at build time, then cached until the article lists or the domains change.
export const revalidate = 3600;

export async function GET() {
  const base = siteUrl();
  const urls = (await listSitemapChunks()).map((id) => new URL(sitemapChunkPath(id), base).toString());
  return new Response(renderSitemapIndex(urls), {
    headers: { "content-type": "application/xml; charset=utf-8" },
  });
}
