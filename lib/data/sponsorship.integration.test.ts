import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/errors";
import { closeAppConnections, rejectionOf, uniqueEmail } from "@/lib/testing/integration";
import {
  setSponsorSchema,
  sponsorInquirySchema,
  type SetSponsorInput,
  type SponsorInquiryInput,
} from "@/lib/validation/sponsorship";
import { createPrismaClient } from "@/prisma/client";
import { createDomain, createUser } from "@/prisma/factories";
import { makeLogoPng } from "@/prisma/seed/sponsors";
import {
  getActiveSponsor,
  getSponsorLogo,
  INQUIRY_LIMITS,
  INQUIRY_PAGE_SIZE,
  listInquiries,
  listSponsoredDomains,
  removeDomainSponsor,
  setDomainSponsor,
  setInquiryStatus,
  submitInquiry,
} from "./sponsorship";
import type { SessionUser } from "./users";

// Caching is Next.js's job; outside Next.js unstable_cache has no incremental cache, so call straight through.
vi.mock("next/cache", () => ({ unstable_cache: <T>(fn: T): T => fn }));

const db = createPrismaClient(process.env.DATABASE_URL!, { max: 3 });

afterAll(async () => {
  await db.$disconnect();
  await closeAppConnections();
});

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
type Role = SessionUser["role"];

async function userWith(role: Role): Promise<SessionUser> {
  const user = await createUser(db, { role });
  return { id: user.id, name: user.name, handle: user.handle, headline: "", role };
}

const roles = () =>
  Promise.all([userWith("MEMBER"), userWith("MODERATOR"), userWith("ADMIN")]).then(
    ([member, moderator, admin]) => ({ member, moderator, admin }),
  );

function inquiry(domainId: string, overrides: Partial<Record<keyof SponsorInquiryInput, string>> = {}) {
  return sponsorInquirySchema.parse({
    domainId,
    organisation: "Northwind Tools",
    contactName: "Grace Hopper",
    email: uniqueEmail("sponsor"),
    message: "We would like to sponsor this category for a quarter.",
    budget: "FROM_1K_TO_5K",
    idempotencyKey: randomUUID(),
    ...overrides,
  });
}

function sponsor(
  domainId: string,
  window: { startsAt: Date; endsAt: Date },
  overrides: Partial<SetSponsorInput> = {},
) {
  return {
    ...setSponsorSchema.parse({
      domainId,
      name: "Northwind Tools",
      url: "https://northwind.example",
      tagline: "Developer tools for small teams",
      startsAt: window.startsAt.toISOString(),
      endsAt: window.endsAt.toISOString(),
    }),
    ...overrides,
  };
}

const around = (now: number) => ({ startsAt: new Date(now - DAY), endsAt: new Date(now + DAY) });
const auditRows = (targetId: string) =>
  db.auditEntry.findMany({ where: { targetId }, select: { action: true, actorId: true, data: true } });

function expectAppError(error: unknown, code: AppError["code"]) {
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
}

describe("submitInquiry", () => {
  it("stores an inquiry from a signed-out visitor with the email lower-cased", async () => {
    const domain = await createDomain(db);
    const input = inquiry(domain.id, { email: "  Grace.Hopper@Northwind.EXAMPLE " });
    const result = await submitInquiry(input);
    expect(result.created).toBe(true);
    const row = await db.sponsorInquiry.findUniqueOrThrow({ where: { id: result.id } });
    expect(row).toMatchObject({
      domainId: domain.id,
      email: "grace.hopper@northwind.example",
      status: "NEW",
      budget: "FROM_1K_TO_5K",
    });
  });

  it("makes one row of 20 concurrent identical submissions", async () => {
    const domain = await createDomain(db);
    const input = inquiry(domain.id);
    const results = await Promise.all(Array.from({ length: 20 }, () => submitInquiry(input)));
    expect(await db.sponsorInquiry.count({ where: { domainId: domain.id } })).toBe(1);
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
  });

  it("answers a key already used (even about another domain) with the first inquiry, storing nothing", async () => {
    const [first, second] = await Promise.all([createDomain(db), createDomain(db)]);
    const original = await submitInquiry(inquiry(first.id));
    const key = (await db.sponsorInquiry.findUniqueOrThrow({ where: { id: original.id } })).idempotencyKey;
    const again = await submitInquiry(inquiry(second.id, { idempotencyKey: key }));
    expect(again).toEqual({ id: original.id, created: false });
    expect(await db.sponsorInquiry.count({ where: { domainId: second.id } })).toBe(0);
  });

  it("refuses an unknown domain", async () => {
    expectAppError(await rejectionOf(submitInquiry(inquiry("no-such-domain"))), "NOT_FOUND");
  });

  it(`takes ${INQUIRY_LIMITS.perEmailPerDomainPerDay} inquiries a day from one address about one domain`, async () => {
    const [domain, other] = await Promise.all([createDomain(db), createDomain(db)]);
    const email = uniqueEmail("flood");
    for (let i = 0; i < INQUIRY_LIMITS.perEmailPerDomainPerDay; i++)
      await submitInquiry(inquiry(domain.id, { email }));
    const refused = await rejectionOf(submitInquiry(inquiry(domain.id, { email })));
    expectAppError(refused, "RATE_LIMITED");
    // Another address, or the same address about another domain, still gets through.
    await submitInquiry(inquiry(domain.id));
    await submitInquiry(inquiry(other.id, { email }));
    // A day later the address may write again.
    const tomorrow = new Date(Date.now() + DAY + 1000);
    expect((await submitInquiry(inquiry(domain.id, { email }), tomorrow)).created).toBe(true);
  });

  it(`caps a domain at ${INQUIRY_LIMITS.perDomainPerHour} inquiries an hour`, async () => {
    const domain = await createDomain(db);
    await db.sponsorInquiry.createMany({
      data: Array.from({ length: INQUIRY_LIMITS.perDomainPerHour }, () => {
        const row = inquiry(domain.id);
        return { ...row, domainId: domain.id };
      }),
    });
    expectAppError(await rejectionOf(submitInquiry(inquiry(domain.id))), "RATE_LIMITED");
  });

  it("cannot store an upper-case email even bypassing the schema (database check)", async () => {
    const domain = await createDomain(db);
    const row = inquiry(domain.id);
    await expect(
      db.sponsorInquiry.create({ data: { ...row, email: "Grace@Example.test" } }),
    ).rejects.toThrow();
  });
});

describe("inquiry list and status", () => {
  // Signed-out visitors never reach the data layer: the actions and pages refuse them (actions test).
  it("refuses members and moderators, and changes nothing", async () => {
    const { member, moderator } = await roles();
    const domain = await createDomain(db);
    const { id } = await submitInquiry(inquiry(domain.id));
    for (const actor of [member, moderator]) {
      expectAppError(await rejectionOf(listInquiries(actor, {})), "FORBIDDEN");
      expectAppError(
        await rejectionOf(setInquiryStatus(actor, { inquiryId: id, status: "ACCEPTED" })),
        "FORBIDDEN",
      );
    }
    expect((await db.sponsorInquiry.findUniqueOrThrow({ where: { id } })).status).toBe("NEW");
    expect(await auditRows(id)).toEqual([]);
  });

  it("lets an admin move an inquiry through the statuses, with one audit entry per change", async () => {
    const { admin } = await roles();
    const domain = await createDomain(db);
    const { id } = await submitInquiry(inquiry(domain.id));
    // No reader's page shows an inquiry: nothing to expire.
    expect(await setInquiryStatus(admin, { inquiryId: id, status: "CONTACTED" })).toEqual({
      id,
      status: "CONTACTED",
      changed: true,
      tags: [],
      eventualTags: [],
    });
    // The same status again changes nothing and records nothing.
    expect((await setInquiryStatus(admin, { inquiryId: id, status: "CONTACTED" })).changed).toBe(false);
    await setInquiryStatus(admin, { inquiryId: id, status: "ACCEPTED" });
    expect((await db.sponsorInquiry.findUniqueOrThrow({ where: { id } })).status).toBe("ACCEPTED");
    const audit = await auditRows(id);
    expect(audit).toHaveLength(2);
    expect(audit).toContainEqual({
      action: "inquiry.status",
      actorId: admin.id,
      data: { from: "NEW", to: "CONTACTED" },
    });
    expect(audit).toContainEqual({
      action: "inquiry.status",
      actorId: admin.id,
      data: { from: "CONTACTED", to: "ACCEPTED" },
    });
    expectAppError(
      await rejectionOf(setInquiryStatus(admin, { inquiryId: "missing", status: "DECLINED" })),
      "NOT_FOUND",
    );
  });

  it("lists one status at a time, newest first, a page at a time, with counts", async () => {
    const { admin } = await roles();
    const domain = await createDomain(db);
    const declined: string[] = [];
    for (let i = 0; i < INQUIRY_PAGE_SIZE + 2; i++) {
      const row = inquiry(domain.id);
      const created = await db.sponsorInquiry.create({
        data: { ...row, status: "DECLINED", createdAt: new Date(Date.now() - (i + 1) * 1000) },
        select: { id: true },
      });
      declined.push(created.id);
    }
    const { id: fresh } = await submitInquiry(inquiry(domain.id));

    const first = await listInquiries(admin, { status: "DECLINED" });
    expect(first.status).toBe("DECLINED");
    expect(first.continued).toBe(false);
    expect(first.inquiries).toHaveLength(INQUIRY_PAGE_SIZE);
    expect(first.inquiries.every((row) => row.status === "DECLINED")).toBe(true);
    expect(first.inquiries[0]?.id).toBe(declined[0]);
    expect(first.counts.DECLINED).toBeGreaterThanOrEqual(INQUIRY_PAGE_SIZE + 2);
    expect(first.nextCursor).not.toBeNull();
    const second = await listInquiries(admin, { status: "DECLINED", cursor: first.nextCursor! });
    expect(second.continued).toBe(true);
    expect(second.inquiries.map((row) => row.id)).toEqual(
      expect.arrayContaining(declined.slice(INQUIRY_PAGE_SIZE)),
    );

    const fresh1 = await listInquiries(admin, {});
    expect(fresh1.status).toBe("NEW");
    expect(fresh1.inquiries[0]).toMatchObject({ id: fresh, domain: { slug: domain.slug } });
    expect(fresh1.inquiries.some((row) => declined.includes(row.id))).toBe(false);
  });

  it("skips no inquiry when the ones already shown move out of the status between pages", async () => {
    const { admin } = await roles();
    const domain = await createDomain(db);
    // Newer than any other test's inquiries, so these fill the first pages; every third pair shares its
    // creation time, so the id decides their order.
    const base = Date.now() + 365 * DAY;
    const ours: string[] = [];
    for (let i = 0; i < INQUIRY_PAGE_SIZE * 2 + 5; i++) {
      const created = await db.sponsorInquiry.create({
        data: { ...inquiry(domain.id), createdAt: new Date(base - Math.floor(i / 2) * 1000) },
        select: { id: true },
      });
      ours.push(created.id);
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let guard = 0; guard < 10 && seen.length < ours.length; guard++) {
      const page = await listInquiries(admin, { status: "NEW", cursor });
      const shown = page.inquiries.map((row) => row.id).filter((id) => ours.includes(id));
      seen.push(...shown);
      // The admin answers every inquiry on the page before going on: they leave NEW.
      for (const inquiryId of shown) await setInquiryStatus(admin, { inquiryId, status: "CONTACTED" });
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort()).toEqual([...ours].sort());
  });

  it("starts over at the first page when the cursor is not one it gave out", async () => {
    const { admin } = await roles();
    const domain = await createDomain(db);
    // The newest of all: first on the first page, and on no later one.
    const { id: newest } = await db.sponsorInquiry.create({
      data: { ...inquiry(domain.id), createdAt: new Date(Date.now() + 2 * 365 * DAY) },
      select: { id: true },
    });
    const valid = await listInquiries(admin, {
      status: "NEW",
      cursor: Buffer.from(JSON.stringify({ createdAt: new Date().toISOString(), id: "zzz" })).toString(
        "base64url",
      ),
    });
    expect(valid.continued).toBe(true);
    expect(valid.inquiries.some((row) => row.id === newest)).toBe(false);
    for (const cursor of ["nonsense", Buffer.from("yesterday|x").toString("base64url"), ""]) {
      const page = await listInquiries(admin, { status: "NEW", cursor });
      expect(page.continued).toBe(false);
      expect(page.inquiries[0]?.id).toBe(newest);
    }
  });
});

describe("domain sponsors", () => {
  it("refuses every sponsor write and the admin lists to members and moderators", async () => {
    const { member, moderator, admin } = await roles();
    const domain = await createDomain(db);
    const input = sponsor(domain.id, around(Date.now()));
    const { sponsor: existing } = await setDomainSponsor(admin, input, null);
    for (const actor of [member, moderator]) {
      expectAppError(
        await rejectionOf(setDomainSponsor(actor, { ...input, name: "Hijack" }, null)),
        "FORBIDDEN",
      );
      expectAppError(await rejectionOf(removeDomainSponsor(actor, { sponsorId: existing.id })), "FORBIDDEN");
      expectAppError(await rejectionOf(listSponsoredDomains(actor)), "FORBIDDEN");
    }
    expect(
      await db.domainSponsor.findMany({ where: { domainId: domain.id }, select: { name: true } }),
    ).toEqual([{ name: "Northwind Tools" }]);
    expect(await auditRows(existing.id)).toHaveLength(1);
  });

  it("shows a sponsor inside its window only: not before the start, not from the end on", async () => {
    const { admin } = await roles();
    const domain = await createDomain(db);
    const startsAt = new Date(Date.now() + HOUR);
    const endsAt = new Date(Date.now() + 3 * HOUR);
    await setDomainSponsor(admin, sponsor(domain.id, { startsAt, endsAt }), null);
    expect(await getActiveSponsor(domain.id, new Date(startsAt.getTime() - 1))).toBeNull();
    expect(await getActiveSponsor(domain.id, startsAt)).toMatchObject({
      name: "Northwind Tools",
      url: "https://northwind.example",
      startsAt: startsAt.toISOString(),
      endsAt: endsAt.toISOString(),
      logoUrl: null,
    });
    expect(await getActiveSponsor(domain.id, new Date(endsAt.getTime() - 1))).not.toBeNull();
    expect(await getActiveSponsor(domain.id, endsAt)).toBeNull();
  });

  it("does not show a sponsor whose end has passed", async () => {
    const domain = await createDomain(db);
    await db.domainSponsor.create({
      data: {
        domainId: domain.id,
        name: "Gone Ltd",
        url: "https://gone.example",
        startsAt: new Date(Date.now() - 10 * DAY),
        endsAt: new Date(Date.now() - DAY),
      },
    });
    expect(await getActiveSponsor(domain.id)).toBeNull();
  });

  it("refuses an end before or at the start, and an end already past", async () => {
    const { admin } = await roles();
    const domain = await createDomain(db);
    const now = Date.now();
    const backwards = sponsor(domain.id, around(now), {
      startsAt: new Date(now + DAY),
      endsAt: new Date(now),
    });
    const refused = await rejectionOf(setDomainSponsor(admin, backwards, null));
    expectAppError(refused, "INVALID_INPUT");
    expect((refused as AppError).fieldErrors).toEqual({ endsAt: "The end must come after the start." });
    const past = sponsor(domain.id, { startsAt: new Date(now - 2 * DAY), endsAt: new Date(now - DAY) });
    expectAppError(await rejectionOf(setDomainSponsor(admin, past, null)), "INVALID_INPUT");
    expect(await db.domainSponsor.count({ where: { domainId: domain.id } })).toBe(0);
    // The database refuses a backwards window too, whoever writes it.
    await expect(
      db.domainSponsor.create({
        data: {
          domainId: domain.id,
          name: "X",
          url: "https://x.example",
          startsAt: new Date(now),
          endsAt: new Date(now),
        },
      }),
    ).rejects.toThrow();
  });

  it("keeps one current sponsor per domain: setting again changes it; an ended one stays as a record", async () => {
    const { admin } = await roles();
    const domain = await createDomain(db);
    const ended = await db.domainSponsor.create({
      data: {
        domainId: domain.id,
        name: "Last Year Inc",
        url: "https://last.example",
        startsAt: new Date(Date.now() - 400 * DAY),
        endsAt: new Date(Date.now() - 35 * DAY),
      },
      select: { id: true },
    });
    const first = await setDomainSponsor(admin, sponsor(domain.id, around(Date.now())), null);
    expect(first.created).toBe(true);
    const second = await setDomainSponsor(
      admin,
      sponsor(domain.id, around(Date.now()), { name: "Contoso", url: "https://contoso.example" }),
      null,
    );
    expect(second.created).toBe(false);
    expect(second.sponsor.id).toBe(first.sponsor.id);
    const rows = await db.domainSponsor.findMany({
      where: { domainId: domain.id },
      select: { id: true, name: true },
    });
    expect(rows).toHaveLength(2);
    expect(rows).toContainEqual({ id: ended.id, name: "Last Year Inc" });
    expect((await getActiveSponsor(domain.id))?.name).toBe("Contoso");
    expect(await auditRows(first.sponsor.id)).toHaveLength(2);
    const listed = (await listSponsoredDomains(admin)).find((row) => row.id === domain.id);
    expect(listed?.current?.name).toBe("Contoso");
  });

  it("removes a sponsor with one audit entry; it stops showing at once", async () => {
    const { admin } = await roles();
    const domain = await createDomain(db);
    const booked = await setDomainSponsor(admin, sponsor(domain.id, around(Date.now())), makeLogoPng());
    // The domain's pages and its articles' "Sponsored by" line read the domain's cached sponsors.
    expect(booked.tags).toEqual([`domain:${domain.id}`]);
    const set = booked.sponsor;
    expect(await removeDomainSponsor(admin, { sponsorId: set.id })).toEqual({
      domainId: domain.id,
      domainSlug: domain.slug,
      tags: [`domain:${domain.id}`],
      eventualTags: [],
    });
    expect(await getActiveSponsor(domain.id)).toBeNull();
    expect(await getSponsorLogo(set.id)).toBeNull();
    const audit = await auditRows(set.id);
    expect(audit.map((row) => row.action).sort()).toEqual(["sponsor.remove", "sponsor.set"]);
    expectAppError(await rejectionOf(removeDomainSponsor(admin, { sponsorId: set.id })), "NOT_FOUND");
    expect(await auditRows(set.id)).toHaveLength(2);
  });
});

describe("sponsor logos", () => {
  const text = (value: string) => new TextEncoder().encode(value);

  it("stores a PNG by its signature and serves it back as image/png", async () => {
    const { admin } = await roles();
    const domain = await createDomain(db);
    const png = makeLogoPng();
    const { sponsor: set } = await setDomainSponsor(admin, sponsor(domain.id, around(Date.now())), png);
    expect(set.hasLogo).toBe(true);
    expect(set.logoUrl).toMatch(new RegExp(`^/sponsor-logos/${set.id}\\?v=[0-9a-z]+$`));
    const stored = await getSponsorLogo(set.id);
    expect(stored?.type).toBe("image/png");
    expect(Buffer.from(stored!.bytes).equals(png)).toBe(true);
    expect((await getActiveSponsor(domain.id))?.logoUrl).toBe(set.logoUrl);
  });

  it.each([
    ["an SVG", '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'],
    ["an HTML page", "<!doctype html><html><script>alert(document.cookie)</script></html>"],
    ["text renamed to .png", "this is not an image, whatever its name says"],
  ])("refuses %s and stores nothing", async (_, content) => {
    const { admin } = await roles();
    const domain = await createDomain(db);
    const refused = await rejectionOf(
      setDomainSponsor(admin, sponsor(domain.id, around(Date.now())), text(content)),
    );
    expectAppError(refused, "INVALID_INPUT");
    expect(Object.keys((refused as AppError).fieldErrors ?? {})).toEqual(["logo"]);
    expect(await db.domainSponsor.count({ where: { domainId: domain.id } })).toBe(0);
  });

  it("refuses a PNG over 512 KB", async () => {
    const { admin } = await roles();
    const domain = await createDomain(db);
    const big = new Uint8Array(512 * 1024 + 1);
    big.set(makeLogoPng());
    expectAppError(
      await rejectionOf(setDomainSponsor(admin, sponsor(domain.id, around(Date.now())), big)),
      "INVALID_INPUT",
    );
  });

  it("keeps the logo when none is uploaded, and removes it when asked", async () => {
    const { admin } = await roles();
    const domain = await createDomain(db);
    const input = sponsor(domain.id, around(Date.now()));
    const { sponsor: set } = await setDomainSponsor(admin, input, makeLogoPng());
    const kept = await setDomainSponsor(admin, { ...input, tagline: "New line" }, null);
    expect(kept.sponsor.hasLogo).toBe(true);
    expect(await getSponsorLogo(set.id)).not.toBeNull();
    const removed = await setDomainSponsor(admin, { ...input, removeLogo: true }, null);
    expect(removed.sponsor).toMatchObject({ hasLogo: false, logoUrl: null });
    expect(await getSponsorLogo(set.id)).toBeNull();
  });
});
