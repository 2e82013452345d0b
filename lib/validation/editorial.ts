import { z } from "zod";
import { OUTLINE_LIMITS } from "@/lib/domain/outline";
import { SLUG_PATTERN } from "@/lib/domain/slug-shape";

// Zod schemas for the editorial back office (/admin/domains, /admin/articles). Each one checks the form in
// the browser and the server action that receives it.

const id = z.string().min(1).max(64);

/** Must match the ArticleKind enum of the schema. */
export const ARTICLE_KINDS = ["COLLABORATIVE", "GUIDE"] as const;
export type ArticleKindValue = (typeof ARTICLE_KINDS)[number];
export const ARTICLE_KIND_LABELS: Record<ArticleKindValue, string> = {
  COLLABORATIVE: "Collaborative article",
  GUIDE: "Guide",
};

export const EDITORIAL_LIMITS = {
  domainName: 80,
  domainSlug: 80,
  domainDescription: 500,
  articleSlug: 120,
  articleTitle: OUTLINE_LIMITS.titleMax,
  articleSummary: OUTLINE_LIMITS.summaryMax,
  sectionTitle: OUTLINE_LIMITS.sectionTitleMax,
  sectionBody: OUTLINE_LIMITS.sectionBodyMax,
  outline: 200_000,
} as const;

/** A slug as typed: lower-cased and trimmed; empty means "make one from the title/name". */
function slugField(max: number, what: string) {
  return z
    .string()
    .trim()
    .toLowerCase()
    .max(max, `Keep the ${what} to ${max} characters.`)
    .refine(
      (slug) => slug === "" || SLUG_PATTERN.test(slug),
      "Use lower-case letters and digits in words joined by single hyphens, like “career-growth”.",
    );
}

const direction = z.enum(["up", "down"]);
export type MoveDirection = z.infer<typeof direction>;

// ---- Domains -----------------------------------------------------------------------------------------------

const domainName = z
  .string()
  .trim()
  .min(1, "Enter the domain's name.")
  .max(EDITORIAL_LIMITS.domainName, `Keep the name to ${EDITORIAL_LIMITS.domainName} characters.`);
const domainDescription = z
  .string()
  .trim()
  .max(
    EDITORIAL_LIMITS.domainDescription,
    `Keep the description to ${EDITORIAL_LIMITS.domainDescription} characters.`,
  );
/** "" (from a select's "None" option) and null both mean a top-level domain. */
const parentId = z
  .union([id, z.literal(""), z.null()])
  .optional()
  .transform((value) => value || null);

export const createDomainSchema = z.object({
  name: domainName,
  slug: slugField(EDITORIAL_LIMITS.domainSlug, "slug"),
  description: domainDescription,
  parentId,
});
export type CreateDomainInput = z.infer<typeof createDomainSchema>;
export type CreateDomainFormInput = z.input<typeof createDomainSchema>;

/** Rename and describe. A domain's slug stays what it was created with: links to it keep working. */
export const updateDomainSchema = z.object({ id, name: domainName, description: domainDescription });
export type UpdateDomainInput = z.infer<typeof updateDomainSchema>;
export type UpdateDomainFormInput = z.input<typeof updateDomainSchema>;

export const moveDomainSchema = z.object({ id, parentId });
export type MoveDomainInput = z.infer<typeof moveDomainSchema>;

export const reorderDomainSchema = z.object({ id, direction });
export type ReorderDomainInput = z.infer<typeof reorderDomainSchema>;

export const deleteDomainSchema = z.object({ id });
export type DeleteDomainInput = z.infer<typeof deleteDomainSchema>;

// ---- Articles ----------------------------------------------------------------------------------------------

const kind = z.enum(ARTICLE_KINDS, "Choose a kind.");
const title = z
  .string()
  .trim()
  .min(1, "Enter a title.")
  .max(EDITORIAL_LIMITS.articleTitle, `Keep the title to ${EDITORIAL_LIMITS.articleTitle} characters.`);
const summary = z
  .string()
  .trim()
  .min(1, "Write a short summary: readers see it under the title.")
  .max(EDITORIAL_LIMITS.articleSummary, `Keep the summary to ${EDITORIAL_LIMITS.articleSummary} characters.`);
const domainId = z.string("Choose a domain.").min(1, "Choose a domain.").max(64);

export const createArticleSchema = z.object({
  domainId,
  kind,
  title,
  /** empty: generated from the title, made unique */
  slug: slugField(EDITORIAL_LIMITS.articleSlug, "slug"),
  summary,
});
export type CreateArticleInput = z.infer<typeof createArticleSchema>;
export type CreateArticleFormInput = z.input<typeof createArticleSchema>;

export const updateArticleSchema = createArticleSchema.extend({
  id,
  slug: slugField(EDITORIAL_LIMITS.articleSlug, "slug").refine((slug) => slug !== "", "Enter a slug."),
});
export type UpdateArticleInput = z.infer<typeof updateArticleSchema>;
export type UpdateArticleFormInput = z.input<typeof updateArticleSchema>;

const sectionTitle = z
  .string()
  .trim()
  .min(1, "Enter the section's title.")
  .max(EDITORIAL_LIMITS.sectionTitle, `Keep the title to ${EDITORIAL_LIMITS.sectionTitle} characters.`);
const sectionBody = z
  .string()
  .max(
    EDITORIAL_LIMITS.sectionBody,
    `Keep a section to ${EDITORIAL_LIMITS.sectionBody.toLocaleString("en")} characters.`,
  )
  // Trailing whitespace is never content; leading indentation can be (a code block), so only the end is trimmed.
  .transform((body) => body.replace(/\s+$/, ""));

/** What the section form holds; the article or section id travels alongside. */
export const sectionFormSchema = z.object({
  title: sectionTitle,
  body: sectionBody,
  acceptsInsights: z.boolean(),
});
export type SectionFormInput = z.input<typeof sectionFormSchema>;

export const addSectionSchema = sectionFormSchema.extend({ articleId: id });
export type AddSectionInput = z.infer<typeof addSectionSchema>;

export const updateSectionSchema = sectionFormSchema.extend({ id });
export type UpdateSectionInput = z.infer<typeof updateSectionSchema>;

export const moveSectionSchema = z.object({ id, direction });
export type MoveSectionInput = z.infer<typeof moveSectionSchema>;

export const removeSectionSchema = z.object({ id });
export type RemoveSectionInput = z.infer<typeof removeSectionSchema>;

export const importOutlineSchema = z.object({
  domainId,
  kind,
  markdown: z
    .string()
    .min(1, "Paste an outline.")
    .max(EDITORIAL_LIMITS.outline, "That outline is too long to import at once."),
});
export type ImportOutlineInput = z.infer<typeof importOutlineSchema>;
export type ImportOutlineFormInput = z.input<typeof importOutlineSchema>;

export const articleIdSchema = z.object({ id });
export type ArticleIdInput = z.infer<typeof articleIdSchema>;

/** A moment with its offset, as the browser sends it after reading the admin's local date and time. */
export const scheduleArticleSchema = z.object({
  id,
  scheduledAt: z
    .string("Choose a date and time.")
    .min(1, "Choose a date and time.")
    .pipe(z.iso.datetime({ offset: true, message: "Choose a date and time." }))
    .transform((value) => new Date(value)),
});
export type ScheduleArticleInput = z.infer<typeof scheduleArticleSchema>;

/** The schedule form: a `datetime-local` value, read in the admin's own time zone. */
export const scheduleFormSchema = z.object({
  when: z
    .string()
    .min(1, "Choose a date and time.")
    .refine((value) => !Number.isNaN(new Date(value).getTime()), "Choose a date and time."),
});
export type ScheduleFormInput = z.infer<typeof scheduleFormSchema>;

// ---- Lists from the URL ------------------------------------------------------------------------------------

export const ARTICLE_STATUS_FILTERS = ["all", "draft", "scheduled", "published"] as const;
export type ArticleStatusFilter = (typeof ARTICLE_STATUS_FILTERS)[number];

export const articleListSchema = z.object({
  status: z.enum(ARTICLE_STATUS_FILTERS).catch("all"),
  domain: z.string().max(64).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
export type ArticleListInput = z.infer<typeof articleListSchema>;

export const pageNumberSchema = z.coerce.number().int().min(1).max(10_000).catch(1);
