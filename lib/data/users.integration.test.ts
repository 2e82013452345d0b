import { afterAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { closeAppConnections, rejectionOf, uniqueAddress, uniqueEmail } from "@/lib/testing/integration";
import { signInSchema, signUpSchema } from "@/lib/validation/account";
import { createPrismaClient } from "@/prisma/client";
import { FACTORY_PASSWORD, createArticle, createDomain, createInsight, createUser } from "@/prisma/factories";
import { type SessionUser, authenticate, createMember, getAccountState, updateProfile } from "./users";

const db = createPrismaClient(process.env.DATABASE_URL!, { max: 3 });

afterAll(async () => {
  await db.$disconnect();
  await closeAppConnections();
});

const PASSWORD = "analytical-engine-1843";
const DAY = 24 * 60 * 60 * 1000;

/** Signs up through the same schema the sign-up action parses with. */
function signUp(input: { name: string; email: string; password?: string }) {
  return createMember(signUpSchema.parse({ password: PASSWORD, ...input }));
}

function signIn(email: string, password: string) {
  return authenticate(signInSchema.parse({ email, password }), uniqueAddress());
}

function storedUser(id: string) {
  return db.user.findUniqueOrThrow({
    where: { id },
    select: { email: true, handle: true, name: true, headline: true, passwordHash: true },
  });
}

function sessionUserOf(user: Awaited<ReturnType<typeof createUser>>): SessionUser {
  return { id: user.id, name: user.name, handle: user.handle, headline: "", role: user.role };
}

describe("createMember", () => {
  it("stores the email lower-case, as typed apart from case and spaces", async () => {
    const email = uniqueEmail("Grace.Hopper");
    const member = await signUp({ name: "Grace Hopper", email: `  ${email.toUpperCase()} ` });
    expect((await storedUser(member.id)).email).toBe(email.toLowerCase());
  });

  it("derives the handle from the name and takes the next free one when it is taken", async () => {
    const first = await signUp({ name: "Ada Lovelace", email: uniqueEmail("ada") });
    const second = await signUp({ name: "Ada Lovelace", email: uniqueEmail("ada") });
    expect(first.handle).toBe("ada-lovelace");
    expect(second.handle).toBe("ada-lovelace-2");
    expect((await storedUser(second.id)).handle).toBe("ada-lovelace-2");
  });

  it("hashes the password with argon2id and never stores it in plain text", async () => {
    const member = await signUp({ name: "Hedy Lamarr", email: uniqueEmail("hedy") });
    const { passwordHash } = await storedUser(member.id);
    expect(passwordHash).toMatch(/^\$argon2id\$/);
    expect(passwordHash).not.toContain(PASSWORD);
  });

  it("refuses an email that already has an account with CONFLICT and an email field error", async () => {
    const existing = await createUser(db, { email: uniqueEmail("taken") });
    const error = await rejectionOf(signUp({ name: "Somebody Else", email: existing.email.toUpperCase() }));
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "CONFLICT", fieldErrors: { email: expect.any(String) } });
    expect(await db.user.count({ where: { email: existing.email } })).toBe(1);
  });

  it("makes exactly one account when two sign-ups with one email race", async () => {
    const email = uniqueEmail("racer");
    const input = { name: "Double Clicker", email };
    const results = await Promise.allSettled([signUp(input), signUp(input)]);

    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(rejected).toHaveLength(1);
    expect(rejected[0]?.reason).toBeInstanceOf(AppError);
    expect(rejected[0]?.reason).toMatchObject({
      code: "CONFLICT",
      fieldErrors: { email: expect.any(String) },
    });
    expect(await db.user.count({ where: { email } })).toBe(1);
  });
});

describe("authenticate", () => {
  it("accepts the right password", async () => {
    const user = await createUser(db, { email: uniqueEmail("right") });
    await expect(signIn(user.email, FACTORY_PASSWORD)).resolves.toEqual({ ok: true, userId: user.id });
  });

  it("accepts the email in any case, as the sign-in form sends it", async () => {
    const user = await createUser(db, { email: uniqueEmail("case") });
    await expect(signIn(` ${user.email.toUpperCase()}`, FACTORY_PASSWORD)).resolves.toEqual({
      ok: true,
      userId: user.id,
    });
  });

  it("answers a wrong password and an unknown email the same way", async () => {
    const user = await createUser(db, { email: uniqueEmail("wrong") });
    await expect(signIn(user.email, "not-the-password")).resolves.toEqual({ ok: false, reason: "INVALID" });
    await expect(signIn(uniqueEmail("nobody"), FACTORY_PASSWORD)).resolves.toEqual({
      ok: false,
      reason: "INVALID",
    });
  });

  it("refuses a suspended account with the right password, saying it is suspended", async () => {
    const user = await createUser(db, {
      email: uniqueEmail("suspended"),
      status: "SUSPENDED",
      statusReason: "Repeated spam",
      statusUntil: new Date(Date.now() + 3 * DAY),
    });
    const result = await signIn(user.email, FACTORY_PASSWORD);
    expect(result).toMatchObject({ ok: false, reason: "BLOCKED" });
    expect(result.ok === false && result.reason === "BLOCKED" ? result.message : "").toMatch(/suspended/i);
    expect(result.ok === false && result.reason === "BLOCKED" ? result.message : "").toContain(
      "Repeated spam",
    );
  });

  it("does not say a wrong password's account is suspended (no account state leaks)", async () => {
    const user = await createUser(db, {
      email: uniqueEmail("suspended-wrong"),
      status: "SUSPENDED",
      statusUntil: new Date(Date.now() + DAY),
    });
    await expect(signIn(user.email, "not-the-password")).resolves.toEqual({ ok: false, reason: "INVALID" });
  });

  it("lets a member whose suspension has ended sign in", async () => {
    const user = await createUser(db, {
      email: uniqueEmail("was-suspended"),
      status: "SUSPENDED",
      statusUntil: new Date(Date.now() - DAY),
    });
    await expect(signIn(user.email, FACTORY_PASSWORD)).resolves.toEqual({ ok: true, userId: user.id });
  });

  it("refuses a banned account", async () => {
    const user = await createUser(db, {
      email: uniqueEmail("banned"),
      status: "BANNED",
      statusReason: "Harassment",
    });
    const result = await signIn(user.email, FACTORY_PASSWORD);
    expect(result).toMatchObject({ ok: false, reason: "BLOCKED", message: expect.stringMatching(/banned/i) });
  });
});

describe("getAccountState", () => {
  it("returns the session user of an active account", async () => {
    const user = await createUser(db, {
      email: uniqueEmail("state"),
      headline: "Engineer",
      role: "MODERATOR",
    });
    await expect(getAccountState(user.id)).resolves.toEqual({
      user: { id: user.id, name: user.name, handle: user.handle, headline: "Engineer", role: "MODERATOR" },
      block: null,
    });
  });

  it("returns no user and the block for a suspended account", async () => {
    const until = new Date(Date.now() + DAY);
    const user = await createUser(db, {
      status: "SUSPENDED",
      statusReason: "Cooling off",
      statusUntil: until,
    });
    await expect(getAccountState(user.id)).resolves.toEqual({
      user: null,
      block: { status: "SUSPENDED", reason: "Cooling off", until },
    });
  });

  it("returns no user and the block for a banned account", async () => {
    const user = await createUser(db, { status: "BANNED", statusReason: null });
    await expect(getAccountState(user.id)).resolves.toEqual({
      user: null,
      block: { status: "BANNED", reason: null, until: null },
    });
  });

  it("returns the user again once a suspension has ended", async () => {
    const user = await createUser(db, { status: "SUSPENDED", statusUntil: new Date(Date.now() - 1_000) });
    const state = await getAccountState(user.id);
    expect(state.block).toBeNull();
    expect(state.user?.id).toBe(user.id);
  });

  it("returns neither for an unknown id", async () => {
    await expect(getAccountState("no-such-user")).resolves.toEqual({ user: null, block: null });
  });
});

describe("updateProfile", () => {
  it("refuses a handle someone else has with CONFLICT and a handle field error", async () => {
    const other = await createUser(db);
    const actor = await createUser(db);
    const error = await rejectionOf(
      updateProfile(sessionUserOf(actor), { name: actor.name, handle: other.handle, headline: "" }),
    );
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({
      code: "CONFLICT",
      message: "That handle is taken.",
      fieldErrors: { handle: "That handle is taken." },
    });
    expect((await storedUser(actor.id)).handle).toBe(actor.handle);
  });

  it("saves the new name, handle and headline and returns the previous handle", async () => {
    const actor = await createUser(db);
    const handle = `renamed-${actor.handle.slice(-6)}`;
    const result = await updateProfile(sessionUserOf(actor), {
      name: "New Name",
      handle,
      headline: "Now a writer",
    });
    expect(result).toEqual({
      handle,
      previousHandle: actor.handle,
      tags: [`member-handle:${actor.handle}`, `member-handle:${handle}`],
      eventualTags: [],
    });
    expect(await storedUser(actor.id)).toMatchObject({ name: "New Name", handle, headline: "Now a writer" });
  });

  it("expires the profile and the leaderboards at once, and the articles with the member's insights eventually", async () => {
    const actor = await createUser(db);
    const parent = await createDomain(db);
    const child = await createDomain(db, { parentId: parent.id });
    const article = await createArticle(db, { domainId: child.id });
    const awaiting = await createArticle(db);
    await createInsight(db, { sectionId: article.sections[0]!.id, authorId: actor.id });
    await createInsight(db, { sectionId: awaiting.sections[0]!.id, authorId: actor.id, status: "PENDING" });

    const result = await updateProfile(sessionUserOf(actor), {
      name: actor.name,
      handle: actor.handle,
      headline: "Renamed nothing, reworded this",
    });
    expect([...result.tags].sort()).toEqual(
      [`member-handle:${actor.handle}`, `leaderboard:${child.id}`, `leaderboard:${parent.id}`].sort(),
    );
    expect(result.eventualTags).toEqual([`article:${article.id}`]);
  });

  it("lets a member keep their own handle", async () => {
    const actor = await createUser(db);
    const result = await updateProfile(sessionUserOf(actor), {
      name: "Same Handle",
      handle: actor.handle,
      headline: "",
    });
    expect(result).toEqual({
      handle: actor.handle,
      previousHandle: actor.handle,
      tags: [`member-handle:${actor.handle}`],
      eventualTags: [],
    });
  });
});

describe("the database's own checks on users", () => {
  const row = (overrides: { email?: string; handle?: string }) => ({
    name: "Direct Write",
    email: uniqueEmail("direct"),
    handle: `direct-${Date.now().toString(36)}`,
    passwordHash: "not-a-real-hash",
    ...overrides,
  });

  it("refuses an upper-case email written past the data layer", async () => {
    await expect(
      db.user.create({ data: row({ email: uniqueEmail("Upper").toUpperCase() }) }),
    ).rejects.toThrow(/User_email_lowercase/);
  });

  it.each(["Bad-Handle", "bad_handle", "ab", "-bad", "bad--handle", "a".repeat(31)])(
    "refuses the handle %j written past the data layer",
    async (handle) => {
      await expect(db.user.create({ data: row({ handle }) })).rejects.toThrow(/User_handle_format|too long/);
    },
  );
});
