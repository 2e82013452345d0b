import { revalidateTag } from "next/cache";
import { NextResponse } from "next/server";
import { z } from "zod";
import { verifyInternalSignature } from "@/lib/internal-signature";

const bodySchema = z.object({ tags: z.array(z.string().min(1).max(200)).min(1).max(1000) });

// Background jobs run outside a request, where Next cannot revalidate its cache: they ask the app here,
// signed with the app's secret, to mark the pages whose data they changed as stale.
export async function POST(request: Request) {
  const raw = await request.text();
  if (!verifyInternalSignature(raw, request.headers.get("x-roundtable-signature"))) {
    return NextResponse.json({ error: "FORBIDDEN" }, { status: 403 });
  }
  let json: unknown = null;
  try {
    json = JSON.parse(raw);
  } catch {
    // falls through to the schema's refusal
  }
  const parsed = bodySchema.safeParse(json);
  if (!parsed.success) return NextResponse.json({ error: "INVALID_INPUT" }, { status: 400 });
  // Expire outright rather than serve stale while revalidating: a background regeneration started now
  // could finish after a member's own write and put older content back in the cache.
  for (const tag of new Set(parsed.data.tags)) revalidateTag(tag, { expire: 0 });
  return NextResponse.json({ revalidated: parsed.data.tags.length });
}
