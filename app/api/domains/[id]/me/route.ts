import { NextResponse } from "next/server";
import { listViewerFollows } from "@/lib/data/follows";
import type { DomainViewerResponse } from "@/lib/domain/viewer";
import { getCurrentUser } from "@/lib/session";

// The signed-in reader's own part of a cached domain page: whether they follow it.
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await getCurrentUser();
  const body: DomainViewerResponse = user
    ? {
        signedIn: true,
        following: (await listViewerFollows(user, { domainIds: [id.slice(0, 64)] })).domainIds.length > 0,
      }
    : { signedIn: false, following: false };
  return NextResponse.json(body, { headers: { "cache-control": "private, no-store" } });
}
