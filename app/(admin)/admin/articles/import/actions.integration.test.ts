import { describe, expect, it, vi } from "vitest";
import { resolveArticleSlug } from "@/lib/data/content";
import { auditOf, db, person, suffix } from "@/lib/data/editorial/testing";
import { session, updateTag } from "@/lib/testing/integration";
import { createDomain } from "@/prisma/factories";
import { importOutlineAction } from "./actions";

await vi.hoisted(() => import("@/lib/testing/integration").then((t) => t.standInForNext()));

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
