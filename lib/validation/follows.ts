import { z } from "zod";

/** What a member can follow: a domain (new articles in it and its child domains) or an article (new insights). */
export const FOLLOW_KINDS = ["domain", "article"] as const;
export type FollowKind = (typeof FOLLOW_KINDS)[number];

const recordId = z.string().trim().min(1, "Choose what to follow.").max(64, "That id is too long.");

/** The Follow/Following toggle: `following` is the state the member asks for, so repeating it is harmless. */
export const setFollowSchema = z.object({
  kind: z.enum(FOLLOW_KINDS),
  id: recordId,
  following: z.boolean(),
});
export type SetFollowInput = z.infer<typeof setFollowSchema>;

/** The next page of one of the member's follow lists (/following). */
export const listFollowsSchema = z.object({
  kind: z.enum(FOLLOW_KINDS),
  cursor: z.string().trim().min(1).max(200).optional(),
});
export type ListFollowsInput = z.infer<typeof listFollowsSchema>;
