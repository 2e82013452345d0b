import { getPublicArticle } from "@/lib/data/public-api";
import { preflight, publicJson } from "@/app/api/v1/_lib/respond";

/** GET /api/v1/articles/{slug}?insightsPerSection=: a published article, its sections and their insights. */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const query = new URL(request.url).searchParams;
  return publicJson(request, () =>
    getPublicArticle({ slug, insightsPerSection: query.get("insightsPerSection") }),
  );
}

export const OPTIONS = preflight;
