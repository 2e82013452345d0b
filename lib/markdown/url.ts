/**
 * URL policy for rendered Markdown. Sanitize schemas check protocols too; this is the second,
 * stricter gate (react-markdown's `urlTransform`), and the one that also refuses relative URLs
 * in insights and protocol-relative URLs everywhere.
 */

export type UrlPolicy = {
  /** Lower-case schemes allowed in absolute URLs. */
  schemes: readonly string[];
  /** Whether path-relative URLs (`/articles/x`, `#faq`, `?page=2`, `other`) are allowed. */
  allowRelative: boolean;
};

export const articleUrlPolicy: UrlPolicy = {
  schemes: ["http", "https", "mailto"],
  allowRelative: true,
};

export const insightUrlPolicy: UrlPolicy = {
  schemes: ["http", "https"],
  allowRelative: false,
};

// Browsers drop ASCII whitespace and control characters when parsing a URL
// (`java\tscript:` is `javascript:`), so judge the URL the way a browser reads it.
const IGNORED_BY_BROWSERS = /[\u0000-\u0020\u007f]/g;

/** Returns `url` if `policy` allows it, `null` otherwise (the attribute is then dropped). */
export function safeUrl(url: string, policy: UrlPolicy): string | null {
  const probe = url.replace(IGNORED_BY_BROWSERS, "");
  if (probe === "") return null;
  // `//host`, `\\host`, `/\host` all resolve to another host with the page's protocol.
  if (/^[/\\]{2}/.test(probe)) return null;

  const colon = probe.indexOf(":");
  const firstDelimiter = probe.search(/[/?#]/);
  const hasScheme = colon > -1 && (firstDelimiter === -1 || colon < firstDelimiter);
  if (!hasScheme) return policy.allowRelative ? url : null;

  const scheme = probe.slice(0, colon).toLowerCase();
  return policy.schemes.includes(scheme) ? url : null;
}

/** An absolute web URL. Relative links stay on our site; absolute ones are treated as leaving it. */
export function isExternalHref(href: string): boolean {
  return /^https?:/i.test(href.replace(IGNORED_BY_BROWSERS, ""));
}
