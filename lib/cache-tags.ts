// Names of the tags that anonymous pages' cached data carries; writes revalidate exactly these.
export const tags = {
  /** every list of articles: home, domain pages, feeds, sitemap */
  articles: "articles",
  /** the domain tree and domain pages */
  domains: "domains",
  /** the badge list and each badge's holders (/badges, /badges/<slug>) */
  badges: "badges",
  article: (id: string) => `article:${id}`,
  articleSlug: (slug: string) => `article-slug:${slug}`,
  domain: (id: string) => `domain:${id}`,
  member: (id: string) => `member:${id}`,
  insight: (id: string) => `insight:${id}`,
  memberHandle: (handle: string) => `member-handle:${handle}`,
  /** a domain's leaderboards (every period); a parent's also ranks its child domains' insights */
  leaderboard: (domainId: string) => `leaderboard:${domainId}`,
} as const;

/** How long cached pages live at most when nothing revalidates them (seconds). */
export const CACHE_BACKSTOP_SECONDS = 3600;
