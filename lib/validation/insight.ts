import { z } from "zod";
import { INSIGHT_MAX, INSIGHT_MIN } from "@/lib/domain/insight-rules";

export const insightBodySchema = z
  .string()
  .trim()
  .min(INSIGHT_MIN, `Say a bit more: at least ${INSIGHT_MIN} characters.`)
  .max(INSIGHT_MAX, `Keep it to ${INSIGHT_MAX} characters.`);

const id = z.string().min(1).max(64);

/** The longest composing time the form reports; longer is reported as this (it is slow enough either way). */
export const COMPOSE_MS_MAX = 60 * 60 * 1000;

/**
 * How long the member spent writing, in milliseconds from the first keystroke (or paste) to submitting, as
 * the posting form measures it. Optional: API clients and older forms send none, and are not timed.
 */
const composeMs = z.number().int().min(0).max(COMPOSE_MS_MAX).optional();

export const addInsightSchema = z.object({
  sectionId: id,
  body: insightBodySchema,
  /** one per draft, so a doubled or retried submission cannot create a second insight */
  idempotencyKey: z.uuid(),
  composeMs,
});
export type AddInsightInput = z.infer<typeof addInsightSchema>;

export const editInsightSchema = z.object({ insightId: id, body: insightBodySchema, composeMs });
export type EditInsightInput = z.infer<typeof editInsightSchema>;

export const deleteInsightSchema = z.object({ insightId: id });
export type DeleteInsightInput = z.infer<typeof deleteInsightSchema>;

/** What the insight form itself holds: the body (section and key travel alongside). */
export const insightFormSchema = addInsightSchema.pick({ body: true });
export type InsightFormInput = z.infer<typeof insightFormSchema>;
