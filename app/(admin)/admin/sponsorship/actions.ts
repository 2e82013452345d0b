"use server";

import { after } from "next/server";
import { runAction, type ActionResult } from "@/lib/action-result";
import { expireTags } from "@/lib/cache-expiry";
import {
  removeDomainSponsor,
  setDomainSponsor,
  setInquiryStatus,
  type SponsorAdminView,
} from "@/lib/data/sponsorship";
import { isAdmin } from "@/lib/domain/permissions";
import { AppError } from "@/lib/errors";
import type { InquiryStatus } from "@/lib/generated/prisma/enums";
import { scheduleSponsorRefresh } from "@/lib/jobs/sponsors";
import { requireUser } from "@/lib/session";
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
    const user = await requireUser(isAdmin);
    const change = await setInquiryStatus(user, inquiryStatusSchema.parse(input));
    await expireTags(change);
    return { id: change.id, status: change.status };
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
    const user = await requireUser(isAdmin);
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
    const change = await setDomainSponsor(user, input, logo);
    await expireTags(change);
    after(() => scheduleSponsorRefresh(input.domainId, [input.startsAt, input.endsAt]));
    return { sponsor: change.sponsor, created: change.created };
  });
}

/** Removes a sponsor: its line leaves the domain and its articles at once. Admins only. */
export async function removeDomainSponsorAction(input: unknown): Promise<ActionResult<{ removed: true }>> {
  return runAction(async () => {
    const user = await requireUser(isAdmin);
    await expireTags(await removeDomainSponsor(user, removeSponsorSchema.parse(input)));
    return { removed: true as const };
  });
}
