import { z } from "zod";
import { SLUG_PATTERN } from "@/lib/domain/slug-shape";

// The public JSON API's parameters (app/api/v1). Everything arrives as strings from the URL; a missing or
// empty query parameter takes its default, anything else malformed is a 400 with the field named.

/** Longest slug, handle or anchor the API accepts (the columns hold at most 120 characters). */
export const PUBLIC_NAME_MAX = 120;
/** Insights shown per section in the article response. */
export const INSIGHTS_PER_SECTION = { default: 10, max: 50 } as const;
/** Insights per page of a section's or a member's list. */
export const INSIGHT_PAGE_SIZE = { default: 20, max: 50 } as const;
const CURSOR_MAX = 200;

/** A position in a newest-first list of insights: the last one a page showed. */
export type InsightCursor = { publishedAt: Date; id: string };

const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
const BASE64URL_PATTERN = /^[A-Za-z0-9_-]+$/;
const cursorTuple = z.tuple([z.iso.datetime(), z.string().regex(ID_PATTERN)]);

/** The opaque cursor for `position`: base64url (unpadded) of `["<publishedAt ISO>","<id>"]`. */
export function encodeCursor(position: InsightCursor): string {
  // Both parts are ASCII, so btoa (available in browsers and Node alike) is safe here.
  const json = JSON.stringify([position.publishedAt.toISOString(), position.id]);
  return btoa(json).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** The position a cursor stands for, or null when it is not one `encodeCursor` could have made. */
export function decodeCursor(cursor: string): InsightCursor | null {
  if (cursor.length > CURSOR_MAX || !BASE64URL_PATTERN.test(cursor)) return null;
  let decoded: unknown;
  try {
    const base64 = cursor.replace(/-/g, "+").replace(/_/g, "/");
    decoded = JSON.parse(atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, "=")));
  } catch {
    return null;
  }
  const parsed = cursorTuple.safeParse(decoded);
  if (!parsed.success) return null;
  const [publishedAt, id] = parsed.data;
  const date = new Date(publishedAt);
  return Number.isNaN(date.getTime()) ? null : { publishedAt: date, id };
}

/** Query parameters come as `string | null` (URLSearchParams.get); null and "" both mean "not given". */
const absentIfEmpty = (value: unknown) => (value === null || value === "" ? undefined : value);

function nameParam(what: string) {
  return z
    .string(`Give the ${what}.`)
    .min(1, `Give the ${what}.`)
    .max(PUBLIC_NAME_MAX, `A ${what} has at most ${PUBLIC_NAME_MAX} characters.`)
    .regex(SLUG_PATTERN, `A ${what} is lower-case letters and digits in words joined by single hyphens.`);
}

function limitParam(range: { default: number; max: number }) {
  const message = `Use a whole number from 1 to ${range.max}.`;
  return z.preprocess(
    absentIfEmpty,
    z
      .string(message)
      .regex(/^[0-9]{1,6}$/, message)
      .transform(Number)
      .pipe(z.int().min(1, message).max(range.max, message))
      .optional()
      .transform((value) => value ?? range.default),
  );
}

const cursorParam = z.preprocess(
  absentIfEmpty,
  z
    .string()
    .transform((value, ctx): InsightCursor => {
      const position = decodeCursor(value);
      if (!position) {
        ctx.addIssue({
          code: "custom",
          message: "This cursor is not valid: use a nextCursor from an earlier response.",
        });
        return z.NEVER;
      }
      return position;
    })
    .optional(),
);

export const articleSlugSchema = nameParam("article slug");
export const sectionAnchorSchema = nameParam("section anchor");
export const memberHandleSchema = nameParam("member handle");

/** GET /api/v1/articles/{slug}?insightsPerSection= */
export const publicArticleRequestSchema = z.object({
  slug: articleSlugSchema,
  insightsPerSection: limitParam(INSIGHTS_PER_SECTION),
});
export type PublicArticleRequest = {
  slug: string;
  insightsPerSection?: string | null;
};

/** GET /api/v1/articles/{slug}/sections/{anchor}/insights?cursor=&limit= */
export const publicSectionInsightsRequestSchema = z.object({
  slug: articleSlugSchema,
  anchor: sectionAnchorSchema,
  cursor: cursorParam,
  limit: limitParam(INSIGHT_PAGE_SIZE),
});
export type PublicSectionInsightsRequest = {
  slug: string;
  anchor: string;
  cursor?: string | null;
  limit?: string | null;
};

/** GET /api/v1/members/{handle}/insights?cursor=&limit= */
export const publicMemberInsightsRequestSchema = z.object({
  handle: memberHandleSchema,
  cursor: cursorParam,
  limit: limitParam(INSIGHT_PAGE_SIZE),
});
export type PublicMemberInsightsRequest = {
  handle: string;
  cursor?: string | null;
  limit?: string | null;
};
