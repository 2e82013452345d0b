import { describe, expect, it, vi } from "vitest";
import { tags } from "@/lib/cache-tags";
import { appErrorOf } from "@/lib/testing/integration";
import { createDomain } from "@/prisma/factories";
import { getDomainView } from "../content";
import * as domains from "./domains";
import { auditOf, db, draftWithSections, MINUTE, person, suffix } from "./testing";

await vi.hoisted(() => import("@/lib/testing/integration").then((t) => t.standInForNext()));

describe("domains", () => {
  it("nest two levels at most", async () => {
    const admin = await person("ADMIN");
    const top = await domains.createDomain(admin, {
      name: `Top ${suffix()}`,
      slug: "",
      description: "",
      parentId: null,
    });
    const child = await domains.createDomain(admin, {
      name: `Child ${suffix()}`,
      slug: "",
      description: "",
      parentId: top.id,
    });
    const grandchild = await appErrorOf(
      domains.createDomain(admin, { name: "Too deep", slug: "", description: "", parentId: child.id }),
    );
    expect(grandchild.code).toBe("CONFLICT");
    expect(grandchild.fieldErrors?.parentId).toMatch(/two levels/);

    const other = await createDomain(db);
    // A parent cannot go under another domain, nor a domain under itself or under a child.
    expect((await appErrorOf(domains.moveDomain(admin, { id: top.id, parentId: other.id }))).code).toBe(
      "CONFLICT",
    );
    expect((await appErrorOf(domains.moveDomain(admin, { id: other.id, parentId: other.id }))).code).toBe(
      "INVALID_INPUT",
    );
    expect((await appErrorOf(domains.moveDomain(admin, { id: other.id, parentId: child.id }))).code).toBe(
      "CONFLICT",
    );
    // The child moves to the top level, then under another top-level domain.
    await domains.moveDomain(admin, { id: child.id, parentId: null });
    await domains.moveDomain(admin, { id: child.id, parentId: other.id });
    expect(await db.domain.findUnique({ where: { id: child.id }, select: { parentId: true } })).toEqual({
      parentId: other.id,
    });
    expect((await auditOf(child.id)).map((e) => e.action)).toEqual([
      "domain.create",
      "domain.update",
      "domain.update",
    ]);
  });

  it("get unique slugs from their names, and an explicit slug that is taken is refused", async () => {
    const admin = await person("ADMIN");
    const name = `Data Science ${suffix()}`;
    const first = await domains.createDomain(admin, { name, slug: "", description: "", parentId: null });
    const second = await domains.createDomain(admin, { name, slug: "", description: "", parentId: null });
    expect(second.slug).toBe(`${first.slug}-2`);
    const taken = await appErrorOf(
      domains.createDomain(admin, { name: "Other", slug: first.slug, description: "", parentId: null }),
    );
    expect(taken).toMatchObject({ code: "CONFLICT", fieldErrors: { slug: expect.any(String) } });
  });

  it("reorder among their siblings, the order readers see", async () => {
    const admin = await person("ADMIN");
    const parent = await createDomain(db);
    const names = ["Alpha", "Bravo", "Charlie"];
    const children = [];
    for (const name of names) {
      children.push(
        await domains.createDomain(admin, { name, slug: "", description: "", parentId: parent.id }),
      );
    }
    const order = async () => {
      const tree = await domains.listDomainsForAdmin(admin);
      return tree.find((d) => d.id === parent.id)!.children.map((c) => c.name);
    };
    expect(await order()).toEqual(names);
    const moved = await domains.reorderDomain(admin, { id: children[2]!.id, direction: "up" });
    expect([...moved.tags].sort()).toEqual([tags.domain(parent.id), tags.domains].sort());
    expect(await order()).toEqual(["Alpha", "Charlie", "Bravo"]);
    // Readers see the same order on the domain page.
    const view = await getDomainView(
      (await db.domain.findUniqueOrThrow({ where: { id: parent.id } })).slug,
      1,
    );
    expect(view?.children.map((c) => c.name)).toEqual(["Alpha", "Charlie", "Bravo"]);
    // At either end a move changes nothing and writes no audit entry.
    expect((await domains.reorderDomain(admin, { id: children[0]!.id, direction: "up" })).tags).toEqual([]);
    expect((await auditOf(children[0]!.id)).map((e) => e.action)).toEqual(["domain.create"]);
    expect((await auditOf(children[2]!.id)).map((e) => e.action)).toEqual(["domain.create", "domain.update"]);
  });

  it("are deleted only when they have no articles and no child domains", async () => {
    const admin = await person("ADMIN");
    const parent = await createDomain(db);
    const child = await createDomain(db, { parentId: parent.id });
    await draftWithSections(child.id);
    expect((await appErrorOf(domains.deleteDomain(admin, { id: parent.id }))).message).toMatch(
      /1 child domain/,
    );
    expect((await appErrorOf(domains.deleteDomain(admin, { id: child.id }))).message).toMatch(/1 article/);
    const empty = await createDomain(db, { parentId: parent.id });
    const deleted = await domains.deleteDomain(admin, { id: empty.id });
    expect([...deleted.tags].sort()).toEqual(
      [tags.domain(empty.id), tags.domain(parent.id), tags.domains].sort(),
    );
    expect(await db.domain.findUnique({ where: { id: empty.id } })).toBeNull();
    expect((await auditOf(empty.id)).map((e) => e.action)).toEqual(["domain.delete"]);
  });

  it("are not deleted while they have sponsorship inquiries or a sponsor; follows go with them", async () => {
    const admin = await person("ADMIN");
    const member = await person("MEMBER");
    const withInquiry = await createDomain(db);
    const withSponsor = await createDomain(db);
    const { id: inquiryId } = await db.sponsorInquiry.create({
      data: {
        domainId: withInquiry.id,
        organisation: "Northwind Tools",
        contactName: "Grace Hopper",
        email: "grace@example.test",
        message: "We would like to sponsor this category.",
        budget: "FROM_1K_TO_5K",
        idempotencyKey: suffix() + suffix(),
      },
      select: { id: true },
    });
    // A sponsor whose window has ended is a record all the same.
    const { id: sponsorId } = await db.domainSponsor.create({
      data: {
        domainId: withSponsor.id,
        name: "Contoso",
        url: "https://contoso.example",
        startsAt: new Date(Date.now() - 60 * MINUTE),
        endsAt: new Date(Date.now() - 30 * MINUTE),
      },
      select: { id: true },
    });
    for (const [domain, what] of [
      [withInquiry, /1 inquiry/],
      [withSponsor, /1 sponsor/],
    ] as const) {
      const error = await appErrorOf(domains.deleteDomain(admin, { id: domain.id }));
      expect(error.code).toBe("CONFLICT");
      expect(error.message).toMatch(/^This domain has sponsorship inquiries or a sponsor: /);
      expect(error.message).toMatch(what);
      expect(await db.domain.findUnique({ where: { id: domain.id } })).not.toBeNull();
      expect(await auditOf(domain.id)).toEqual([]);
    }
    expect(await db.sponsorInquiry.findUnique({ where: { id: inquiryId } })).not.toBeNull();
    expect(await db.domainSponsor.findUnique({ where: { id: sponsorId } })).not.toBeNull();

    // Once the records are gone the domain goes, and its follows with it, counted in the audit entry.
    await db.sponsorInquiry.delete({ where: { id: inquiryId } });
    await db.domainFollow.create({ data: { userId: member.id, domainId: withInquiry.id } });
    await domains.deleteDomain(admin, { id: withInquiry.id });
    expect(await db.domain.findUnique({ where: { id: withInquiry.id } })).toBeNull();
    expect(await db.domainFollow.count({ where: { domainId: withInquiry.id } })).toBe(0);
    const [entry] = await db.auditEntry.findMany({
      where: { targetType: "domain", targetId: withInquiry.id, action: "domain.delete" },
      select: { data: true },
    });
    expect(entry?.data).toMatchObject({ followsRemoved: 1 });
  });
});
