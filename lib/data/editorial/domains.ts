import "server-only";
import { changed, type Changed } from "@/lib/cache-expiry";
import { tags } from "@/lib/cache-tags";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type {
  CreateDomainInput,
  DeleteDomainInput,
  MoveDomainInput,
  ReorderDomainInput,
  UpdateDomainInput,
} from "@/lib/validation/editorial";
import type { Tx } from "../transaction";
import type { SessionUser } from "../users";
import { assertMayEditContent, lock, recordEdit, swapped } from "./shared";
import { domainSlugFor, slugConflict } from "./slugs";

// Domains, the site's categories: a tree two levels deep, in the order the admin sets.

const DOMAIN_TREE_LOCK = "editorial:domain-tree";

export type AdminDomain = {
  id: string;
  name: string;
  slug: string;
  description: string;
  parentId: string | null;
  /** articles in this domain itself, drafts included */
  articleCount: number;
  childCount: number;
};
export type AdminDomainNode = AdminDomain & { children: AdminDomain[] };

/** The order readers see siblings in: position, then name (the seed leaves positions equal). */
const domainOrder = [{ position: "asc" }, { name: "asc" }, { id: "asc" }] as const;

/** Tags of the published articles in these domains: their breadcrumbs name the domain (and its parent). */
async function publishedArticleTags(tx: Tx, domainIds: string[]): Promise<string[]> {
  if (domainIds.length === 0) return [];
  const rows = await tx.article.findMany({
    where: { domainId: { in: domainIds }, status: "PUBLISHED" },
    select: { id: true },
  });
  return rows.map((row) => tags.article(row.id));
}

/** Every domain as a two-level tree in reader order, with article (drafts included) and child counts. */
export async function listDomainsForAdmin(actor: SessionUser): Promise<AdminDomainNode[]> {
  assertMayEditContent(actor);
  // A tree of categories, tens of rows: read whole (it is the admin's map of the site), not paginated.
  const [domains, counts] = await Promise.all([
    db.domain.findMany({
      select: { id: true, name: true, slug: true, description: true, parentId: true },
      orderBy: [...domainOrder],
    }),
    db.article.groupBy({ by: ["domainId"], _count: { _all: true } }),
  ]);
  const articleCounts = new Map(counts.map((row) => [row.domainId, row._count._all]));
  const childCounts = new Map<string, number>();
  for (const d of domains)
    if (d.parentId) childCounts.set(d.parentId, (childCounts.get(d.parentId) ?? 0) + 1);
  const toAdmin = (d: (typeof domains)[number]): AdminDomain => ({
    ...d,
    articleCount: articleCounts.get(d.id) ?? 0,
    childCount: childCounts.get(d.id) ?? 0,
  });
  return domains
    .filter((d) => d.parentId === null)
    .map((top) => ({ ...toAdmin(top), children: domains.filter((d) => d.parentId === top.id).map(toAdmin) }));
}

/** Checks `parentId` can take a child: it exists and is itself top-level. */
async function checkParent(tx: Tx, parentId: string, childId?: string): Promise<void> {
  if (parentId === childId) {
    throw new AppError("INVALID_INPUT", "A domain cannot be its own parent.", {
      fieldErrors: { parentId: "A domain cannot be its own parent." },
    });
  }
  const parent = await tx.domain.findUnique({ where: { id: parentId }, select: { parentId: true } });
  if (!parent) throw new AppError("NOT_FOUND", "That parent domain no longer exists.");
  if (parent.parentId !== null) {
    throw new AppError("CONFLICT", "Domains nest two levels at most: choose a top-level parent.", {
      fieldErrors: { parentId: "Choose a top-level domain: domains nest two levels at most." },
    });
  }
}

async function nextDomainPosition(tx: Tx, parentId: string | null): Promise<number> {
  const last = await tx.domain.aggregate({ where: { parentId }, _max: { position: true } });
  return (last._max.position ?? -1) + 1;
}

export async function createDomain(
  actor: SessionUser,
  input: CreateDomainInput,
): Promise<Changed<{ id: string; slug: string }>> {
  assertMayEditContent(actor);
  try {
    return await db.$transaction(async (tx) => {
      await lock(tx, DOMAIN_TREE_LOCK);
      if (input.parentId) await checkParent(tx, input.parentId);
      const slug = await domainSlugFor(tx, input.name, input.slug);
      const domain = await tx.domain.create({
        data: {
          name: input.name,
          slug,
          description: input.description,
          parentId: input.parentId,
          position: await nextDomainPosition(tx, input.parentId),
        },
        select: { id: true, slug: true },
      });
      await recordEdit(tx, actor.id, "domain.create", domain.id, {
        name: input.name,
        slug,
        parentId: input.parentId,
      });
      return changed(domain, [tags.domains]);
    });
  } catch (error) {
    slugConflict(error, "domain");
  }
}

async function lockDomain(tx: Tx, id: string) {
  const rows = await tx.$queryRaw<
    { id: string; name: string; description: string; parentId: string | null }[]
  >`
    SELECT "id", "name", "description", "parentId" FROM "Domain" WHERE "id" = ${id} FOR UPDATE`;
  const domain = rows[0];
  if (!domain) throw new AppError("NOT_FOUND", "That domain no longer exists.");
  return domain;
}

/** Renames and describes a domain (its slug stays, so links keep working). */
export async function updateDomain(
  actor: SessionUser,
  input: UpdateDomainInput,
): Promise<Changed<{ id: string }>> {
  assertMayEditContent(actor);
  return db.$transaction(async (tx) => {
    const before = await lockDomain(tx, input.id);
    const renamed = before.name !== input.name;
    if (!renamed && before.description === input.description) return changed({ id: input.id }, []);
    await tx.domain.update({
      where: { id: input.id },
      data: { name: input.name, description: input.description },
      select: { id: true },
    });
    await recordEdit(tx, actor.id, "domain.update", input.id, {
      ...(renamed ? { name: { from: before.name, to: input.name } } : {}),
      ...(before.description !== input.description
        ? { description: { from: before.description, to: input.description } }
        : {}),
    });
    // A new name shows in the breadcrumbs of its articles and, for a parent, of its children's articles.
    let articleTags: string[] = [];
    if (renamed) {
      const children = await tx.domain.findMany({ where: { parentId: input.id }, select: { id: true } });
      articleTags = await publishedArticleTags(tx, [input.id, ...children.map((c) => c.id)]);
    }
    return changed({ id: input.id }, [tags.domains, tags.domain(input.id), ...articleTags]);
  });
}

/** Moves a domain under a top-level parent, or to the top level (`parentId` null); it goes last there. */
export async function moveDomain(
  actor: SessionUser,
  input: MoveDomainInput,
): Promise<Changed<{ id: string }>> {
  assertMayEditContent(actor);
  return db.$transaction(async (tx) => {
    await lock(tx, DOMAIN_TREE_LOCK);
    const before = await lockDomain(tx, input.id);
    if (before.parentId === input.parentId) return changed({ id: input.id }, []);
    if (input.parentId) {
      await checkParent(tx, input.parentId, input.id);
      const children = await tx.domain.count({ where: { parentId: input.id } });
      if (children > 0) {
        throw new AppError("CONFLICT", "This domain has child domains, so it must stay at the top level.", {
          fieldErrors: { parentId: "A domain with child domains stays at the top level." },
        });
      }
    }
    await tx.domain.update({
      where: { id: input.id },
      data: { parentId: input.parentId, position: await nextDomainPosition(tx, input.parentId) },
      select: { id: true },
    });
    await recordEdit(tx, actor.id, "domain.update", input.id, {
      parentId: { from: before.parentId, to: input.parentId },
    });
    const touched = [before.parentId, input.parentId].filter((id): id is string => id !== null);
    return changed({ id: input.id }, [
      tags.domains,
      tags.domain(input.id),
      ...touched.map((id) => tags.domain(id)),
      ...(await publishedArticleTags(tx, [input.id])),
    ]);
  });
}

/** Moves a domain one place up or down among its siblings. */
export async function reorderDomain(
  actor: SessionUser,
  input: ReorderDomainInput,
): Promise<Changed<{ id: string }>> {
  assertMayEditContent(actor);
  return db.$transaction(async (tx) => {
    await lock(tx, DOMAIN_TREE_LOCK);
    const domain = await tx.domain.findUnique({ where: { id: input.id }, select: { parentId: true } });
    if (!domain) throw new AppError("NOT_FOUND", "That domain no longer exists.");
    const siblings = await tx.domain.findMany({
      where: { parentId: domain.parentId },
      select: { id: true, position: true },
      orderBy: [...domainOrder],
    });
    const from = siblings.findIndex((s) => s.id === input.id);
    const order = swapped(siblings, from, input.direction);
    if (!order) return changed({ id: input.id }, []);
    // Positions become 0…n-1 in the new order: equal positions (as the seed leaves them) get sorted out too.
    for (const [position, sibling] of order.entries()) {
      if (sibling.position !== position) {
        await tx.domain.update({ where: { id: sibling.id }, data: { position }, select: { id: true } });
      }
    }
    await recordEdit(tx, actor.id, "domain.update", input.id, {
      moved: input.direction,
      position: { from, to: order.findIndex((s) => s.id === input.id) },
    });
    return changed({ id: input.id }, [
      tags.domains,
      ...(domain.parentId ? [tags.domain(domain.parentId)] : []),
    ]);
  });
}

/**
 * Deletes a domain with no articles (drafts included), no child domains and no sponsorship records (inquiries
 * or sponsors, past ones included: they are the business's records, and the database would delete them with
 * the domain). Members' follows of the domain go with it; the audit entry says how many.
 */
export async function deleteDomain(
  actor: SessionUser,
  input: DeleteDomainInput,
): Promise<Changed<{ id: string }>> {
  assertMayEditContent(actor);
  return db.$transaction(async (tx) => {
    await lock(tx, DOMAIN_TREE_LOCK);
    const domain = await lockDomain(tx, input.id);
    const articles = await tx.article.count({ where: { domainId: input.id } });
    const children = await tx.domain.count({ where: { parentId: input.id } });
    if (articles > 0 || children > 0) {
      const what = [
        articles > 0 ? `${articles} ${articles === 1 ? "article" : "articles"}` : null,
        children > 0 ? `${children} child ${children === 1 ? "domain" : "domains"}` : null,
      ]
        .filter(Boolean)
        .join(" and ");
      throw new AppError("CONFLICT", `“${domain.name}” still has ${what}: move or delete them first.`);
    }
    // The domain row is locked: a new inquiry or sponsor (their foreign key check) waits for this transaction.
    const [inquiries, sponsors] = await Promise.all([
      tx.sponsorInquiry.count({ where: { domainId: input.id } }),
      tx.domainSponsor.count({ where: { domainId: input.id } }),
    ]);
    if (inquiries > 0 || sponsors > 0) {
      const what = [
        inquiries > 0 ? `${inquiries} ${inquiries === 1 ? "inquiry" : "inquiries"}` : null,
        sponsors > 0 ? `${sponsors} ${sponsors === 1 ? "sponsor" : "sponsors"}` : null,
      ]
        .filter(Boolean)
        .join(" and ");
      throw new AppError(
        "CONFLICT",
        `This domain has sponsorship inquiries or a sponsor: “${domain.name}” has ${what} on record, and deleting the domain would delete those records too.`,
      );
    }
    const followsRemoved = await tx.domainFollow.count({ where: { domainId: input.id } });
    const { slug } = await tx.domain.delete({ where: { id: input.id }, select: { slug: true } });
    await recordEdit(tx, actor.id, "domain.delete", input.id, {
      name: domain.name,
      slug,
      parentId: domain.parentId,
      followsRemoved,
    });
    return changed({ id: input.id }, [
      tags.domains,
      tags.domain(input.id),
      ...(domain.parentId ? [tags.domain(domain.parentId)] : []),
    ]);
  });
}
