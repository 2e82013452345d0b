import { z } from "zod";
import { HANDLE_MAX, HANDLE_MIN, RESERVED_HANDLES, SLUG_PATTERN } from "@/lib/domain/slug-shape";

export const PASSWORD_MIN = 10;

const email = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, "Enter your email address.")
  .max(254, "That email address is too long.")
  .pipe(z.email("Enter a valid email address."));

const name = z.string().trim().min(1, "Enter your name.").max(80, "Keep your name to 80 characters.");

export const signUpSchema = z.object({
  name,
  email,
  password: z
    .string()
    .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters.`)
    .max(200, "Keep your password to 200 characters."),
});
export type SignUpInput = z.infer<typeof signUpSchema>;

export const signInSchema = z.object({
  email,
  password: z.string().min(1, "Enter your password.").max(200, "That password is too long."),
});
export type SignInInput = z.infer<typeof signInSchema>;

export const handleSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(HANDLE_MIN, `Use at least ${HANDLE_MIN} characters.`)
  .max(HANDLE_MAX, `Keep it to ${HANDLE_MAX} characters.`)
  .regex(SLUG_PATTERN, "Use lower-case letters, digits and single hyphens (not at the start or end).")
  .refine((value) => !RESERVED_HANDLES.has(value), "That handle is reserved.");

export const profileSchema = z.object({
  name,
  handle: handleSchema,
  headline: z.string().trim().max(120, "Keep your headline to 120 characters."),
  /** false keeps the member off every leaderboard; left as it is when not given */
  showOnLeaderboards: z.boolean().optional(),
});
export type ProfileInput = z.infer<typeof profileSchema>;
