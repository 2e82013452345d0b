import { listPublicSectionInsights } from "@/lib/data/public-api";
import { preflight, publicJson } from "@/app/api/v1/_lib/respond";

/** GET /api/v1/articles/{slug}/sections/{anchor}/insights?cursor=&limit=: one page of a section's insights. */
export async function GET(
  request: Request,
  { params }: { params: Promise<{ slug: string; anchor: string }> },
) {
  const { slug, anchor } = await params;
  const query = new URL(request.url).searchParams;
  return publicJson(request, () =>
    listPublicSectionInsights({ slug, anchor, cursor: query.get("cursor"), limit: query.get("limit") }),
  );
}

export const OPTIONS = preflight;
