// While the database is away the fast path keeps serving the pages it holds, each with this notice at the
// top of the body. It is placed after the `<body …>` tag, where React 19 skips nodes it did not render when
// it hydrates, so the page still hydrates. The copies kept for everyone stay untouched: the notice version
// is prepared separately (lib/server/shared-pages.ts).

export const READ_ONLY_NOTICE =
  '<div role="status" data-read-only-notice="" style="background:#fef3c7;color:#78350f;border-bottom:1px solid #f59e0b;padding:.5rem 1rem;text-align:center;font:500 .875rem/1.4 system-ui,-apple-system,&quot;Segoe UI&quot;,Roboto,sans-serif">' +
  "Roundtable is read-only for a moment: posting, reactions and signing in are paused while we reconnect to our database. Reading works as usual." +
  "</div>";

const BODY_TAG = /<body(?:\s[^>]*)?>/i;

/** The page's HTML with the notice as the body's first child; other bodies (feeds, XML) unchanged. */
export function withReadOnlyNotice(body: Buffer): Buffer {
  const html = body.toString("utf8");
  const match = BODY_TAG.exec(html);
  if (!match) return body;
  const at = match.index + match[0].length;
  return Buffer.from(html.slice(0, at) + READ_ONLY_NOTICE + html.slice(at), "utf8");
}
