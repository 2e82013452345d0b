import { describe, expect, it } from "vitest";
import {
  articleListSchema,
  createArticleSchema,
  createDomainSchema,
  moveDomainSchema,
  scheduleArticleSchema,
  sectionFormSchema,
  updateArticleSchema,
} from "./editorial";

describe("editorial schemas", () => {
  it("lower-cases a typed slug and lets an empty one be made from the title", () => {
    const base = { domainId: "d1", kind: "GUIDE", title: "  A title ", summary: "S" };
    expect(createArticleSchema.parse({ ...base, slug: " Career-Growth " })).toMatchObject({
      slug: "career-growth",
      title: "A title",
    });
    expect(createArticleSchema.parse({ ...base, slug: "" }).slug).toBe("");
    // An existing article always has a slug.
    expect(updateArticleSchema.safeParse({ ...base, id: "a1", slug: "" }).success).toBe(false);
  });

  it("refuses slugs that are not words joined by single hyphens", () => {
    for (const slug of ["two--hyphens", "-leading", "trailing-", "spaces here", "ünïcode", "under_score"]) {
      const result = createDomainSchema.safeParse({ name: "N", slug, description: "" });
      expect({ slug, success: result.success }).toEqual({ slug, success: false });
    }
    expect(
      createArticleSchema.safeParse({
        domainId: "d",
        kind: "GUIDE",
        title: "T",
        summary: "S",
        slug: "x".repeat(121),
      }).success,
    ).toBe(false);
  });

  it("reads an empty parent as the top level", () => {
    expect(moveDomainSchema.parse({ id: "d", parentId: "" }).parentId).toBeNull();
    expect(moveDomainSchema.parse({ id: "d", parentId: null }).parentId).toBeNull();
    expect(createDomainSchema.parse({ name: "N", slug: "", description: "" }).parentId).toBeNull();
    expect(moveDomainSchema.parse({ id: "d", parentId: "p" }).parentId).toBe("p");
  });

  it("requires a title, a summary, a domain and a known kind", () => {
    const result = createArticleSchema.safeParse({
      domainId: "",
      kind: "ESSAY",
      title: " ",
      slug: "",
      summary: "",
    });
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((issue) => issue.path[0]).sort();
    expect(paths).toEqual(["domainId", "kind", "summary", "title"]);
  });

  it("keeps a section body's leading indentation and drops trailing whitespace", () => {
    expect(
      sectionFormSchema.parse({ title: "T", body: "    code\n\n  \n", acceptsInsights: true }).body,
    ).toBe("    code");
  });

  it("takes a scheduled time only with its offset, as a Date", () => {
    expect(
      scheduleArticleSchema.parse({ id: "a", scheduledAt: "2026-12-01T09:30:00.000Z" }).scheduledAt,
    ).toEqual(new Date("2026-12-01T09:30:00.000Z"));
    expect(
      scheduleArticleSchema.parse({ id: "a", scheduledAt: "2026-12-01T09:30:00+02:00" }).scheduledAt,
    ).toEqual(new Date("2026-12-01T07:30:00.000Z"));
    // Without an offset the moment is ambiguous: the form converts local time before sending.
    expect(scheduleArticleSchema.safeParse({ id: "a", scheduledAt: "2026-12-01T09:30" }).success).toBe(false);
    expect(scheduleArticleSchema.safeParse({ id: "a", scheduledAt: "" }).success).toBe(false);
  });

  it("reads the article list's filters from the URL, falling back on anything odd", () => {
    expect(articleListSchema.parse({ status: "scheduled", page: "3" })).toEqual({
      status: "scheduled",
      page: 3,
    });
    expect(articleListSchema.parse({ status: "secret", page: "-1" })).toEqual({ status: "all", page: 1 });
  });
});
