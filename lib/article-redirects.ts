import pg from "pg";

// Old article slugs answer with a 308 from the proxy, not from the article page: Next.js replays a cached
// page's redirect with its Location header twice ("/a, /a"), which crawlers treat as a broken redirect.
// The proxy keeps every old slug of a published article in memory and reloads the map when the redirects or
// their articles changed, which it checks at most every few seconds, so a rename redirects within seconds
// at the cost of one tiny query per interval, however busy the site is. Until then the page redirects too.
const CHECK_EVERY_MS = 5_000;

type RedirectMap = {
  targets: Map<string, string>;
  fingerprint: string;
  checkedAt: number;
  pending?: Promise<void>;
  pool?: pg.Pool;
};
const state = globalThis as unknown as { roundtableArticleRedirects?: RedirectMap };

function pool(map: RedirectMap): pg.Pool {
  return (map.pool ??= new pg.Pool({
    connectionString: process.env.DATABASE_URL,
    max: 1,
    connectionTimeoutMillis: 1_500,
    idleTimeoutMillis: 10_000,
    query_timeout: 1_500,
  }).on("error", () => {}));
}

async function refresh(map: RedirectMap): Promise<void> {
  try {
    const db = pool(map);
    const { rows } = await db.query<{ fingerprint: string }>(`
      SELECT concat_ws('|', count(*), max(r."createdAt"), max(a."updatedAt")) AS "fingerprint"
      FROM "ArticleSlugRedirect" r JOIN "Article" a ON a."id" = r."articleId"`);
    const fingerprint = rows[0]?.fingerprint ?? "";
    if (fingerprint === map.fingerprint) return;
    const loaded = await db.query<{ old: string; current: string }>(`
      SELECT r."slug" AS "old", a."slug" AS "current"
      FROM "ArticleSlugRedirect" r JOIN "Article" a ON a."id" = r."articleId"
      WHERE a."status" = 'PUBLISHED'`);
    map.targets = new Map(loaded.rows.map((row) => [row.old, row.current]));
    map.fingerprint = fingerprint;
  } catch {
    // The database is away (the health check answers for that) or busy: keep the map we have.
  } finally {
    map.checkedAt = Date.now();
  }
}

/** Where an article's old slug lives now, or null when `slug` is no old slug of a published article. */
export async function articleRedirectTarget(slug: string): Promise<string | null> {
  if (!process.env.DATABASE_URL) return null;
  const empty: RedirectMap = { targets: new Map(), fingerprint: "", checkedAt: 0 };
  const map = (state.roundtableArticleRedirects ??= empty);
  if (Date.now() - map.checkedAt >= CHECK_EVERY_MS) {
    map.pending ??= refresh(map).finally(() => (map.pending = undefined));
    await map.pending;
  }
  return map.targets.get(slug) ?? null;
}
