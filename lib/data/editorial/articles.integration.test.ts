import { describe, expect, it, vi } from "vitest";
import { importOutlineAction } from "@/app/(admin)/admin/articles/import/actions";
import { appErrorOf, session, updateTag } from "@/lib/testing/integration";
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
import { auditOf, db, draftWithSections, MINUTE, person, suffix } from "./testing";

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
    const first = await articles.getArticleFeedbackSummary(admin, article.id, 1);
    expect(first).toMatchObject({ yes: 5, no: 20, page: 1, pageCount: 1 });
    expect(first.reasons).toHaveLength(19);
    expect(first.reasons[0]!.reason).toBe("Reason 23");
    // A page past the end shows the last one.
    expect((await articles.getArticleFeedbackSummary(admin, article.id, 9)).page).toBe(1);
  });
});
