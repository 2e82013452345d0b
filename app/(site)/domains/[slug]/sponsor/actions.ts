"use server";

import { runAction, type ActionResult } from "@/lib/action-result";
import { submitInquiry } from "@/lib/data/sponsorship";
import { sponsorInquirySchema } from "@/lib/validation/sponsorship";

/** Sends a sponsorship inquiry about a domain: open to everyone, signed in or not; idempotent per key. */
export async function submitSponsorInquiryAction(input: unknown): Promise<ActionResult<{ received: true }>> {
  return runAction(async () => {
    await submitInquiry(sponsorInquirySchema.parse(input));
    return { received: true as const };
  });
}
