import { z } from "zod";
import { normalizeBlockedTerm } from "@/lib/domain/auto-checks";

export const BLOCKED_TERM_MAX = 100;

/** A word or phrase that holds an insight for review; stored as the checks compare it (see auto-checks). */
export const blockedTermSchema = z
  .string()
  .overwrite(normalizeBlockedTerm)
  .min(1, "Enter a word or phrase.")
  .max(BLOCKED_TERM_MAX, `Keep it to ${BLOCKED_TERM_MAX} characters.`);

export const addBlockedTermSchema = z.object({ term: blockedTermSchema });
export type AddBlockedTermInput = z.infer<typeof addBlockedTermSchema>;

export const removeBlockedTermSchema = z.object({ id: z.string().min(1).max(64) });
export type RemoveBlockedTermInput = z.infer<typeof removeBlockedTermSchema>;

export const blockedTermsPageSchema = z.object({ cursor: z.string().max(BLOCKED_TERM_MAX).optional() });
