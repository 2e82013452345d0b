"use server";

import { runAction, type ActionResult } from "@/lib/action-result";
import { expireTags, type CacheChange } from "@/lib/cache-expiry";
import {
  createDomain,
  deleteDomain,
  listDomainsForAdmin,
  moveDomain,
  reorderDomain,
  updateDomain,
  type AdminDomainNode,
} from "@/lib/data/editorial/domains";
import { isAdmin } from "@/lib/domain/permissions";
import { requireUser, type SessionUser } from "@/lib/session";
import {
  createDomainSchema,
  deleteDomainSchema,
  moveDomainSchema,
  reorderDomainSchema,
  updateDomainSchema,
} from "@/lib/validation/editorial";

// Domain changes for /admin/domains. Admins only. Each answers with the whole tree as it now stands, so the
// page shows the result without reloading, and expires exactly the cached pages the change touched.

type TreeResult = ActionResult<{ tree: AdminDomainNode[] }>;

async function withTree(change: (user: SessionUser) => Promise<CacheChange>) {
  const user = await requireUser(isAdmin);
  await expireTags(await change(user));
  return { tree: await listDomainsForAdmin(user) };
}

export async function createDomainAction(input: unknown): Promise<TreeResult> {
  return runAction(() => withTree((user) => createDomain(user, createDomainSchema.parse(input))));
}

export async function updateDomainAction(input: unknown): Promise<TreeResult> {
  return runAction(() => withTree((user) => updateDomain(user, updateDomainSchema.parse(input))));
}

export async function moveDomainAction(input: unknown): Promise<TreeResult> {
  return runAction(() => withTree((user) => moveDomain(user, moveDomainSchema.parse(input))));
}

export async function reorderDomainAction(input: unknown): Promise<TreeResult> {
  return runAction(() => withTree((user) => reorderDomain(user, reorderDomainSchema.parse(input))));
}

export async function deleteDomainAction(input: unknown): Promise<TreeResult> {
  return runAction(() => withTree((user) => deleteDomain(user, deleteDomainSchema.parse(input))));
}
