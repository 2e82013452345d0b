import { z } from "zod";
import { plainText } from "./text";

// Zod schemas for sponsorship: the inquiry form on a domain, the admin's inquiry list and the sponsor form.
// The same schema checks the form in the browser and the server action.

const id = z.string().min(1).max(64);

/** Must match the SponsorBudget enum of the schema. */
export const SPONSOR_BUDGETS = ["UNDER_1K", "FROM_1K_TO_5K", "FROM_5K_TO_20K", "OVER_20K"] as const;
export type SponsorBudgetValue = (typeof SPONSOR_BUDGETS)[number];

export const SPONSOR_BUDGET_LABELS: Record<SponsorBudgetValue, string> = {
  UNDER_1K: "Under $1,000",
  FROM_1K_TO_5K: "$1,000 to $5,000",
  FROM_5K_TO_20K: "$5,000 to $20,000",
  OVER_20K: "Over $20,000",
};

/** Must match the InquiryStatus enum of the schema. */
export const INQUIRY_STATUSES = ["NEW", "CONTACTED", "ACCEPTED", "DECLINED"] as const;
export type InquiryStatusValue = (typeof INQUIRY_STATUSES)[number];

export const INQUIRY_STATUS_LABELS: Record<InquiryStatusValue, string> = {
  NEW: "New",
  CONTACTED: "Contacted",
  ACCEPTED: "Accepted",
  DECLINED: "Declined",
};

export const INQUIRY_MESSAGE_MIN = 20;
export const INQUIRY_MESSAGE_MAX = 2000;

export const sponsorInquirySchema = z.object({
  domainId: id,
  organisation: plainText()
    .trim()
    .min(1, "Enter your organisation's name.")
    .max(120, "Keep the organisation's name to 120 characters."),
  contactName: plainText().trim().min(1, "Enter your name.").max(80, "Keep your name to 80 characters."),
  email: z
    .string()
    .trim()
    .toLowerCase()
    .min(1, "Enter your email address.")
    .max(254, "That email address is too long.")
    .pipe(z.email("Enter a valid email address.")),
  message: plainText()
    .trim()
    .min(INQUIRY_MESSAGE_MIN, `Tell us a little more: at least ${INQUIRY_MESSAGE_MIN} characters.`)
    .max(INQUIRY_MESSAGE_MAX, `Keep the message to ${INQUIRY_MESSAGE_MAX} characters.`),
  budget: z.enum(SPONSOR_BUDGETS, "Choose a budget range."),
  /** one per draft, so a doubled or retried submission cannot store a second inquiry */
  idempotencyKey: z.uuid(),
});
export type SponsorInquiryInput = z.infer<typeof sponsorInquirySchema>;

/** What the inquiry form itself holds (the domain and the key travel alongside). */
export const sponsorInquiryFormSchema = sponsorInquirySchema.omit({ domainId: true, idempotencyKey: true });
export type SponsorInquiryFormInput = z.input<typeof sponsorInquiryFormSchema>;

export const inquiryStatusSchema = z.object({
  inquiryId: id,
  status: z.enum(INQUIRY_STATUSES, "Choose a status."),
});
export type InquiryStatusInput = z.infer<typeof inquiryStatusSchema>;

/** The admin's inquiry list: an optional status filter and the cursor of a page, as they come from the URL. */
export const inquiryListSchema = z.object({
  status: z.enum(INQUIRY_STATUSES).optional().catch(undefined),
  /** opaque: the data layer reads it, and starts over at the first page when it is not one of its own */
  cursor: z.string().max(200).optional().catch(undefined),
});
export type InquiryListInput = z.infer<typeof inquiryListSchema>;

// ---- Dates -------------------------------------------------------------------------------------------------

const DATE_TIME_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?)?(Z|[+-]\d{2}:\d{2})?$/;

/**
 * Reads a date as a datetime-local input (`2026-12-01T09:00`) or an ISO 8601 string sends it. A value without
 * a zone is UTC (the sponsor form says so), so the window means the same whoever sets it. Null when it is not
 * a real date and time (`2026-02-31` included).
 */
export function parseUtcDateTime(value: string): Date | null {
  const match = DATE_TIME_PATTERN.exec(value.trim());
  if (!match) return null;
  const [, year, month, day, hour = "00", minute = "00", second = "00", zone] = match;
  const [y, mo, d, h, mi, s] = [year, month, day, hour, minute, second].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const wall = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  // Date.UTC rolls 31 February over into March: a date that does not come back unchanged does not exist.
  if (
    wall.getUTCFullYear() !== y ||
    wall.getUTCMonth() !== mo - 1 ||
    wall.getUTCDate() !== d ||
    wall.getUTCHours() !== h ||
    wall.getUTCMinutes() !== mi ||
    wall.getUTCSeconds() !== s
  ) {
    return null;
  }
  const parsed = new Date(`${value.trim().replace(" ", "T")}${zone ? "" : "Z"}`);
  return Number.isNaN(parsed.getTime()) ? null : parsed;
}

/** A date as a datetime-local input shows it, in UTC: `2026-12-01T09:00`. */
export function toUtcDateTimeInput(date: Date | string): string {
  return new Date(date).toISOString().slice(0, 16);
}

const dateTimeText = (what: string) =>
  z
    .string()
    .trim()
    .min(1, `Enter the ${what} date and time.`)
    .refine((value) => parseUtcDateTime(value) !== null, `Enter the ${what} as a date and time.`);

// ---- Sponsor -----------------------------------------------------------------------------------------------

export const SPONSOR_NAME_MAX = 80;
export const SPONSOR_TAGLINE_MAX = 140;

/** An http(s) address only: no javascript:, data: or relative links reach a sponsor line. */
export const sponsorUrlSchema = z
  .string()
  .trim()
  .min(1, "Enter the sponsor's web address.")
  .max(500, "Keep the address to 500 characters.")
  .pipe(
    z.url({
      protocol: /^https?$/,
      hostname: z.regexes.domain,
      error: "Enter a full web address starting with https:// or http://.",
    }),
  );

const sponsorFields = z.object({
  name: z
    .string()
    .trim()
    .min(1, "Enter the sponsor's name.")
    .max(SPONSOR_NAME_MAX, `Keep the name to ${SPONSOR_NAME_MAX} characters.`),
  url: sponsorUrlSchema,
  tagline: z.string().trim().max(SPONSOR_TAGLINE_MAX, `Keep the line to ${SPONSOR_TAGLINE_MAX} characters.`),
  startsAt: dateTimeText("start"),
  endsAt: dateTimeText("end"),
});

function checkWindow(input: { startsAt: string; endsAt: string }, ctx: z.RefinementCtx) {
  const startsAt = parseUtcDateTime(input.startsAt);
  const endsAt = parseUtcDateTime(input.endsAt);
  if (startsAt && endsAt && endsAt <= startsAt) {
    ctx.addIssue({ code: "custom", path: ["endsAt"], message: "The end must come after the start." });
  }
}

/** What the sponsor form holds (the domain, the logo and "remove the logo" travel alongside). */
export const sponsorFormSchema = sponsorFields.superRefine(checkWindow);
export type SponsorFormInput = z.input<typeof sponsorFormSchema>;

/** Setting a domain's sponsor, as the server action parses it: dates become instants in UTC. */
export const setSponsorSchema = sponsorFields
  .extend({ domainId: id, removeLogo: z.boolean().default(false) })
  .superRefine(checkWindow)
  .transform((input) => ({
    ...input,
    startsAt: parseUtcDateTime(input.startsAt)!,
    endsAt: parseUtcDateTime(input.endsAt)!,
  }));
export type SetSponsorInput = z.output<typeof setSponsorSchema>;

export const removeSponsorSchema = z.object({ sponsorId: id });
export type RemoveSponsorInput = z.infer<typeof removeSponsorSchema>;

// ---- Logo --------------------------------------------------------------------------------------------------

export const SPONSOR_LOGO_MAX_BYTES = 512 * 1024;
export const SPONSOR_LOGO_TYPES = ["image/png", "image/jpeg", "image/webp"] as const;
export type SponsorLogoType = (typeof SPONSOR_LOGO_TYPES)[number];

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0) =>
  bytes.length >= offset + signature.length && signature.every((byte, i) => bytes[offset + i] === byte);
const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0));

/**
 * The image type the bytes themselves declare, whatever name or type the browser sent: PNG (signature and
 * IHDR chunk), JPEG (SOI and a marker) or WebP (a RIFF container of a WEBP VP8 bitstream). Anything else,
 * SVG above all (it can carry script), is null.
 */
export function detectLogoType(bytes: Uint8Array): SponsorLogoType | null {
  if (
    startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) &&
    startsWith(bytes, ascii("IHDR"), 12)
  )
    return "image/png";
  if (startsWith(bytes, [0xff, 0xd8, 0xff]) && bytes.length > 4) return "image/jpeg";
  if (
    startsWith(bytes, ascii("RIFF")) &&
    startsWith(bytes, ascii("WEBP"), 8) &&
    startsWith(bytes, ascii("VP8"), 12)
  )
    return "image/webp";
  return null;
}

export type LogoCheck = { ok: true; type: SponsorLogoType } | { ok: false; message: string };

/** Whether an uploaded file of `size` bytes may be a logo, before reading it (the server checks the size first). */
export function checkLogoSize(size: number): LogoCheck | null {
  if (size === 0) return { ok: false, message: "That file is empty." };
  if (size > SPONSOR_LOGO_MAX_BYTES) return { ok: false, message: "Keep the logo under 512 KB." };
  return null;
}

/** Whether `bytes` may be stored as a sponsor's logo, and as which type. */
export function checkSponsorLogo(bytes: Uint8Array): LogoCheck {
  const sizeProblem = checkLogoSize(bytes.length);
  if (sizeProblem) return sizeProblem;
  const type = detectLogoType(bytes);
  if (type) return { ok: true, type };
  const head = new TextDecoder().decode(bytes.subarray(0, 512)).trimStart().toLowerCase();
  if (head.includes("<svg") || head.startsWith("<?xml")) {
    return { ok: false, message: "SVG logos are not accepted: upload a PNG, JPEG or WebP image." };
  }
  return { ok: false, message: "Upload a PNG, JPEG or WebP image." };
}
