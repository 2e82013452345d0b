import { getSitemapChunk, listSitemapChunks } from "@/lib/data/feeds";
import { siteUrl } from "@/lib/site";
import { chunkIdOfFile, renderUrlset } from "@/lib/sitemap";

// /sitemap/<id>.xml: one chunk of the sitemap ("pages-0", "articles-0", "members-0", …), listed by the
// index at /sitemap.xml. Rendered on first request, then cached under the tags of the article lists and
// domains; member profiles join within the hour the cache keeps it at most.
export const revalidate = 3600;

export function generateStaticParams(): { file: string }[] {
  return [];
}

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const id = chunkIdOfFile((await params).file);
  if (!id || !(await listSitemapChunks()).includes(id)) {
    return new Response("No such sitemap.", {
      status: 404,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  }
  const base = siteUrl();
  const entries = (await getSitemapChunk(id)).map((entry) => ({
    url: new URL(entry.path, base).toString(),
    lastModified: entry.lastModified,
  }));
  return new Response(renderUrlset(entries), {
    headers: { "content-type": "application/xml; charset=utf-8" },
  });
}
