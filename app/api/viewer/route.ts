import { NextResponse } from "next/server";
import { getViewerResponse } from "@/lib/data/viewer";
import { getViewer } from "@/lib/session";
import { viewerQuerySchema } from "@/lib/validation/viewer";

const PRIVATE = { "cache-control": "private, no-store" };

// The one personal request of a page view: pages are cached and the same for everyone, so who is reading,
// the header's counts and the reader's own part of the article or domain on the page all come from here.
export async function GET(request: Request) {
  const query = viewerQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) {
    return NextResponse.json(
      { error: "INVALID_INPUT", message: "Ask about at most one article and one domain, by id." },
      { status: 400, headers: PRIVATE },
    );
  }
  return NextResponse.json(await getViewerResponse(await getViewer(), query.data), { headers: PRIVATE });
}
