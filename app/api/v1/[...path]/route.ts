import { preflight, unknownEndpoint } from "@/app/api/v1/_lib/respond";

// Any other path under /api/v1 answers in JSON too, rather than with the site's HTML 404 page.
export function GET() {
  return unknownEndpoint();
}

export const OPTIONS = preflight;
