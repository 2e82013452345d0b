import "server-only";
import { newSlug } from "@/lib/domain/slug";
import { AppError, uniqueViolation } from "@/lib/errors";
import type { ArticleKind } from "@/lib/generated/prisma/enums";
import type { Tx } from "../transaction";
import { lock } from "./shared";

// Every address the editorial back office hands out: domain slugs, article slugs and section anchors.
//
// An article's current slug and every slug it has had since it was first published (kept in
// ArticleSlugRedirect, answered with a 308) are all taken; slug changes run under one advisory lock so two
// admins cannot both take the same slug through different tables.

const SLUG_LOCK = "editorial:article-slugs";

const SLUG_TAKEN = {
  domain: "Another domain already uses this slug.",
  article: "Another article uses this slug, now or as an old address that still redirects.",
} as const;

type SlugOwner = keyof typeof SLUG_TAKEN;

function slugTaken(owner: SlugOwner): AppError {
  return new AppError("CONFLICT", SLUG_TAKEN[owner], { fieldErrors: { slug: SLUG_TAKEN[owner] } });
}

/** A unique violation is another admin taking the same slug a moment earlier: said as such. */
export function slugConflict(error: unknown, owner: SlugOwner): never {
  if (uniqueViolation(error)) throw slugTaken(owner);
  throw error;
}

/** `wanted` as given (refused when taken), or `base` with -2, -3… added until one is free. */
async function freeSlug(
  owner: SlugOwner,
  wanted: string,
  base: string,
  taken: (slug: string) => Promise<boolean>,
): Promise<string> {
  if (wanted) {
    if (await taken(wanted)) throw slugTaken(owner);
    return wanted;
  }
  for (let attempt = 1; attempt <= 50; attempt++) {
    const candidate = attempt === 1 ? base : `${base}-${attempt}`;
    if (!(await taken(candidate))) return candidate;
  }
  throw new AppError("CONFLICT", `Choose a slug for this ${owner}: the usual ones are taken.`, {
    fieldErrors: { slug: "Choose a slug: the usual ones are taken." },
  });
}

/** A free domain slug: `wanted` as given (refused when taken), or made from the name with -2, -3… added. */
export async function domainSlugFor(tx: Tx, name: string, wanted: string): Promise<string> {
  const taken = async (slug: string) =>
    (await tx.domain.findUnique({ where: { slug }, select: { id: true } })) !== null;
  return freeSlug("domain", wanted, newSlug(name, "domain", 72), taken);
}

/** Serialises slug changes until the transaction ends: taken is checked, and taken, under this lock. */
export async function lockArticleSlugs(tx: Tx): Promise<void> {
  await lock(tx, SLUG_LOCK);
}

/** Whether `slug` is some other article's current slug or old slug. */
async function articleSlugTaken(tx: Tx, slug: string, articleId?: string): Promise<boolean> {
  const current = await tx.article.findUnique({ where: { slug }, select: { id: true } });
  if (current && current.id !== articleId) return true;
  const old = await tx.articleSlugRedirect.findUnique({ where: { slug }, select: { articleId: true } });
  return old !== null && old.articleId !== articleId;
}

/** Refuses `slug` for the article when another article has it, now or as an old slug. */
export async function assertArticleSlugFree(tx: Tx, slug: string, articleId: string): Promise<void> {
  if (await articleSlugTaken(tx, slug, articleId)) throw slugTaken("article");
}

/** A free slug for a new article: `wanted` as given (refused when taken), or the title's with -2, -3… */
export async function newArticleSlug(
  tx: Tx,
  article: { title: string; kind: ArticleKind },
  wanted: string,
): Promise<string> {
  const taken = (slug: string) => articleSlugTaken(tx, slug);
  const base = newSlug(article.title, article.kind === "GUIDE" ? "guide" : "article", 112);
  return freeSlug("article", wanted, base, taken);
}

/** The slugs that redirect to the article. */
export async function oldSlugsOf(tx: Tx, articleId: string): Promise<string[]> {
  const rows = await tx.articleSlugRedirect.findMany({ where: { articleId }, select: { slug: true } });
  return rows.map((row) => row.slug);
}

/** Section anchors from titles, unique within the article: "faq", "faq-2"… */
export function anchorFor(title: string, taken: Set<string>): string {
  const base = newSlug(title, "section", 110);
  let anchor = base;
  for (let n = 2; taken.has(anchor); n++) anchor = `${base}-${n}`;
  taken.add(anchor);
  return anchor;
}
