import { listPublicMemberInsights } from "@/lib/data/public-api";
import { preflight, publicJson } from "@/app/api/v1/_lib/respond";

/** GET /api/v1/members/{handle}/insights?cursor=&limit=: one page of a member's published insights. */
export async function GET(request: Request, { params }: { params: Promise<{ handle: string }> }) {
  const { handle } = await params;
  const query = new URL(request.url).searchParams;
  return publicJson(request, () =>
    listPublicMemberInsights({ handle, cursor: query.get("cursor"), limit: query.get("limit") }),
  );
}

export const OPTIONS = preflight;
