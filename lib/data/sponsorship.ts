import "server-only";
import { z } from "zod";
import { changed, type Changed } from "@/lib/cache-expiry";
import { tags } from "@/lib/cache-tags";
import { cursorCodec, cursorId, cursorTimestamp } from "@/lib/cursor";
import { db } from "@/lib/db";
import { mayManageSponsorship, type Viewer } from "@/lib/domain/permissions";
import { isSponsorActive, type SponsorView } from "@/lib/domain/sponsorship";
import { AppError, uniqueViolation } from "@/lib/errors";
import type { InquiryStatus, SponsorBudget } from "@/lib/generated/prisma/enums";
import {
  checkSponsorLogo,
  type InquiryListInput,
  type InquiryStatusInput,
  type RemoveSponsorInput,
  type SetSponsorInput,
  type SponsorInquiryInput,
} from "@/lib/validation/sponsorship";
import { recordAudit } from "./audit";
import { cached } from "./cache";
import { assertPermitted } from "./permissions";
import type { Tx } from "./transaction";
import type { SessionUser } from "./users";

export type { SponsorView };

// Sponsorship: inquiries sent from "Sponsor this category", and the sponsor shown on a domain between two
// dates. A domain has at most one current sponsor, running now or booked for later: setting a sponsor changes
// that one (or books one when there is none), so there is never a question of which of two to show. Sponsors
// whose window has ended stay in the table as a record until an admin removes them.

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

/** How many inquiries one address may send about one domain in a day, and any senders about one domain in an hour. */
export const INQUIRY_LIMITS = { perEmailPerDomainPerDay: 3, perDomainPerHour: 30 } as const;

export const INQUIRY_PAGE_SIZE = 20;

export type SponsorAdminView = SponsorView & { hasLogo: boolean; domainId: string };

export type InquiryView = {
  id: string;
  domain: { name: string; slug: string };
  organisation: string;
  contactName: string;
  email: string;
  message: string;
  budget: SponsorBudget;
  status: InquiryStatus;
  createdAt: string;
  updatedAt: string;
};

export type InquiryPage = {
  status: InquiryStatus;
  inquiries: InquiryView[];
  /** whether this page continues from a cursor (false: it is the newest page) */
  continued: boolean;
  /** the cursor of the next (older) page, or null when this is the last one */
  nextCursor: string | null;
  counts: Record<InquiryStatus, number>;
};

function assertMayManageSponsorship(actor: Viewer): void {
  assertPermitted(mayManageSponsorship(actor), "Only admins can manage sponsorship.");
}

// ---- Inquiries ---------------------------------------------------------------------------------------------

/**
 * Stores an inquiry from anyone, signed in or not. Idempotent per `idempotencyKey`: a repeated submission
 * (double click, retry, a second request racing the first) answers with the first one's id and stores
 * nothing. Refuses floods: a few inquiries per address per domain a day, and a cap per domain an hour.
 */
export async function submitInquiry(
  input: SponsorInquiryInput,
  now = new Date(),
): Promise<{ id: string; created: boolean }> {
  const replay = () =>
    db.sponsorInquiry.findUnique({ where: { idempotencyKey: input.idempotencyKey }, select: { id: true } });
  try {
    return await db.$transaction(async (tx) => {
      // One submission per domain at a time, so the replay lookup and the flood counts see every earlier one.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`sponsor-inquiry:${input.domainId}`}, 0))`;
      const earlier = await tx.sponsorInquiry.findUnique({
        where: { idempotencyKey: input.idempotencyKey },
        select: { id: true },
      });
      if (earlier) return { id: earlier.id, created: false };

      // Held until commit: a domain being deleted is waited for (then found gone), and waits for this one.
      const [domain] = await tx.$queryRaw<{ id: string }[]>`
        SELECT "id" FROM "Domain" WHERE "id" = ${input.domainId} FOR KEY SHARE`;
      if (!domain) throw new AppError("NOT_FOUND", "This category no longer exists.");

      const [fromThisAddress, forThisDomain] = await Promise.all([
        tx.sponsorInquiry.count({
          where: {
            domainId: domain.id,
            email: input.email,
            createdAt: { gt: new Date(now.getTime() - DAY_MS) },
          },
        }),
        tx.sponsorInquiry.count({
          where: { domainId: domain.id, createdAt: { gt: new Date(now.getTime() - HOUR_MS) } },
        }),
      ]);
      if (fromThisAddress >= INQUIRY_LIMITS.perEmailPerDomainPerDay) {
        throw new AppError(
          "RATE_LIMITED",
          "We already have your inquiries about this category from today. We will be in touch soon.",
          { retryAfterSeconds: DAY_MS / 1000 },
        );
      }
      if (forThisDomain >= INQUIRY_LIMITS.perDomainPerHour) {
        throw new AppError(
          "RATE_LIMITED",
          "We are receiving many inquiries right now. Please try again in an hour.",
          {
            retryAfterSeconds: HOUR_MS / 1000,
          },
        );
      }

      const created = await tx.sponsorInquiry.create({
        data: {
          domainId: domain.id,
          organisation: input.organisation,
          contactName: input.contactName,
          email: input.email,
          message: input.message,
          budget: input.budget,
          idempotencyKey: input.idempotencyKey,
        },
        select: { id: true },
      });
      return { id: created.id, created: true };
    });
  } catch (error) {
    // The same key committed meanwhile under another domain's lock: answer with that one.
    if (uniqueViolation(error)?.includes("idempotencyKey")) {
      const first = await replay();
      if (first) return { id: first.id, created: false };
    }
    throw error;
  }
}

const inquirySelect = {
  id: true,
  organisation: true,
  contactName: true,
  email: true,
  message: true,
  budget: true,
  status: true,
  createdAt: true,
  updatedAt: true,
  domain: { select: { name: true, slug: true } },
} as const;

/** The last inquiry a page showed: its creation time and id, opaque to the page. */
const inquiryCursor = cursorCodec(z.object({ createdAt: cursorTimestamp, id: cursorId }));

/**
 * One page of inquiries with one status, newest first, and how many there are of each status. Admins only.
 * Pages follow a cursor (creation time, then id), not an offset: inquiries that change status while the
 * admin pages through (the usual case: they answer the new ones) shift no later one past the page boundary.
 * A cursor that is not one of ours answers with the first page.
 */
export async function listInquiries(actor: SessionUser, input: InquiryListInput): Promise<InquiryPage> {
  assertMayManageSponsorship(actor);
  const status = input.status ?? "NEW";
  const after = input.cursor ? inquiryCursor.decode(input.cursor) : null;
  const [grouped, rows] = await Promise.all([
    db.sponsorInquiry.groupBy({ by: ["status"], _count: { _all: true } }),
    db.sponsorInquiry.findMany({
      where: {
        status,
        ...(after
          ? {
              OR: [
                { createdAt: { lt: after.createdAt } },
                { createdAt: after.createdAt, id: { lt: after.id } },
              ],
            }
          : {}),
      },
      select: inquirySelect,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: INQUIRY_PAGE_SIZE + 1,
    }),
  ]);
  const counts: Record<InquiryStatus, number> = { NEW: 0, CONTACTED: 0, ACCEPTED: 0, DECLINED: 0 };
  for (const row of grouped) counts[row.status] = row._count._all;
  const page = rows.slice(0, INQUIRY_PAGE_SIZE);
  const last = page.at(-1);
  return {
    status,
    continued: after !== null,
    nextCursor:
      rows.length > INQUIRY_PAGE_SIZE && last
        ? inquiryCursor.encode({ createdAt: last.createdAt, id: last.id })
        : null,
    counts,
    inquiries: page.map((row) => ({
      ...row,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    })),
  };
}

/** Marks an inquiry new, contacted, accepted or declined, with an audit entry. Admins only. */
export async function setInquiryStatus(
  actor: SessionUser,
  input: InquiryStatusInput,
): Promise<Changed<{ id: string; status: InquiryStatus; changed: boolean }>> {
  assertMayManageSponsorship(actor);
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ status: InquiryStatus }[]>`
      SELECT "status" FROM "SponsorInquiry" WHERE "id" = ${input.inquiryId} FOR UPDATE`;
    const current = rows[0];
    if (!current) throw new AppError("NOT_FOUND", "This inquiry no longer exists.");
    // No reader's page shows an inquiry: nothing cached to expire.
    if (current.status === input.status) {
      return changed({ id: input.inquiryId, status: input.status, changed: false }, []);
    }
    await tx.sponsorInquiry.update({ where: { id: input.inquiryId }, data: { status: input.status } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "inquiry.status",
      targetType: "inquiry",
      targetId: input.inquiryId,
      data: { from: current.status, to: input.status },
    });
    return changed({ id: input.inquiryId, status: input.status, changed: true }, []);
  });
}

// ---- Sponsors ----------------------------------------------------------------------------------------------

const sponsorSelect = {
  id: true,
  domainId: true,
  name: true,
  url: true,
  tagline: true,
  logoType: true,
  startsAt: true,
  endsAt: true,
  updatedAt: true,
} as const;

type SponsorRow = {
  id: string;
  domainId: string;
  name: string;
  url: string;
  tagline: string;
  logoType: string | null;
  startsAt: Date;
  endsAt: Date;
  updatedAt: Date;
};

export function sponsorLogoPath(id: string, updatedAt: Date): string {
  return `/sponsor-logos/${id}?v=${updatedAt.getTime().toString(36)}`;
}

function toView(row: SponsorRow): SponsorView {
  return {
    id: row.id,
    name: row.name,
    url: row.url,
    tagline: row.tagline,
    logoUrl: row.logoType ? sponsorLogoPath(row.id, row.updatedAt) : null,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
  };
}

function toAdminView(row: SponsorRow): SponsorAdminView {
  return { ...toView(row), domainId: row.domainId, hasLogo: row.logoType !== null };
}

/** The domain's current sponsor (running or booked), locked, inside the caller's transaction. */
async function lockCurrentSponsor(tx: Tx, domainId: string, now: Date): Promise<SponsorRow | null> {
  const domain = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "Domain" WHERE "id" = ${domainId} FOR UPDATE`;
  if (domain.length === 0) throw new AppError("NOT_FOUND", "This domain no longer exists.");
  return tx.domainSponsor.findFirst({
    where: { domainId, endsAt: { gt: now } },
    select: sponsorSelect,
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
  });
}

/**
 * Sets a domain's sponsor: changes its current one (running or booked) or books a new one. `logo` is the
 * uploaded file's bytes, checked here again by their signature (PNG, JPEG or WebP, at most 512 KB); without
 * one the current logo stays, unless `removeLogo`. Admins only; one audit entry.
 */
export async function setDomainSponsor(
  actor: SessionUser,
  input: SetSponsorInput,
  logo: Uint8Array | null,
  now = new Date(),
): Promise<Changed<{ sponsor: SponsorAdminView; domainSlug: string; created: boolean }>> {
  assertMayManageSponsorship(actor);
  if (input.endsAt <= input.startsAt) {
    throw new AppError("INVALID_INPUT", "The end must come after the start.", {
      fieldErrors: { endsAt: "The end must come after the start." },
    });
  }
  if (input.endsAt <= now) {
    throw new AppError("INVALID_INPUT", "That window has already ended.", {
      fieldErrors: { endsAt: "The end has already passed: choose a later end." },
    });
  }
  let logoData: { logo: Uint8Array<ArrayBuffer> | null; logoType: string | null } | undefined;
  if (logo) {
    const check = checkSponsorLogo(logo);
    if (!check.ok)
      throw new AppError("INVALID_INPUT", check.message, { fieldErrors: { logo: check.message } });
    logoData = { logo: new Uint8Array(logo), logoType: check.type };
  } else if (input.removeLogo) {
    logoData = { logo: null, logoType: null };
  }

  return db.$transaction(async (tx) => {
    const current = await lockCurrentSponsor(tx, input.domainId, now);
    const fields = {
      name: input.name,
      url: input.url,
      tagline: input.tagline,
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      ...(logoData ?? {}),
    };
    const row = current
      ? await tx.domainSponsor.update({ where: { id: current.id }, data: fields, select: sponsorSelect })
      : await tx.domainSponsor.create({
          data: { domainId: input.domainId, ...fields },
          select: sponsorSelect,
        });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "sponsor.set",
      targetType: "sponsor",
      targetId: row.id,
      data: {
        domainId: input.domainId,
        name: row.name,
        url: row.url,
        startsAt: row.startsAt.toISOString(),
        endsAt: row.endsAt.toISOString(),
        logo: logo ? "uploaded" : input.removeLogo ? "removed" : row.logoType ? "kept" : "none",
        ...(current ? { previous: { name: current.name, startsAt: current.startsAt.toISOString() } } : {}),
      },
    });
    const domain = await tx.domain.findUniqueOrThrow({
      where: { id: input.domainId },
      select: { slug: true },
    });
    // The "Sponsored by" line of the domain and its articles reads the domain's cached sponsors.
    return changed({ sponsor: toAdminView(row), domainSlug: domain.slug, created: !current }, [
      tags.domain(input.domainId),
    ]);
  });
}

/** Removes a sponsor (current or past) and its logo, with an audit entry. Admins only. */
export async function removeDomainSponsor(
  actor: SessionUser,
  input: RemoveSponsorInput,
): Promise<Changed<{ domainId: string; domainSlug: string }>> {
  assertMayManageSponsorship(actor);
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ domainId: string; name: string; startsAt: Date; endsAt: Date }[]>`
      SELECT "domainId", "name", "startsAt", "endsAt" FROM "DomainSponsor" WHERE "id" = ${input.sponsorId} FOR UPDATE`;
    const sponsor = rows[0];
    if (!sponsor) throw new AppError("NOT_FOUND", "This sponsor was already removed.");
    await tx.domainSponsor.delete({ where: { id: input.sponsorId } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "sponsor.remove",
      targetType: "sponsor",
      targetId: input.sponsorId,
      data: {
        domainId: sponsor.domainId,
        name: sponsor.name,
        startsAt: sponsor.startsAt.toISOString(),
        endsAt: sponsor.endsAt.toISOString(),
      },
    });
    const domain = await tx.domain.findUniqueOrThrow({
      where: { id: sponsor.domainId },
      select: { slug: true },
    });
    return changed({ domainId: sponsor.domainId, domainSlug: domain.slug }, [tags.domain(sponsor.domainId)]);
  });
}

/**
 * The sponsor to show on a domain and its articles at `now`, or null. Cached under the domain's tag: the
 * cache holds the sponsors not yet ended when it was filled, and the window is checked against `now` on
 * every call, so an entry filled before a start or an end still answers correctly.
 */
export async function getActiveSponsor(domainId: string, now = new Date()): Promise<SponsorView | null> {
  const upcoming = await cached(
    async (): Promise<SponsorView[]> => {
      const rows = await db.domainSponsor.findMany({
        where: { domainId, endsAt: { gt: new Date() } },
        select: sponsorSelect,
        orderBy: [{ startsAt: "asc" }, { id: "asc" }],
        take: 3,
      });
      return rows.map(toView);
    },
    ["domain-sponsors", domainId],
    [tags.domain(domainId)],
  );
  return upcoming.find((sponsor) => isSponsorActive(sponsor, now)) ?? null;
}

/** A stored logo for the logo route, or null. Only what was checked on upload is ever stored. */
export async function getSponsorLogo(
  id: string,
): Promise<{ bytes: Uint8Array; type: string; updatedAt: Date } | null> {
  const row = await db.domainSponsor.findUnique({
    where: { id },
    select: { logo: true, logoType: true, updatedAt: true },
  });
  if (!row?.logo || !row.logoType) return null;
  return { bytes: row.logo, type: row.logoType, updatedAt: row.updatedAt };
}

export type SponsoredDomain = {
  id: string;
  name: string;
  slug: string;
  parentName: string | null;
  current: SponsorAdminView | null;
};

/** Every domain with its current sponsor (running or booked), parents before children. Admins only. */
export async function listSponsoredDomains(actor: SessionUser, now = new Date()): Promise<SponsoredDomain[]> {
  assertMayManageSponsorship(actor);
  const domains = await db.domain.findMany({
    select: {
      id: true,
      name: true,
      slug: true,
      parentId: true,
      position: true,
      parent: { select: { name: true } },
      sponsors: {
        where: { endsAt: { gt: now } },
        select: sponsorSelect,
        orderBy: [{ startsAt: "asc" }, { id: "asc" }],
        take: 1,
      },
    },
    // Every domain, as the domain manager lists them: domains are an editorial list, and a cap here would
    // silently leave some out of the sponsorship page.
    orderBy: [{ position: "asc" }, { name: "asc" }],
  });
  // Parents in their order, each followed by its children.
  const roots = domains.filter((domain) => domain.parentId === null);
  const ordered = roots.flatMap((root) => [root, ...domains.filter((domain) => domain.parentId === root.id)]);
  return ordered.map((domain) => ({
    id: domain.id,
    name: domain.name,
    slug: domain.slug,
    parentName: domain.parent?.name ?? null,
    current: domain.sponsors[0] ? toAdminView(domain.sponsors[0]) : null,
  }));
}

/** One domain's sponsorship for the admin: its current sponsor and the last few that ended. Admins only. */
export async function getDomainSponsorship(
  actor: SessionUser,
  slug: string,
  now = new Date(),
): Promise<{
  domain: { id: string; name: string; slug: string };
  current: SponsorAdminView | null;
  past: SponsorAdminView[];
} | null> {
  assertMayManageSponsorship(actor);
  const domain = await db.domain.findUnique({
    where: { slug },
    select: { id: true, name: true, slug: true },
  });
  if (!domain) return null;
  const [current, past] = await Promise.all([
    db.domainSponsor.findFirst({
      where: { domainId: domain.id, endsAt: { gt: now } },
      select: sponsorSelect,
      orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    }),
    db.domainSponsor.findMany({
      where: { domainId: domain.id, endsAt: { lte: now } },
      select: sponsorSelect,
      orderBy: [{ endsAt: "desc" }, { id: "asc" }],
      take: 5,
    }),
  ]);
  return { domain, current: current ? toAdminView(current) : null, past: past.map(toAdminView) };
}
