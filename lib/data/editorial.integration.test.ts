import { randomBytes } from "node:crypto";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import * as domainActions from "@/app/(admin)/admin/domains/actions";
import * as articleActions from "@/app/(admin)/admin/articles/[id]/actions";
import { importOutlineAction } from "@/app/(admin)/admin/articles/import/actions";
import { createArticleAction } from "@/app/(admin)/admin/articles/new/actions";
import { tags } from "@/lib/cache-tags";
import { AppError } from "@/lib/errors";
import { closeAppConnections, rejectionOf } from "@/lib/testing/integration";
import { createPrismaClient } from "@/prisma/client";
import { createArticle, createDomain, createInsight, createUser } from "@/prisma/factories";
import {
  getArticleView,
  getDomainTree,
  getDomainView,
  getLatestArticles,
  resolveArticleRedirect,
  resolveArticleSlug,
} from "./content";
import * as editorial from "./editorial";
import type { SessionUser } from "./users";

// The editorial data layer against a real PostgreSQL, and its actions as a browser calls them: the session
// says who is signed in, Next's cache is stood in for and the tags the actions refresh are recorded.
const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("next-auth", () => ({
  getServerSession: () => Promise.resolve(session.userId ? { user: { id: session.userId } } : null),
}));
vi.mock("@/lib/auth", () => ({ authOptions: {} }));
const updateTag = vi.hoisted(() => vi.fn());
vi.mock("next/cache", () => ({ unstable_cache: <T>(fn: T): T => fn, updateTag }));
vi.mock("next/server", () => ({ after: (task: () => unknown) => void task() }));

const db = createPrismaClient(process.env.DATABASE_URL!, { max: 4 });

afterAll(async () => {
  await db.$disconnect();
  await closeAppConnections();
});

beforeEach(() => {
  session.userId = null;
  updateTag.mockClear();
});

const MINUTE = 60 * 1000;
type Role = SessionUser["role"];

async function person(role: Role): Promise<SessionUser> {
  const user = await createUser(db, { role });
  return { id: user.id, name: user.name, handle: user.handle, headline: "", role: user.role };
}

async function appErrorOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await rejectionOf(promise);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const suffix = () => randomBytes(4).toString("hex");

function auditOf(targetId: string) {
  return db.auditEntry.findMany({
    where: { targetId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { action: true, actorId: true, targetType: true, data: true },
  });
}

function refreshedTags(): string[] {
  return updateTag.mock.calls.map((call) => call[0] as string).sort();
}

async function draftWithSections(domainId?: string) {
  return createArticle(db, { status: "DRAFT", ...(domainId ? { domainId } : {}) });
}

describe("authorization: every editorial action is for admins only", () => {
  // One valid input per action, against records that exist: a refusal is then about who asks, nothing else.
  async function fixtures() {
    const domain = await createDomain(db);
    const article = await draftWithSections(domain.id);
    const section = article.sections[0]!;
    return {
      domain,
      article,
      calls: {
        createDomain: () =>
          domainActions.createDomainAction({ name: `New ${suffix()}`, slug: "", description: "" }),
        updateDomain: () =>
          domainActions.updateDomainAction({ id: domain.id, name: "Renamed", description: "Changed" }),
        moveDomain: () => domainActions.moveDomainAction({ id: domain.id, parentId: null }),
        reorderDomain: () => domainActions.reorderDomainAction({ id: domain.id, direction: "down" }),
        deleteDomain: () => domainActions.deleteDomainAction({ id: domain.id }),
        createArticle: () =>
          createArticleAction({ domainId: domain.id, kind: "GUIDE", title: "T", slug: "", summary: "S" }),
        importOutline: () =>
          importOutlineAction({ domainId: domain.id, kind: "GUIDE", markdown: "# T\nS\n## A\nB" }),
        updateArticle: () =>
          articleActions.updateArticleAction({
            id: article.id,
            domainId: domain.id,
            kind: "GUIDE",
            title: "Changed",
            slug: `changed-${suffix()}`,
            summary: "Changed",
          }),
        addSection: () =>
          articleActions.addSectionAction({
            articleId: article.id,
            title: "New",
            body: "",
            acceptsInsights: true,
          }),
        updateSection: () =>
          articleActions.updateSectionAction({
            id: section.id,
            title: "X",
            body: "Y",
            acceptsInsights: false,
          }),
        moveSection: () => articleActions.moveSectionAction({ id: section.id, direction: "down" }),
        removeSection: () => articleActions.removeSectionAction({ id: section.id }),
        publish: () => articleActions.publishArticleAction({ id: article.id }),
        unpublish: () => articleActions.unpublishArticleAction({ id: article.id }),
        schedule: () =>
          articleActions.scheduleArticleAction({
            id: article.id,
            scheduledAt: new Date(Date.now() + 60 * MINUTE).toISOString(),
          }),
        cancelSchedule: () => articleActions.cancelScheduleAction({ id: article.id }),
      },
    };
  }

  it.each([
    ["a signed-out visitor", null, "UNAUTHENTICATED"],
    ["a member", "MEMBER", "FORBIDDEN"],
    ["a moderator", "MODERATOR", "FORBIDDEN"],
  ] as const)("%s is refused every action and nothing changes", async (_, role, code) => {
    const { domain, article, calls } = await fixtures();
    session.userId = role ? (await person(role)).id : null;
    const before = await db.article.findUnique({ where: { id: article.id }, include: { sections: true } });
    const domainsBefore = await db.domain.count();
    for (const [name, call] of Object.entries(calls)) {
      const result = await call();
      expect({ name, ok: result.ok, code: result.ok ? null : result.code }).toEqual({
        name,
        ok: false,
        code,
      });
    }
    expect(await db.article.findUnique({ where: { id: article.id }, include: { sections: true } })).toEqual(
      before,
    );
    expect(await db.domain.findUnique({ where: { id: domain.id }, select: { name: true } })).toEqual({
      name: domain.name,
    });
    expect(await db.domain.count()).toBe(domainsBefore);
    expect(await db.article.count({ where: { domainId: domain.id } })).toBe(1);
    expect(await auditOf(article.id)).toEqual([]);
    expect(updateTag).not.toHaveBeenCalled();
  });

  it("a suspended admin is refused as well", async () => {
    const { calls } = await fixtures();
    const admin = await createUser(db, {
      role: "ADMIN",
      status: "SUSPENDED",
      statusUntil: new Date(Date.now() + 60 * MINUTE),
      statusReason: "Test",
    });
    session.userId = admin.id;
    const result = await calls.createDomain();
    expect(result).toMatchObject({ ok: false, code: "FORBIDDEN" });
  });

  it("an admin may do each of them", async () => {
    const { calls } = await fixtures();
    session.userId = (await person("ADMIN")).id;
    // In an order where each applies: the domain is deleted last, once its article has moved out of it.
    const order = [
      "createDomain",
      "updateDomain",
      "reorderDomain",
      "moveDomain",
      "createArticle",
      "importOutline",
      "addSection",
      "updateSection",
      "moveSection",
      "schedule",
      "cancelSchedule",
      "publish",
      "unpublish",
      "removeSection",
    ] as const;
    for (const name of order) {
      const result = await calls[name]();
      expect({ name, result }).toMatchObject({ name, result: { ok: true } });
    }
  });

  it("the data layer refuses non-admins too, whatever the action does", async () => {
    const article = await draftWithSections();
    for (const role of ["MEMBER", "MODERATOR"] as const) {
      const actor = await person(role);
      for (const attempt of [
        editorial.listDomainsForAdmin(actor),
        editorial.listArticlesForAdmin(actor, { status: "all", page: 1 }),
        editorial.getArticleForEdit(actor, article.id),
        editorial.getArticlePreview(actor, article.id),
        editorial.getArticleFeedbackSummary(actor, article.id, 1),
        editorial.publishArticle(actor, { id: article.id }),
      ]) {
        expect((await appErrorOf(attempt)).code).toBe("FORBIDDEN");
      }
    }
    expect(await db.article.findUnique({ where: { id: article.id }, select: { status: true } })).toEqual({
      status: "DRAFT",
    });
  });
});

describe("domains", () => {
  it("nest two levels at most", async () => {
    const admin = await person("ADMIN");
    const top = await editorial.createDomain(admin, {
      name: `Top ${suffix()}`,
      slug: "",
      description: "",
      parentId: null,
    });
    const child = await editorial.createDomain(admin, {
      name: `Child ${suffix()}`,
      slug: "",
      description: "",
      parentId: top.id,
    });
    const grandchild = await appErrorOf(
      editorial.createDomain(admin, { name: "Too deep", slug: "", description: "", parentId: child.id }),
    );
    expect(grandchild.code).toBe("CONFLICT");
    expect(grandchild.fieldErrors?.parentId).toMatch(/two levels/);

    const other = await createDomain(db);
    // A parent cannot go under another domain, nor a domain under itself or under a child.
    expect((await appErrorOf(editorial.moveDomain(admin, { id: top.id, parentId: other.id }))).code).toBe(
      "CONFLICT",
    );
    expect((await appErrorOf(editorial.moveDomain(admin, { id: other.id, parentId: other.id }))).code).toBe(
      "INVALID_INPUT",
    );
    expect((await appErrorOf(editorial.moveDomain(admin, { id: other.id, parentId: child.id }))).code).toBe(
      "CONFLICT",
    );
    // The child moves to the top level, then under another top-level domain.
    await editorial.moveDomain(admin, { id: child.id, parentId: null });
    await editorial.moveDomain(admin, { id: child.id, parentId: other.id });
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
    const first = await editorial.createDomain(admin, { name, slug: "", description: "", parentId: null });
    const second = await editorial.createDomain(admin, { name, slug: "", description: "", parentId: null });
    expect(second.slug).toBe(`${first.slug}-2`);
    const taken = await appErrorOf(
      editorial.createDomain(admin, { name: "Other", slug: first.slug, description: "", parentId: null }),
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
        await editorial.createDomain(admin, { name, slug: "", description: "", parentId: parent.id }),
      );
    }
    const order = async () => {
      const tree = await editorial.listDomainsForAdmin(admin);
      return tree.find((d) => d.id === parent.id)!.children.map((c) => c.name);
    };
    expect(await order()).toEqual(names);
    const moved = await editorial.reorderDomain(admin, { id: children[2]!.id, direction: "up" });
    expect(moved.tags.sort()).toEqual([tags.domain(parent.id), tags.domains].sort());
    expect(await order()).toEqual(["Alpha", "Charlie", "Bravo"]);
    // Readers see the same order on the domain page.
    const view = await getDomainView(
      (await db.domain.findUniqueOrThrow({ where: { id: parent.id } })).slug,
      1,
    );
    expect(view?.children.map((c) => c.name)).toEqual(["Alpha", "Charlie", "Bravo"]);
    // At either end a move changes nothing and writes no audit entry.
    expect((await editorial.reorderDomain(admin, { id: children[0]!.id, direction: "up" })).tags).toEqual([]);
    expect((await auditOf(children[0]!.id)).map((e) => e.action)).toEqual(["domain.create"]);
    expect((await auditOf(children[2]!.id)).map((e) => e.action)).toEqual(["domain.create", "domain.update"]);
  });

  it("are deleted only when they have no articles and no child domains", async () => {
    const admin = await person("ADMIN");
    const parent = await createDomain(db);
    const child = await createDomain(db, { parentId: parent.id });
    await draftWithSections(child.id);
    expect((await appErrorOf(editorial.deleteDomain(admin, { id: parent.id }))).message).toMatch(
      /1 child domain/,
    );
    expect((await appErrorOf(editorial.deleteDomain(admin, { id: child.id }))).message).toMatch(/1 article/);
    const empty = await createDomain(db, { parentId: parent.id });
    const deleted = await editorial.deleteDomain(admin, { id: empty.id });
    expect(deleted.tags.sort()).toEqual([tags.domain(empty.id), tags.domain(parent.id), tags.domains].sort());
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
      const error = await appErrorOf(editorial.deleteDomain(admin, { id: domain.id }));
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
    await editorial.deleteDomain(admin, { id: withInquiry.id });
    expect(await db.domain.findUnique({ where: { id: withInquiry.id } })).toBeNull();
    expect(await db.domainFollow.count({ where: { domainId: withInquiry.id } })).toBe(0);
    const [entry] = await db.auditEntry.findMany({
      where: { targetType: "domain", targetId: withInquiry.id, action: "domain.delete" },
      select: { data: true },
    });
    expect(entry?.data).toMatchObject({ followsRemoved: 1 });
  });

  it("a rename refreshes the domain pages and the articles whose breadcrumbs name it", async () => {
    const parent = await createDomain(db);
    const child = await createDomain(db, { parentId: parent.id });
    const inChild = await createArticle(db, { domainId: child.id });
    const draft = await draftWithSections(child.id);
    session.userId = (await person("ADMIN")).id;
    const result = await domainActions.updateDomainAction({
      id: parent.id,
      name: "Renamed parent",
      description: "",
    });
    expect(result.ok).toBe(true);
    expect(refreshedTags()).toEqual([tags.article(inChild.id), tags.domain(parent.id), tags.domains].sort());
    expect(refreshedTags()).not.toContain(tags.article(draft.id));
    // Only a description: the article pages do not show it.
    updateTag.mockClear();
    await domainActions.updateDomainAction({
      id: parent.id,
      name: "Renamed parent",
      description: "New words",
    });
    expect(refreshedTags()).toEqual([tags.domain(parent.id), tags.domains].sort());
  });
});

describe("articles: slugs and redirects", () => {
  it("a slug is unique across current slugs and old slugs that redirect", async () => {
    const admin = await person("ADMIN");
    const domain = await createDomain(db);
    const published = await createArticle(db, { domainId: domain.id });
    const newSlug = `renamed-${suffix()}`;
    await editorial.updateArticle(admin, {
      id: published.id,
      domainId: domain.id,
      kind: "COLLABORATIVE",
      title: published.title,
      slug: newSlug,
      summary: "A test article.",
    });
    for (const slug of [newSlug, published.slug]) {
      const refused = await appErrorOf(
        editorial.createArticle(admin, {
          domainId: domain.id,
          kind: "GUIDE",
          title: "Another",
          slug,
          summary: "S",
        }),
      );
      expect(refused).toMatchObject({
        code: "CONFLICT",
        fieldErrors: { slug: expect.stringMatching(/redirects/) },
      });
    }
    // And when renaming another article onto either of them.
    const other = await draftWithSections(domain.id);
    const rename = await appErrorOf(
      editorial.updateArticle(admin, {
        id: other.id,
        domainId: domain.id,
        kind: "GUIDE",
        title: "Other",
        slug: published.slug,
        summary: "S",
      }),
    );
    expect(rename.code).toBe("CONFLICT");
    // Made from a title, a slug skips the taken ones.
    const title = `Same title ${suffix()}`;
    const a = await editorial.createArticle(admin, {
      domainId: domain.id,
      kind: "GUIDE",
      title,
      slug: "",
      summary: "S",
    });
    const b = await editorial.createArticle(admin, {
      domainId: domain.id,
      kind: "GUIDE",
      title,
      slug: "",
      summary: "S",
    });
    expect(b.slug).toBe(`${a.slug}-2`);
  });

  it("an old slug redirects to the current one, and renaming back takes it back", async () => {
    const admin = await person("ADMIN");
    const article = await createArticle(db);
    const { domainId } = await db.article.findUniqueOrThrow({
      where: { id: article.id },
      select: { domainId: true },
    });
    const original = article.slug;
    const renamed = `renamed-${suffix()}`;
    const base = {
      id: article.id,
      domainId,
      kind: "COLLABORATIVE" as const,
      title: article.title,
      summary: "A test article.",
    };

    session.userId = admin.id;
    const result = await articleActions.updateArticleAction({ ...base, slug: renamed });
    expect(result).toMatchObject({ ok: true, data: { article: { slug: renamed, oldSlugs: [original] } } });
    expect(refreshedTags()).toEqual(
      [tags.article(article.id), tags.articleSlug(original), tags.articleSlug(renamed), tags.articles].sort(),
    );
    expect(await resolveArticleSlug(original)).toBeNull();
    expect(await resolveArticleRedirect(original)).toBe(renamed);
    expect(await resolveArticleSlug(renamed)).toBe(article.id);

    const back = await editorial.updateArticle(admin, { ...base, slug: original });
    expect(back.article).toMatchObject({ slug: original, oldSlugs: [renamed] });
    expect(await resolveArticleSlug(original)).toBe(article.id);
    expect(await resolveArticleRedirect(original)).toBeNull();
    expect(await resolveArticleRedirect(renamed)).toBe(original);
    expect(
      await db.articleSlugRedirect.findMany({ where: { articleId: article.id }, select: { slug: true } }),
    ).toEqual([{ slug: renamed }]);
  });

  it("a draft never published leaves no redirects behind, and an unpublished article's old slugs stop redirecting", async () => {
    const admin = await person("ADMIN");
    const draft = await draftWithSections();
    const { domainId } = await db.article.findUniqueOrThrow({
      where: { id: draft.id },
      select: { domainId: true },
    });
    const renamed = `draft-${suffix()}`;
    const changed = await editorial.updateArticle(admin, {
      id: draft.id,
      domainId,
      kind: "GUIDE",
      title: draft.title,
      slug: renamed,
      summary: "S",
    });
    expect(changed.article.oldSlugs).toEqual([]);
    expect(changed.tags).toEqual([]);
    // Its first slug is free again.
    await editorial.createArticle(admin, {
      domainId,
      kind: "GUIDE",
      title: "Takes it",
      slug: draft.slug,
      summary: "S",
    });

    const published = await createArticle(db, { domainId });
    const next = `next-${suffix()}`;
    await editorial.updateArticle(admin, {
      id: published.id,
      domainId,
      kind: "COLLABORATIVE",
      title: published.title,
      slug: next,
      summary: "A test article.",
    });
    expect(await resolveArticleRedirect(published.slug)).toBe(next);
    const unpublished = await editorial.unpublishArticle(admin, { id: published.id });
    // The old slug's cached redirect is refreshed too.
    expect(unpublished.tags).toContain(tags.articleSlug(published.slug));
    expect(await resolveArticleRedirect(published.slug)).toBeNull();
  });
});

describe("drafts are invisible to readers", () => {
  it("appear on no reader page, in no list, and only an admin previews them", async () => {
    const domain = await createDomain(db);
    const draft = await createArticle(db, {
      domainId: domain.id,
      status: "DRAFT",
      title: `Secret ${suffix()}`,
    });
    expect(await resolveArticleSlug(draft.slug)).toBeNull();
    expect(await getArticleView(draft.id)).toBeNull();
    expect((await getDomainView(domain.slug, 1))?.articles).toEqual([]);
    expect((await getLatestArticles(50)).map((a) => a.id)).not.toContain(draft.id);
    const tree = await getDomainTree();
    expect(tree.find((d) => d.id === domain.id)?.articleCount).toBe(0);

    for (const role of ["MEMBER", "MODERATOR"] as const) {
      expect((await appErrorOf(editorial.getArticlePreview(await person(role), draft.id))).code).toBe(
        "FORBIDDEN",
      );
    }
    const preview = await editorial.getArticlePreview(await person("ADMIN"), draft.id);
    expect(preview).toMatchObject({
      status: "DRAFT",
      view: {
        id: draft.id,
        title: draft.title,
        sections: [{ title: "First section" }, { title: "Second section" }],
      },
    });
  });

  it("publishing shows it to readers and refreshes exactly its pages; unpublishing takes it away", async () => {
    const domain = await createDomain(db);
    const draft = await draftWithSections(domain.id);
    session.userId = (await person("ADMIN")).id;

    // Editing a draft refreshes nothing: it is on no cached page.
    await articleActions.updateSectionAction({
      id: draft.sections[0]!.id,
      title: "First section",
      body: "Edited.",
      acceptsInsights: true,
    });
    expect(updateTag).not.toHaveBeenCalled();

    const result = await articleActions.publishArticleAction({ id: draft.id });
    expect(result).toMatchObject({ ok: true, data: { article: { status: "PUBLISHED" } } });
    expect(refreshedTags()).toEqual(
      [tags.article(draft.id), tags.articleSlug(draft.slug), tags.domain(domain.id), tags.articles].sort(),
    );
    expect(await resolveArticleSlug(draft.slug)).toBe(draft.id);
    expect((await getDomainView(domain.slug, 1))?.articles.map((a) => a.id)).toEqual([draft.id]);

    // Publishing twice changes nothing more.
    updateTag.mockClear();
    await articleActions.publishArticleAction({ id: draft.id });
    expect(updateTag).not.toHaveBeenCalled();

    // A published article's section edit refreshes the article alone.
    await articleActions.updateSectionAction({
      id: draft.sections[0]!.id,
      title: "First section",
      body: "Edited again.",
      acceptsInsights: true,
    });
    expect(refreshedTags()).toEqual([tags.article(draft.id)]);

    // Unpublishing also refreshes the profiles that list insights on it.
    const author = await createUser(db);
    await createInsight(db, { sectionId: draft.sections[0]!.id, authorId: author.id });
    updateTag.mockClear();
    await articleActions.unpublishArticleAction({ id: draft.id });
    expect(refreshedTags()).toEqual(
      [
        tags.article(draft.id),
        tags.articleSlug(draft.slug),
        tags.domain(domain.id),
        tags.articles,
        tags.memberHandle(author.handle),
      ].sort(),
    );
    expect(await resolveArticleSlug(draft.slug)).toBeNull();
    expect((await auditOf(draft.id)).map((e) => e.action)).toEqual([
      "article.update",
      "article.publish",
      "article.update",
      "article.unpublish",
    ]);
  });

  it("an article needs a section before it is published or scheduled", async () => {
    const admin = await person("ADMIN");
    const domain = await createDomain(db);
    const empty = await editorial.createArticle(admin, {
      domainId: domain.id,
      kind: "GUIDE",
      title: "Empty",
      slug: "",
      summary: "S",
    });
    expect((await appErrorOf(editorial.publishArticle(admin, { id: empty.id }))).message).toMatch(
      /at least one section/,
    );
    expect(
      (
        await appErrorOf(
          editorial.scheduleArticle(admin, { id: empty.id, scheduledAt: new Date(Date.now() + MINUTE) }),
        )
      ).message,
    ).toMatch(/at least one section/);
  });
});

describe("scheduled publishing", () => {
  it("a due draft is published once, even by two runs at the same moment; a later one waits", async () => {
    const admin = await person("ADMIN");
    const now = new Date();
    const due = await draftWithSections();
    const later = await draftWithSections();
    await editorial.scheduleArticle(
      admin,
      { id: due.id, scheduledAt: new Date(now.getTime() + MINUTE) },
      now,
    );
    await editorial.scheduleArticle(
      admin,
      { id: later.id, scheduledAt: new Date(now.getTime() + 10 * 24 * 60 * MINUTE) },
      now,
    );
    expect(await resolveArticleSlug(due.slug)).toBeNull();

    // Before its time nothing happens.
    expect((await editorial.publishDueArticles(now)).published.map((a) => a.id)).not.toContain(due.id);

    const runAt = new Date(now.getTime() + 2 * MINUTE);
    const runs = await Promise.all([
      editorial.publishDueArticles(runAt),
      editorial.publishDueArticles(runAt),
    ]);
    const publishedIds = runs.flatMap((run) => run.published.map((a) => a.id));
    expect(publishedIds.filter((id) => id === due.id)).toHaveLength(1);
    expect(publishedIds).not.toContain(later.id);
    const winner = runs.find((run) => run.published.some((a) => a.id === due.id))!;
    expect(winner.tags).toEqual(
      expect.arrayContaining([tags.article(due.id), tags.articleSlug(due.slug), tags.articles]),
    );

    const row = await db.article.findUniqueOrThrow({
      where: { id: due.id },
      select: { status: true, scheduledAt: true, publishedAt: true },
    });
    expect(row).toEqual({
      status: "PUBLISHED",
      scheduledAt: null,
      publishedAt: new Date(now.getTime() + MINUTE),
    });
    expect(await resolveArticleSlug(due.slug)).toBe(due.id);
    // One publish entry, in the name of the admin who scheduled it.
    const entries = await auditOf(due.id);
    expect(entries.map((e) => [e.action, e.actorId])).toEqual([
      ["article.schedule", admin.id],
      ["article.publish", admin.id],
    ]);
    expect(await db.article.findUniqueOrThrow({ where: { id: later.id }, select: { status: true } })).toEqual(
      {
        status: "DRAFT",
      },
    );
  });

  it("write UTC times whatever the database session's time zone", async () => {
    // The app's client, connected as a server whose default zone is New York would connect.
    const url = new URL(process.env.DATABASE_URL!);
    url.searchParams.set("options", "-c TimeZone=America/New_York");
    const app = globalThis as unknown as { roundtableDb?: unknown };
    const before = app.roundtableDb;
    const newYork = createPrismaClient(url.toString(), { max: 2 });
    app.roundtableDb = newYork;
    try {
      const [zone] = await newYork.$queryRaw<{ TimeZone: string }[]>`SHOW TIME ZONE`;
      expect(zone?.TimeZone).toBe("America/New_York");
      const admin = await person("ADMIN");
      const close = (date: Date | null | undefined, to: number) =>
        expect(Math.abs((date?.getTime() ?? Number.NaN) - to)).toBeLessThan(10_000);

      const now = await draftWithSections();
      await editorial.publishArticle(admin, { id: now.id });
      const published = await db.article.findUniqueOrThrow({
        where: { id: now.id },
        select: { publishedAt: true, updatedAt: true },
      });
      close(published.publishedAt, Date.now());
      close(published.updatedAt, Date.now());

      const start = new Date();
      const scheduled = await draftWithSections();
      await editorial.scheduleArticle(
        admin,
        { id: scheduled.id, scheduledAt: new Date(start.getTime() + MINUTE) },
        start,
      );
      const run = await editorial.publishDueArticles(new Date(start.getTime() + 2 * MINUTE));
      expect(run.published.map((a) => a.id)).toContain(scheduled.id);
      const row = await db.article.findUniqueOrThrow({
        where: { id: scheduled.id },
        select: { publishedAt: true, updatedAt: true },
      });
      expect(row.publishedAt).toEqual(new Date(start.getTime() + MINUTE));
      close(row.updatedAt, Date.now());
    } finally {
      app.roundtableDb = before;
      await newYork.$disconnect();
    }
  });

  it("refuses a moment in the past and a published article; a schedule can be cancelled", async () => {
    const admin = await person("ADMIN");
    const draft = await draftWithSections();
    const past = await appErrorOf(
      editorial.scheduleArticle(admin, { id: draft.id, scheduledAt: new Date(Date.now() - MINUTE) }),
    );
    expect(past).toMatchObject({ code: "INVALID_INPUT", fieldErrors: { scheduledAt: expect.any(String) } });
    const published = await createArticle(db);
    expect(
      (
        await appErrorOf(
          editorial.scheduleArticle(admin, { id: published.id, scheduledAt: new Date(Date.now() + MINUTE) }),
        )
      ).code,
    ).toBe("CONFLICT");

    const at = new Date(Date.now() + 60 * MINUTE);
    expect(
      (await editorial.scheduleArticle(admin, { id: draft.id, scheduledAt: at })).article.scheduledAt,
    ).toBe(at.toISOString());
    expect((await editorial.cancelSchedule(admin, { id: draft.id })).article.scheduledAt).toBeNull();
    expect(
      (await editorial.publishDueArticles(new Date(at.getTime() + MINUTE))).published.map((a) => a.id),
    ).not.toContain(draft.id);
    expect((await auditOf(draft.id)).map((e) => e.action)).toEqual(["article.schedule", "article.schedule"]);
  });

  it("the listing filters scheduled drafts apart from the others", async () => {
    const admin = await person("ADMIN");
    const domain = await createDomain(db);
    const plain = await draftWithSections(domain.id);
    const scheduled = await draftWithSections(domain.id);
    const live = await createArticle(db, { domainId: domain.id });
    await editorial.scheduleArticle(admin, {
      id: scheduled.id,
      scheduledAt: new Date(Date.now() + 60 * MINUTE),
    });
    const ids = async (status: "all" | "draft" | "scheduled" | "published") =>
      (await editorial.listArticlesForAdmin(admin, { status, domain: domain.id, page: 1 })).articles.map(
        (a) => a.id,
      );
    expect(await ids("all")).toEqual([live.id, scheduled.id, plain.id]);
    expect(await ids("draft")).toEqual([plain.id]);
    expect(await ids("scheduled")).toEqual([scheduled.id]);
    expect(await ids("published")).toEqual([live.id]);
  });
});

describe("sections", () => {
  it("are added, edited, reordered and removed, one audit entry each", async () => {
    const admin = await person("ADMIN");
    const article = await editorial.createArticle(admin, {
      domainId: (await createDomain(db)).id,
      kind: "GUIDE",
      title: "Sections",
      slug: "",
      summary: "S",
    });
    const add = (title: string) =>
      editorial.addSection(admin, {
        articleId: article.id,
        title,
        body: `About ${title}.`,
        acceptsInsights: true,
      });
    await add("FAQ");
    const second = await add("FAQ");
    const third = await add("Pricing");
    expect(third.article.sections.map((s) => s.anchor)).toEqual(["faq", "faq-2", "pricing"]);

    // Before the article is first published, an anchor follows its title.
    const edited = await editorial.updateSection(admin, {
      id: second.sectionId,
      title: "Setup",
      body: "1. Install\n2. Run",
      acceptsInsights: false,
    });
    expect(edited.article.sections[1]).toMatchObject({
      title: "Setup",
      anchor: "setup",
      acceptsInsights: false,
    });

    const moved = await editorial.moveSection(admin, { id: third.sectionId, direction: "up" });
    expect(moved.article.sections.map((s) => s.title)).toEqual(["FAQ", "Pricing", "Setup"]);
    // Nothing above the first: no change, no entry.
    const first = moved.article.sections[0]!;
    await editorial.moveSection(admin, { id: first.id, direction: "up" });

    await editorial.publishArticle(admin, { id: article.id });
    const renamed = await editorial.updateSection(admin, {
      id: third.sectionId,
      title: "Plans and pricing",
      body: "x",
      acceptsInsights: true,
    });
    // Published: the anchor stays, links keep working.
    expect(renamed.article.sections[1]).toMatchObject({ title: "Plans and pricing", anchor: "pricing" });
    const removed = await editorial.removeSection(admin, { id: second.sectionId });
    expect(removed.article.sections.map((s) => s.title)).toEqual(["FAQ", "Plans and pricing"]);
    // The search document follows the sections (a trigger keeps it).
    expect(
      (await db.article.findUniqueOrThrow({ where: { id: article.id }, select: { searchText: true } }))
        .searchText,
    ).toContain("Plans and pricing");

    expect((await auditOf(article.id)).map((e) => e.action)).toEqual([
      "article.create",
      "article.update",
      "article.update",
      "article.update",
      "article.update",
      "article.update",
      "article.publish",
      "article.update",
      "article.update",
    ]);
  });

  it("a section with insights cannot be removed; it can be closed to new ones instead", async () => {
    const admin = await person("ADMIN");
    const article = await createArticle(db);
    const section = article.sections.find((s) => s.anchor === "section-1")!;
    const author = await createUser(db);
    await createInsight(db, { sectionId: section.id, authorId: author.id });
    const refused = await appErrorOf(editorial.removeSection(admin, { id: section.id }));
    expect(refused.code).toBe("CONFLICT");
    expect(refused.message).toMatch(/has 1 insight.*Close it to new insights instead/);
    expect(await db.insight.count({ where: { sectionId: section.id } })).toBe(1);

    const closed = await editorial.updateSection(admin, {
      id: section.id,
      title: "First section",
      body: "The first section's body.",
      acceptsInsights: false,
    });
    expect(closed.article.sections.find((s) => s.id === section.id)).toMatchObject({
      acceptsInsights: false,
      insightCount: 1,
    });
    expect(closed.tags).toEqual([tags.article(article.id)]);
  });
});

describe("outline import", () => {
  it("makes a draft with the outline's title, summary and sections", async () => {
    const domain = await createDomain(db);
    session.userId = (await person("ADMIN")).id;
    const title = `Imported guide ${suffix()}`;
    const markdown = [
      `# ${title}`,
      "",
      "What this guide covers.",
      "",
      "## Comparison",
      "| A | B |",
      "| - | - |",
      "| 1 | 2 |",
      "",
      "## FAQ",
      "### Is it free?",
      "Yes.",
    ].join("\n");
    const result = await importOutlineAction({ domainId: domain.id, kind: "GUIDE", markdown });
    expect(result).toMatchObject({ ok: true, data: { sectionCount: 2 } });
    if (!result.ok) return;
    const article = await db.article.findUniqueOrThrow({
      where: { id: result.data.id },
      select: {
        title: true,
        summary: true,
        status: true,
        kind: true,
        slug: true,
        sections: { select: { title: true, anchor: true, body: true }, orderBy: { position: "asc" } },
      },
    });
    expect(article).toEqual({
      title,
      summary: "What this guide covers.",
      status: "DRAFT",
      kind: "GUIDE",
      slug: result.data.slug,
      sections: [
        { title: "Comparison", anchor: "comparison", body: "| A | B |\n| - | - |\n| 1 | 2 |" },
        { title: "FAQ", anchor: "faq", body: "### Is it free?\nYes." },
      ],
    });
    expect(result.data.slug).toMatch(/^imported-guide-/);
    expect(await resolveArticleSlug(result.data.slug)).toBeNull();
    expect((await auditOf(result.data.id)).map((e) => e.action)).toEqual(["article.create"]);
    expect(updateTag).not.toHaveBeenCalled();
  });

  it("answers a broken outline with its problems by line, and creates nothing", async () => {
    const domain = await createDomain(db);
    session.userId = (await person("ADMIN")).id;
    const result = await importOutlineAction({
      domainId: domain.id,
      kind: "GUIDE",
      markdown: "Intro\n## S\nBody",
    });
    expect(result).toMatchObject({
      ok: false,
      code: "INVALID_INPUT",
      fieldErrors: { markdown: expect.stringMatching(/^Line 1: .*# Title/) },
    });
    expect(await db.article.count({ where: { domainId: domain.id } })).toBe(0);
  });
});

describe("what readers said", () => {
  it("counts Yes and No and pages through the reasons, newest first", async () => {
    const admin = await person("ADMIN");
    const article = await createArticle(db);
    const base = Date.now();
    for (let i = 0; i < 25; i++) {
      const reader = await createUser(db);
      await db.articleFeedback.create({
        data: {
          articleId: article.id,
          userId: reader.id,
          liked: i % 5 === 0,
          reason: i % 5 === 0 || i === 24 ? null : `Reason ${i}`,
          updatedAt: new Date(base + i * 1000),
        },
      });
    }
    const first = await editorial.getArticleFeedbackSummary(admin, article.id, 1);
    expect(first).toMatchObject({ yes: 5, no: 20, page: 1, pageCount: 1 });
    expect(first.reasons).toHaveLength(19);
    expect(first.reasons[0]!.reason).toBe("Reason 23");
    // A page past the end shows the last one.
    expect((await editorial.getArticleFeedbackSummary(admin, article.id, 9)).page).toBe(1);
  });
});
