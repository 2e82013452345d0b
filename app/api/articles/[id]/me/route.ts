import { NextResponse } from "next/server";
import { listOwnInsightsOnArticle, type OwnInsight } from "@/lib/data/insights";
import { getCurrentUser } from "@/lib/session";

export type ArticleViewerResponse = { signedIn: boolean; insights: OwnInsight[] };

// The signed-in reader's own part of a cached article page: their insights on it, in any status.
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await getCurrentUser();
  const body: ArticleViewerResponse = user
    ? { signedIn: true, insights: await listOwnInsightsOnArticle(user, id.slice(0, 64)) }
    : { signedIn: false, insights: [] };
  return NextResponse.json(body, { headers: { "cache-control": "private, no-store" } });
}
