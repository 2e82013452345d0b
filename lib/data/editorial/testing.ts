// What the editorial integration tests share: their database client and a few builders. The tests run the
// data layer against a real PostgreSQL, and the actions as a browser calls them (standInForNext).
import { randomBytes } from "node:crypto";
import { sessionOf, testDatabase, updateTag } from "@/lib/testing/integration";
import { createArticle, createUser } from "@/prisma/factories";
import type { SessionUser } from "../users";

export const db = testDatabase(4);

export const MINUTE = 60 * 1000;

export async function person(role: SessionUser["role"]): Promise<SessionUser> {
  return sessionOf(await createUser(db, { role }));
}

export const suffix = () => randomBytes(4).toString("hex");

export function auditOf(targetId: string) {
  return db.auditEntry.findMany({
    where: { targetId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { action: true, actorId: true, targetType: true, data: true },
  });
}

/** The tags the actions refreshed since the test began (or since updateTag was last cleared). */
export function refreshedTags(): string[] {
  return updateTag.mock.calls.map((call) => call[0] as string).sort();
}

export async function draftWithSections(domainId?: string) {
  return createArticle(db, { status: "DRAFT", ...(domainId ? { domainId } : {}) });
}
