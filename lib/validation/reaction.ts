import { z } from "zod";

export const REACTION_KINDS = ["LIKE", "INSIGHTFUL", "HELPFUL", "CELEBRATE", "UNHELPFUL"] as const;

export const reactSchema = z.object({
  insightId: z.string().min(1).max(64),
  /** null removes the member's reaction */
  kind: z.enum(REACTION_KINDS).nullable(),
});
export type ReactInput = z.infer<typeof reactSchema>;

export const articleFeedbackSchema = z.object({
  articleId: z.string().min(1).max(64),
  liked: z.boolean(),
  reason: z
    .string()
    .trim()
    .max(200, "Keep it to one line of 200 characters.")
    .refine((value) => !/[\r\n]/.test(value), "Keep it to one line.")
    .optional(),
});
export type ArticleFeedbackInput = z.infer<typeof articleFeedbackSchema>;

export const sectionInsightsQuerySchema = z.object({
  order: z.enum(["top", "newest"]).default("top"),
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});
