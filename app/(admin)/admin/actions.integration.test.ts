import { describe, expect, it, vi } from "vitest";
import { auditOf, db, draftWithSections, MINUTE, person, suffix } from "@/lib/data/editorial/testing";
import { session, updateTag } from "@/lib/testing/integration";
import { createDomain, createUser } from "@/prisma/factories";
import { importOutlineAction } from "./articles/import/actions";
import { createArticleAction } from "./articles/new/actions";
import * as articleActions from "./articles/[id]/actions";
import * as domainActions from "./domains/actions";

// The admin check of every editorial action, through the actions as a browser calls them. The data layer's
// own refusals are tested in lib/data/editorial.
await vi.hoisted(() => import("@/lib/testing/integration").then((t) => t.standInForNext()));

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
});
