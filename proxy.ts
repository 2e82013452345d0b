import { NextResponse, type NextRequest } from "next/server";
import { articleRedirectTarget } from "@/lib/article-redirects";
import { databaseReachable } from "@/lib/database-health";

const ARTICLE_PATH = /^\/articles\/([a-z0-9]+(?:-[a-z0-9]+)*)$/;
const HEALTH_PATH = /^\/api\/health(?:\/|$)/;

// The proxy answers two questions before a request reaches the app: is the database there, and is this the
// old address of a renamed article? When the database is away, readers get a friendly 503 page instead of
// an error, and the next check (a few seconds later) lets traffic through again as soon as it is back. An
// old article address gets a 308 to the current one (lib/article-redirects.ts says why it is done here).
// Authorization does not live here. The health checks answer for themselves, database or not: liveness
// must stay 200 while the process runs.
export async function proxy(request: NextRequest) {
  if (HEALTH_PATH.test(request.nextUrl.pathname)) return NextResponse.next();
  if (await databaseReachable()) {
    const oldSlug = ARTICLE_PATH.exec(request.nextUrl.pathname)?.[1];
    const current = oldSlug ? await articleRedirectTarget(oldSlug) : null;
    if (current) return NextResponse.redirect(new URL(`/articles/${current}`, request.url), 308);
    return NextResponse.next();
  }
  const headers = { "retry-after": "30", "cache-control": "no-store" };
  if (request.nextUrl.pathname.startsWith("/api/")) {
    return NextResponse.json(
      { error: "UNAVAILABLE", message: "Roundtable is temporarily unavailable. Please try again shortly." },
      { status: 503, headers },
    );
  }
  return new NextResponse(UNAVAILABLE_PAGE, {
    status: 503,
    headers: { ...headers, "content-type": "text/html; charset=utf-8" },
  });
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg|robots.txt).*)"],
};

const UNAVAILABLE_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Temporarily unavailable · Roundtable</title><meta http-equiv="refresh" content="30">
<style>body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;min-height:100vh;display:grid;place-items:center;background:#fafafa;color:#18181b}
main{max-width:32rem;padding:2rem;text-align:center}h1{font-size:1.5rem}p{line-height:1.6;color:#3f3f46}
@media (prefers-color-scheme:dark){body{background:#09090b;color:#fafafa}p{color:#d4d4d8}}</style></head>
<body><main><h1>Roundtable is temporarily unavailable</h1>
<p>We can't reach our database right now. Nothing you wrote is lost. This page will try again by itself in a few seconds.</p>
</main></body></html>`;
