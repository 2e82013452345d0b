import { z } from "zod";
import { cursorCodec, cursorId, cursorTimestamp } from "@/lib/cursor";
import { SLUG_PATTERN } from "@/lib/domain/slug-shape";

// The public JSON API's parameters (app/api/v1). Everything arrives as strings from the URL; a missing or
// empty query parameter takes its default, anything else malformed is a 400 with the field named.

/** Longest slug, handle or anchor the API accepts (the columns hold at most 120 characters). */
export const PUBLIC_NAME_MAX = 120;
/** Insights shown per section in the article response. */
export const INSIGHTS_PER_SECTION = { default: 10, max: 50 } as const;
/** Insights per page of a section's or a member's list. */
export const INSIGHT_PAGE_SIZE = { default: 20, max: 50 } as const;

/** A position in a newest-first list of insights: the last one a page showed. */
export type InsightCursor = { publishedAt: Date; id: string };

/** The opaque cursor of a position: base64url (unpadded) of `["<publishedAt ISO>","<id>"]`. */
export const insightCursor = cursorCodec(
  z.codec(z.tuple([cursorTimestamp, cursorId]), z.object({ publishedAt: z.date(), id: z.string() }), {
    decode: ([publishedAt, id]) => ({ publishedAt, id }),
    encode: ({ publishedAt, id }): [Date, string] => [publishedAt, id],
  }),
);

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
      const position = insightCursor.decode(value);
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
