// The editable blocked-terms list: admins only, one audit entry per change, and what the checks load.
import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { closeAppConnections, rejectionOf } from "@/lib/testing/integration";
import { createPrismaClient } from "@/prisma/client";
import { createUser } from "@/prisma/factories";
import {
  addBlockedTerm,
  BLOCKED_TERMS_PAGE_SIZE,
  listBlockedTerms,
  loadBlockedTerms,
  removeBlockedTerm,
} from "./blocked-terms";
import type { SessionUser } from "./users";

const db = createPrismaClient(process.env.DATABASE_URL!, { max: 3 });

afterAll(async () => {
  await db.$disconnect();
  await closeAppConnections();
});

type Role = SessionUser["role"];

async function userWith(role: Role): Promise<SessionUser> {
  const user = await createUser(db, { role });
  return { id: user.id, name: user.name, handle: user.handle, headline: "", role };
}

/** A term no other test uses. */
function uniqueTerm(prefix = "blocked"): string {
  return `${prefix}${randomBytes(5).toString("hex")}`;
}

function auditOf(targetId: string) {
  return db.auditEntry.findMany({
    where: { targetType: "blocked-term", targetId },
    select: { actorId: true, action: true, data: true },
    orderBy: { createdAt: "asc" },
  });
}

async function appErrorOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await rejectionOf(promise);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("blocked terms", () => {
  it("lets an admin add a term, stored normalised, with one audit entry", async () => {
    const admin = await userWith("ADMIN");
    const term = uniqueTerm("buy now ");

    const added = await addBlockedTerm(admin, { term: `  ${term.toUpperCase()} ` });

    expect(added).toEqual({
      id: expect.any(String) as string,
      term,
      createdAt: expect.any(String) as string,
      addedBy: { name: admin.name, handle: admin.handle },
      // No reader's page shows the list: nothing cached to expire.
      tags: [],
      eventualTags: [],
    });
    await expect(db.blockedTerm.findUniqueOrThrow({ where: { id: added.id } })).resolves.toMatchObject({
      term,
      createdById: admin.id,
    });
    await expect(auditOf(added.id)).resolves.toEqual([
      { actorId: admin.id, action: "blocked-term.add", data: { term } },
    ]);
    await expect(loadBlockedTerms()).resolves.toContain(term);
  });

  it("refuses a term already on the list as a CONFLICT, writing no audit entry", async () => {
    const admin = await userWith("ADMIN");
    const term = uniqueTerm();
    const first = await addBlockedTerm(admin, { term });

    const error = await appErrorOf(addBlockedTerm(admin, { term: term.toUpperCase() }));

    expect(error.code).toBe("CONFLICT");
    expect(error.fieldErrors?.term).toContain("already blocked");
    await expect(db.blockedTerm.count({ where: { term } })).resolves.toBe(1);
    await expect(auditOf(first.id)).resolves.toHaveLength(1);
    await expect(
      db.auditEntry.count({ where: { action: "blocked-term.add", data: { equals: { term } } } }),
    ).resolves.toBe(1);
  });

  it("lets an admin remove a term, with one audit entry naming it; a second removal is NOT_FOUND", async () => {
    const admin = await userWith("ADMIN");
    const other = await userWith("ADMIN");
    const term = uniqueTerm();
    const added = await addBlockedTerm(admin, { term });

    await expect(removeBlockedTerm(other, { id: added.id })).resolves.toEqual({
      id: added.id,
      term,
      tags: [],
      eventualTags: [],
    });
    const again = await appErrorOf(removeBlockedTerm(admin, { id: added.id }));

    expect(again.code).toBe("NOT_FOUND");
    await expect(db.blockedTerm.count({ where: { id: added.id } })).resolves.toBe(0);
    await expect(auditOf(added.id)).resolves.toEqual([
      { actorId: admin.id, action: "blocked-term.add", data: { term } },
      { actorId: other.id, action: "blocked-term.remove", data: { term } },
    ]);
    await expect(loadBlockedTerms()).resolves.not.toContain(term);
  });

  it("removes a term once when two admins remove it at the same time", async () => {
    const admin = await userWith("ADMIN");
    const added = await addBlockedTerm(admin, { term: uniqueTerm() });

    const results = await Promise.allSettled([
      removeBlockedTerm(admin, { id: added.id }),
      removeBlockedTerm(await userWith("ADMIN"), { id: added.id }),
    ]);

    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
    expect((rejected?.reason as AppError).code).toBe("NOT_FOUND");
    const actions = (await auditOf(added.id)).map((entry) => entry.action);
    expect(actions).toEqual(["blocked-term.add", "blocked-term.remove"]);
  });

  it.each(["MEMBER", "MODERATOR"] as const)(
    "refuses a %s listing, adding or removing terms with FORBIDDEN, changing and recording nothing",
    async (role) => {
      const actor = await userWith(role);
      const admin = await userWith("ADMIN");
      const existing = await addBlockedTerm(admin, { term: uniqueTerm() });
      const term = uniqueTerm();

      expect((await appErrorOf(listBlockedTerms(actor))).code).toBe("FORBIDDEN");
      expect((await appErrorOf(addBlockedTerm(actor, { term }))).code).toBe("FORBIDDEN");
      expect((await appErrorOf(removeBlockedTerm(actor, { id: existing.id }))).code).toBe("FORBIDDEN");

      await expect(db.blockedTerm.count({ where: { term } })).resolves.toBe(0);
      await expect(db.blockedTerm.count({ where: { id: existing.id } })).resolves.toBe(1);
      await expect(db.auditEntry.count({ where: { actorId: actor.id } })).resolves.toBe(0);
    },
  );

  it("lists terms alphabetically, a page at a time", async () => {
    const admin = await userWith("ADMIN");
    const prefix = `zz${randomBytes(3).toString("hex")}`;
    // Sort after every other test's term, so this test's terms fill the last pages.
    const terms = Array.from(
      { length: BLOCKED_TERMS_PAGE_SIZE + 2 },
      (_, i) => `${prefix}-${String(i).padStart(3, "0")}`,
    );
    for (const term of [...terms].reverse()) await addBlockedTerm(admin, { term });

    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await listBlockedTerms(admin, { cursor });
      expect(page.terms.length).toBeLessThanOrEqual(BLOCKED_TERMS_PAGE_SIZE);
      seen.push(...page.terms.map((t) => t.term));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor && pages < 100);

    const mine = seen.filter((term) => term.startsWith(prefix));
    expect(mine).toEqual(terms);
    expect(new Set(seen).size).toBe(seen.length);
  });
});
