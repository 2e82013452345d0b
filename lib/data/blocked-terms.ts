import "server-only";
import { changed, type Changed } from "@/lib/cache-expiry";
import { db } from "@/lib/db";
import { normalizeBlockedTerm } from "@/lib/domain/auto-checks";
import { mayManageBlockedTerms, type Viewer } from "@/lib/domain/permissions";
import { AppError, uniqueViolation } from "@/lib/errors";
import type { AddBlockedTermInput, RemoveBlockedTermInput } from "@/lib/validation/moderation-settings";
import { recordAudit } from "./audit";
import { assertPermitted } from "./permissions";
import type { Tx } from "./transaction";
import type { SessionUser } from "./users";

export type BlockedTermItem = {
  id: string;
  term: string;
  createdAt: string;
  addedBy: { name: string; handle: string } | null;
};

export type BlockedTermsPage = { terms: BlockedTermItem[]; nextCursor: string | null };

export const BLOCKED_TERMS_PAGE_SIZE = 50;

function assertMayManageBlockedTerms(actor: Viewer): void {
  assertPermitted(mayManageBlockedTerms(actor), "Only admins can change the blocked terms.");
}

/** The blocked terms in alphabetical order, a page at a time (the cursor is the last term shown). Admins only. */
export async function listBlockedTerms(
  actor: SessionUser,
  options: { cursor?: string } = {},
): Promise<BlockedTermsPage> {
  assertMayManageBlockedTerms(actor);
  const rows = await db.blockedTerm.findMany({
    // BlockedTerm(term) unique index
    where: options.cursor ? { term: { gt: options.cursor } } : {},
    orderBy: { term: "asc" },
    take: BLOCKED_TERMS_PAGE_SIZE + 1,
    select: {
      id: true,
      term: true,
      createdAt: true,
      createdBy: { select: { name: true, handle: true } },
    },
  });
  const page = rows.slice(0, BLOCKED_TERMS_PAGE_SIZE);
  return {
    terms: page.map((row) => ({
      id: row.id,
      term: row.term,
      createdAt: row.createdAt.toISOString(),
      addedBy: row.createdBy,
    })),
    nextCursor: rows.length > BLOCKED_TERMS_PAGE_SIZE ? (page.at(-1)?.term ?? null) : null,
  };
}

/** Every blocked term, for the automatic checks on a new or edited insight. */
export async function loadBlockedTerms(client: Tx | typeof db = db): Promise<string[]> {
  const rows = await client.blockedTerm.findMany({ select: { term: true }, orderBy: { term: "asc" } });
  return rows.map((row) => row.term);
}

function isLowercaseCheckViolation(error: unknown): boolean {
  return error instanceof Error && error.message.includes("BlockedTerm_lowercase");
}

// No reader's page shows the list (the checks read the table on every post): changes expire no cached page.

/** An admin adds a term; one audit entry records it. A term already on the list is a CONFLICT. */
export async function addBlockedTerm(
  actor: SessionUser,
  input: AddBlockedTermInput,
): Promise<Changed<BlockedTermItem>> {
  assertMayManageBlockedTerms(actor);
  const term = normalizeBlockedTerm(input.term);
  if (!term)
    throw new AppError("INVALID_INPUT", "Enter a word or phrase.", {
      fieldErrors: { term: "Enter a word or phrase." },
    });
  try {
    return await db.$transaction(async (tx) => {
      const created = await tx.blockedTerm.create({
        data: { term, createdById: actor.id },
        select: { id: true, term: true, createdAt: true },
      });
      await recordAudit(tx, {
        actorId: actor.id,
        action: "blocked-term.add",
        targetType: "blocked-term",
        targetId: created.id,
        data: { term },
      });
      const item = {
        id: created.id,
        term: created.term,
        createdAt: created.createdAt.toISOString(),
        addedBy: { name: actor.name, handle: actor.handle },
      };
      return changed(item, []);
    });
  } catch (error) {
    if (uniqueViolation(error)) {
      const message = `“${term}” is already blocked.`;
      throw new AppError("CONFLICT", message, { fieldErrors: { term: message } });
    }
    // PostgreSQL lower-cases a few characters differently from JavaScript: such a term cannot be stored.
    if (isLowercaseCheckViolation(error)) {
      const message = "This term has characters that cannot be stored. Try another spelling.";
      throw new AppError("INVALID_INPUT", message, { fieldErrors: { term: message } });
    }
    throw error;
  }
}

/** An admin removes a term; one audit entry records it. A term already removed is NOT_FOUND. */
export async function removeBlockedTerm(
  actor: SessionUser,
  input: RemoveBlockedTermInput,
): Promise<Changed<{ id: string; term: string }>> {
  assertMayManageBlockedTerms(actor);
  return db.$transaction(async (tx) => {
    // Deleting and reading the term in one statement: of two admins removing it at once, one finds nothing.
    const rows = await tx.$queryRaw<
      { id: string; term: string }[]
    >`DELETE FROM "BlockedTerm" WHERE "id" = ${input.id} RETURNING "id", "term"`;
    const removed = rows[0];
    if (!removed) throw new AppError("NOT_FOUND", "That term is no longer blocked.");
    await recordAudit(tx, {
      actorId: actor.id,
      action: "blocked-term.remove",
      targetType: "blocked-term",
      targetId: removed.id,
      data: { term: removed.term },
    });
    return changed(removed, []);
  });
}
