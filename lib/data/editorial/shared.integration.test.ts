import { describe, expect, it } from "vitest";
import { appErrorOf } from "@/lib/testing/integration";
import * as articles from "./articles";
import * as domains from "./domains";
import * as publishing from "./publishing";
import { db, draftWithSections, person } from "./testing";

// The admin check of the data layer itself; the actions' own refusals are tested beside them, in
// app/(admin)/admin/actions.integration.test.ts.

describe("authorization: every editorial read and write is for admins only", () => {
  it("the data layer refuses non-admins too, whatever the action does", async () => {
    const article = await draftWithSections();
    for (const role of ["MEMBER", "MODERATOR"] as const) {
      const actor = await person(role);
      for (const attempt of [
        domains.listDomainsForAdmin(actor),
        articles.listArticlesForAdmin(actor, { status: "all", page: 1 }),
        articles.getArticleForEdit(actor, article.id),
        articles.getArticlePreview(actor, article.id),
        articles.getArticleFeedbackSummary(actor, article.id, 1),
        publishing.publishArticle(actor, { id: article.id }),
      ]) {
        expect((await appErrorOf(attempt)).code).toBe("FORBIDDEN");
      }
    }
    expect(await db.article.findUnique({ where: { id: article.id }, select: { status: true } })).toEqual({
      status: "DRAFT",
    });
  });
});
