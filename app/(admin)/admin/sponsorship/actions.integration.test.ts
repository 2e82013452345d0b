import { randomUUID } from "node:crypto";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { closeAppConnections, session, uniqueEmail, updateTag } from "@/lib/testing/integration";
import { createPrismaClient } from "@/prisma/client";
import { createDomain, createUser } from "@/prisma/factories";
import { makeLogoPng } from "@/prisma/seed/sponsors";
import { submitSponsorInquiryAction } from "../../../(site)/domains/[slug]/sponsor/actions";
import { removeDomainSponsorAction, setDomainSponsorAction, setInquiryStatusAction } from "./actions";

// The actions as a browser calls them: the session says who is signed in (the JWT carries only the id),
// Next's cache and after() are stood in for, and the sponsor refresh jobs are recorded.
await vi.hoisted(() => import("@/lib/testing/integration").then((t) => t.standInForNext()));
const scheduleSponsorRefresh = vi.hoisted(() => vi.fn(() => Promise.resolve()));
vi.mock("@/lib/jobs/sponsors", () => ({ scheduleSponsorRefresh }));

const db = createPrismaClient(process.env.DATABASE_URL!);
afterAll(async () => {
  await db.$disconnect();
  await closeAppConnections();
});
beforeEach(() => {
  scheduleSponsorRefresh.mockClear();
});

const DAY = 24 * 60 * 60 * 1000;
type Role = "MEMBER" | "MODERATOR" | "ADMIN";

async function signInAs(role: Role | null): Promise<void> {
  session.userId = role ? (await createUser(db, { role })).id : null;
}

function sponsorForm(domainId: string, fields: Record<string, string | Blob> = {}): FormData {
  const form = new FormData();
  const entries = {
    domainId,
    name: "Northwind Tools",
    url: "https://northwind.example",
    tagline: "Developer tools",
    startsAt: new Date(Date.now() - DAY).toISOString().slice(0, 16),
    endsAt: new Date(Date.now() + DAY).toISOString().slice(0, 16),
    ...fields,
  };
  for (const [key, value] of Object.entries(entries)) form.set(key, value);
  return form;
}

async function inquiryId(domainId: string): Promise<string> {
  const row = await db.sponsorInquiry.create({
    data: {
      domainId,
      organisation: "Contoso",
      contactName: "Ada",
      email: uniqueEmail("inquiry"),
      message: "We would like to sponsor this category.",
      budget: "UNDER_1K",
      idempotencyKey: randomUUID(),
    },
    select: { id: true },
  });
  return row.id;
}

describe("sponsorship actions: who may do what", () => {
  it.each([
    ["a signed-out visitor", null],
    ["a member", "MEMBER"],
    ["a moderator", "MODERATOR"],
    ["an admin", "ADMIN"],
  ] as const)("an inquiry may be sent by %s", async (_, role) => {
    await signInAs(role);
    const domain = await createDomain(db);
    const result = await submitSponsorInquiryAction({
      domainId: domain.id,
      organisation: "Contoso",
      contactName: "Ada Lovelace",
      email: "ADA@Contoso.example",
      message: "We would like to sponsor this category for a quarter.",
      budget: "OVER_20K",
      idempotencyKey: randomUUID(),
    });
    expect(result).toEqual({ ok: true, data: { received: true } });
    expect(
      await db.sponsorInquiry.findMany({ where: { domainId: domain.id }, select: { email: true } }),
    ).toEqual([{ email: "ada@contoso.example" }]);
  });

  it("an invalid inquiry comes back with field errors and stores nothing", async () => {
    const domain = await createDomain(db);
    const result = await submitSponsorInquiryAction({
      domainId: domain.id,
      organisation: "",
      contactName: "Ada",
      email: "not-an-email",
      message: "Short",
      budget: "LOTS",
      idempotencyKey: randomUUID(),
    });
    expect(result).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    expect(Object.keys((result as { fieldErrors: object }).fieldErrors).sort()).toEqual([
      "budget",
      "email",
      "message",
      "organisation",
    ]);
    expect(await db.sponsorInquiry.count({ where: { domainId: domain.id } })).toBe(0);
  });

  it.each([
    ["a signed-out visitor", null, "UNAUTHENTICATED"],
    ["a member", "MEMBER", "FORBIDDEN"],
    ["a moderator", "MODERATOR", "FORBIDDEN"],
  ] as const)("%s is refused every admin action and nothing changes", async (_, role, code) => {
    const domain = await createDomain(db);
    const inquiry = await inquiryId(domain.id);
    const existing = await db.domainSponsor.create({
      data: {
        domainId: domain.id,
        name: "Existing",
        url: "https://existing.example",
        startsAt: new Date(Date.now() - DAY),
        endsAt: new Date(Date.now() + DAY),
      },
      select: { id: true },
    });
    await signInAs(role);

    expect(await setInquiryStatusAction({ inquiryId: inquiry, status: "ACCEPTED" })).toMatchObject({
      ok: false,
      code,
    });
    expect(await setDomainSponsorAction(sponsorForm(domain.id, { name: "Hijacked" }))).toMatchObject({
      ok: false,
      code,
    });
    expect(await removeDomainSponsorAction({ sponsorId: existing.id })).toMatchObject({ ok: false, code });

    expect((await db.sponsorInquiry.findUniqueOrThrow({ where: { id: inquiry } })).status).toBe("NEW");
    expect(
      await db.domainSponsor.findMany({ where: { domainId: domain.id }, select: { name: true } }),
    ).toEqual([{ name: "Existing" }]);
    expect(await db.auditEntry.count({ where: { targetId: { in: [inquiry, existing.id] } } })).toBe(0);
    expect(updateTag).not.toHaveBeenCalled();
    expect(scheduleSponsorRefresh).not.toHaveBeenCalled();
  });

  it("an admin changes an inquiry's status, with one audit entry", async () => {
    const domain = await createDomain(db);
    const inquiry = await inquiryId(domain.id);
    await signInAs("ADMIN");
    expect(await setInquiryStatusAction({ inquiryId: inquiry, status: "CONTACTED" })).toEqual({
      ok: true,
      data: { id: inquiry, status: "CONTACTED" },
    });
    expect(await db.auditEntry.count({ where: { targetId: inquiry, action: "inquiry.status" } })).toBe(1);
    expect(await setInquiryStatusAction({ inquiryId: inquiry, status: "SPAM" })).toMatchObject({
      ok: false,
      code: "INVALID_INPUT",
    });
  });

  it("an admin sets a sponsor with a PNG logo: the domain's pages refresh now and at the start and end", async () => {
    const domain = await createDomain(db);
    await signInAs("ADMIN");
    const png = new Blob([new Uint8Array(makeLogoPng())], { type: "image/png" });
    const result = await setDomainSponsorAction(
      sponsorForm(domain.id, { logo: new File([png], "logo.png") }),
    );
    expect(result).toMatchObject({
      ok: true,
      data: { created: true, sponsor: { name: "Northwind Tools", hasLogo: true } },
    });
    const row = await db.domainSponsor.findFirstOrThrow({
      where: { domainId: domain.id },
      select: { id: true, logoType: true, startsAt: true, endsAt: true },
    });
    expect(row.logoType).toBe("image/png");
    expect(updateTag).toHaveBeenCalledWith(`domain:${domain.id}`);
    expect(scheduleSponsorRefresh).toHaveBeenCalledWith(domain.id, [row.startsAt, row.endsAt]);
    expect(await db.auditEntry.count({ where: { targetId: row.id, action: "sponsor.set" } })).toBe(1);

    updateTag.mockClear();
    expect(await removeDomainSponsorAction({ sponsorId: row.id })).toEqual({
      ok: true,
      data: { removed: true },
    });
    expect(updateTag).toHaveBeenCalledWith(`domain:${domain.id}`);
    expect(await db.domainSponsor.count({ where: { domainId: domain.id } })).toBe(0);
    expect(await db.auditEntry.count({ where: { targetId: row.id, action: "sponsor.remove" } })).toBe(1);
  });

  it("an SVG named logo.png and typed image/png is refused on the logo field", async () => {
    const domain = await createDomain(db);
    await signInAs("ADMIN");
    const svg = new File(
      ['<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'],
      "logo.png",
      {
        type: "image/png",
      },
    );
    const result = await setDomainSponsorAction(sponsorForm(domain.id, { logo: svg }));
    expect(result).toMatchObject({
      ok: false,
      code: "INVALID_INPUT",
      fieldErrors: { logo: "SVG logos are not accepted: upload a PNG, JPEG or WebP image." },
    });
    expect(await db.domainSponsor.count({ where: { domainId: domain.id } })).toBe(0);
  });

  it("a logo over 512 KB is refused by its size, and an end before the start on the end field", async () => {
    const domain = await createDomain(db);
    await signInAs("ADMIN");
    const big = new File([new Uint8Array(512 * 1024 + 1)], "big.png", { type: "image/png" });
    expect(await setDomainSponsorAction(sponsorForm(domain.id, { logo: big }))).toMatchObject({
      ok: false,
      fieldErrors: { logo: "Keep the logo under 512 KB." },
    });
    const backwards = sponsorForm(domain.id, { startsAt: "2027-02-01T00:00", endsAt: "2027-01-01T00:00" });
    expect(await setDomainSponsorAction(backwards)).toMatchObject({
      ok: false,
      fieldErrors: { endsAt: "The end must come after the start." },
    });
    expect(await db.domainSponsor.count({ where: { domainId: domain.id } })).toBe(0);
  });
});
