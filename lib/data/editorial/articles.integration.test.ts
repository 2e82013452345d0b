import { describe, expect, it, vi } from "vitest";
import { appErrorOf } from "@/lib/testing/integration";
import { createArticle, createDomain, createUser } from "@/prisma/factories";
import {
  getArticleView,
  getDomainTree,
  getDomainView,
  getLatestArticles,
  resolveArticleSlug,
} from "../content";
import * as articles from "./articles";
import * as publishing from "./publishing";
import { db, draftWithSections, MINUTE, person, suffix } from "./testing";

await vi.hoisted(() => import("@/lib/testing/integration").then((t) => t.standInForNext()));

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
      expect((await appErrorOf(articles.getArticlePreview(await person(role), draft.id))).code).toBe(
        "FORBIDDEN",
      );
    }
    const preview = await articles.getArticlePreview(await person("ADMIN"), draft.id);
    expect(preview).toMatchObject({
      status: "DRAFT",
      view: {
        id: draft.id,
        title: draft.title,
        sections: [{ title: "First section" }, { title: "Second section" }],
      },
    });
  });
});

describe("the list of articles", () => {
  it("the listing filters scheduled drafts apart from the others", async () => {
    const admin = await person("ADMIN");
    const domain = await createDomain(db);
    const plain = await draftWithSections(domain.id);
    const scheduled = await draftWithSections(domain.id);
    const live = await createArticle(db, { domainId: domain.id });
    await publishing.scheduleArticle(admin, {
      id: scheduled.id,
      scheduledAt: new Date(Date.now() + 60 * MINUTE),
    });
    const ids = async (status: "all" | "draft" | "scheduled" | "published") =>
      (await articles.listArticlesForAdmin(admin, { status, domain: domain.id, page: 1 })).articles.map(
        (a) => a.id,
      );
    expect(await ids("all")).toEqual([live.id, scheduled.id, plain.id]);
    expect(await ids("draft")).toEqual([plain.id]);
    expect(await ids("scheduled")).toEqual([scheduled.id]);
    expect(await ids("published")).toEqual([live.id]);
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
    const first = await articles.getArticleFeedbackSummary(admin, article.id, 1);
    expect(first).toMatchObject({ yes: 5, no: 20, page: 1, pageCount: 1 });
    expect(first.reasons).toHaveLength(19);
    expect(first.reasons[0]!.reason).toBe("Reason 23");
    // A page past the end shows the last one.
    expect((await articles.getArticleFeedbackSummary(admin, article.id, 9)).page).toBe(1);
  });
});
