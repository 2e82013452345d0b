import { describe, expect, it } from "vitest";
import { tags } from "@/lib/cache-tags";
import { appErrorOf } from "@/lib/testing/integration";
import { createArticle, createDomain, createInsight, createUser } from "@/prisma/factories";
import * as articles from "./articles";
import * as publishing from "./publishing";
import * as sections from "./sections";
import { auditOf, db, person } from "./testing";

describe("sections", () => {
  it("are added, edited, reordered and removed, one audit entry each", async () => {
    const admin = await person("ADMIN");
    const article = await articles.createArticle(admin, {
      domainId: (await createDomain(db)).id,
      kind: "GUIDE",
      title: "Sections",
      slug: "",
      summary: "S",
    });
    const add = (title: string) =>
      sections.addSection(admin, {
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
    const edited = await sections.updateSection(admin, {
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

    const moved = await sections.moveSection(admin, { id: third.sectionId, direction: "up" });
    expect(moved.article.sections.map((s) => s.title)).toEqual(["FAQ", "Pricing", "Setup"]);
    // Nothing above the first: no change, no entry.
    const first = moved.article.sections[0]!;
    await sections.moveSection(admin, { id: first.id, direction: "up" });

    await publishing.publishArticle(admin, { id: article.id });
    const renamed = await sections.updateSection(admin, {
      id: third.sectionId,
      title: "Plans and pricing",
      body: "x",
      acceptsInsights: true,
    });
    // Published: the anchor stays, links keep working.
    expect(renamed.article.sections[1]).toMatchObject({ title: "Plans and pricing", anchor: "pricing" });
    const removed = await sections.removeSection(admin, { id: second.sectionId });
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
    const refused = await appErrorOf(sections.removeSection(admin, { id: section.id }));
    expect(refused.code).toBe("CONFLICT");
    expect(refused.message).toMatch(/has 1 insight.*Close it to new insights instead/);
    expect(await db.insight.count({ where: { sectionId: section.id } })).toBe(1);

    const closed = await sections.updateSection(admin, {
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
