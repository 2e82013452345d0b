// Facts about the site used in metadata, JSON-LD and copy.
export const SITE_NAME = "Roundtable";
export const SITE_DESCRIPTION =
  "Roundtable is where practitioners add their insights to well-edited articles and guides on careers and technology.";

/** The contribution call-out shown on every article (the badge rules live in lib/domain). */
export const CONTRIBUTOR_CALLOUT =
  "Contribute to three or more articles across any domain to qualify for the Contributor badge.";

/** The public origin, for absolute URLs in metadata; NEXTAUTH_URL is the deployment's own address. */
export function siteUrl(): URL {
  return new URL(process.env.NEXTAUTH_URL ?? "http://localhost:3000");
}
