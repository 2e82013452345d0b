"use server";

import { updateTag } from "next/cache";
import { after } from "next/server";
import { runAction, type ActionResult } from "@/lib/action-result";
import { tags } from "@/lib/cache-tags";
import {
  removeDomainSponsor,
  setDomainSponsor,
  setInquiryStatus,
  type SponsorAdminView,
} from "@/lib/data/sponsorship";
import { AppError } from "@/lib/errors";
import type { InquiryStatus } from "@/lib/generated/prisma/enums";
import { scheduleSponsorRefresh } from "@/lib/jobs/sponsors";
import { requireRole } from "@/lib/session";
import {
  checkLogoSize,
  inquiryStatusSchema,
  removeSponsorSchema,
  setSponsorSchema,
} from "@/lib/validation/sponsorship";

/** Marks an inquiry new, contacted, accepted or declined. Admins only. */
export async function setInquiryStatusAction(
  input: unknown,
): Promise<ActionResult<{ id: string; status: InquiryStatus }>> {
  return runAction(async () => {
    const user = await requireRole("ADMIN");
    const { id, status } = await setInquiryStatus(user, inquiryStatusSchema.parse(input));
    return { id, status };
  });
}

const text = (form: FormData, key: string): string => {
  const value = form.get(key);
  return typeof value === "string" ? value : "";
};

/**
 * Sets a domain's sponsor from the sponsor form (multipart, for the logo). The logo's size is checked before
 * its bytes are read, and its bytes are checked by signature in the data layer. The domain's pages refresh
 * now, and again when the sponsor starts and ends showing.
 */
export async function setDomainSponsorAction(
  form: FormData,
): Promise<ActionResult<{ sponsor: SponsorAdminView; created: boolean }>> {
  return runAction(async () => {
    const user = await requireRole("ADMIN");
    if (!(form instanceof FormData)) throw new AppError("INVALID_INPUT", "Send the sponsor form.");
    const input = setSponsorSchema.parse({
      domainId: text(form, "domainId"),
      name: text(form, "name"),
      url: text(form, "url"),
      tagline: text(form, "tagline"),
      startsAt: text(form, "startsAt"),
      endsAt: text(form, "endsAt"),
      removeLogo: text(form, "removeLogo") === "true",
    });
    const file = form.get("logo");
    let logo: Uint8Array | null = null;
    if (file instanceof File && file.size > 0) {
      const tooBig = checkLogoSize(file.size);
      if (tooBig && !tooBig.ok) {
        throw new AppError("INVALID_INPUT", tooBig.message, { fieldErrors: { logo: tooBig.message } });
      }
      logo = new Uint8Array(await file.arrayBuffer());
    }
    const result = await setDomainSponsor(user, input, logo);
    updateTag(tags.domain(input.domainId));
    after(() => scheduleSponsorRefresh(input.domainId, [input.startsAt, input.endsAt]));
    return { sponsor: result.sponsor, created: result.created };
  });
}

/** Removes a sponsor: its line leaves the domain and its articles at once. Admins only. */
export async function removeDomainSponsorAction(input: unknown): Promise<ActionResult<{ removed: true }>> {
  return runAction(async () => {
    const user = await requireRole("ADMIN");
    const { domainId } = await removeDomainSponsor(user, removeSponsorSchema.parse(input));
    updateTag(tags.domain(domainId));
    return { removed: true as const };
  });
}
