import { NextResponse } from "next/server";
import { listSectionInsights } from "@/lib/data/content";
import { sectionInsightsQuerySchema } from "@/lib/validation/reaction";

// "Show more insights" and the Top/Newest switch: public, from Next's data cache.
export async function GET(
  request: Request,
  { params }: { params: Promise<{ id: string; sectionId: string }> },
) {
  const { id, sectionId } = await params;
  const query = sectionInsightsQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) {
    return NextResponse.json(
      { error: "INVALID_INPUT", message: "Check order, offset and limit." },
      { status: 400 },
    );
  }
  const page = await listSectionInsights(id.slice(0, 64), sectionId.slice(0, 64), query.data);
  if (!page) return NextResponse.json({ error: "NOT_FOUND", message: "Section not found." }, { status: 404 });
  return NextResponse.json(page, { headers: { "cache-control": "public, max-age=15" } });
}
