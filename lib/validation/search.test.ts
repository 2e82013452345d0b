import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  normalizeSearchQuery,
  parseSearchParams,
  SEARCH_PAGE_MAX,
  SEARCH_QUERY_MAX,
  searchHref,
  searchRequestSchema,
} from "./search";

describe("normalizeSearchQuery", () => {
  it("trims and collapses white space", () => {
    expect(normalizeSearchQuery("  career \n\t growth  ")).toBe("career growth");
  });

  it("keeps the query syntax for PostgreSQL to read", () => {
    expect(normalizeSearchQuery('"career growth" or mentoring -java')).toBe(
      '"career growth" or mentoring -java',
    );
    expect(normalizeSearchQuery("' \\ &|! :*")).toBe("' \\ &|! :*");
  });

  it("turns NUL and other control characters into spaces", () => {
    expect(normalizeSearchQuery("career\u0000growth")).toBe("career growth");
    expect(normalizeSearchQuery("\u0001a\u0002\u007f\u009fb\u001b")).toBe("a b");
    expect(normalizeSearchQuery("\u0000")).toBe("");
  });

  it("drops lone surrogates but keeps emoji whole", () => {
    expect(normalizeSearchQuery("\ud83d career \udc4d")).toBe("career");
    expect(normalizeSearchQuery("👍 career 🧑🏽‍💻")).toBe("👍 career 🧑🏽‍💻");
  });

  it(`cuts a long query to ${SEARCH_QUERY_MAX} characters instead of refusing it`, () => {
    expect(normalizeSearchQuery("x".repeat(10_000))).toBe("x".repeat(SEARCH_QUERY_MAX));
    expect(normalizeSearchQuery("x".repeat(SEARCH_QUERY_MAX))).toBe("x".repeat(SEARCH_QUERY_MAX));
    // Counted in characters, so an emoji is never cut in half.
    const emoji = normalizeSearchQuery("👍".repeat(5_000));
    expect(Array.from(emoji)).toHaveLength(SEARCH_QUERY_MAX);
    expect(emoji).toBe("👍".repeat(SEARCH_QUERY_MAX));
    // A cut that ends on a space is trimmed.
    expect(normalizeSearchQuery(`${"x".repeat(SEARCH_QUERY_MAX - 1)} yyy`)).toBe(
      "x".repeat(SEARCH_QUERY_MAX - 1),
    );
  });

  it("reads anything but text as no query", () => {
    expect(normalizeSearchQuery(undefined)).toBe("");
    expect(normalizeSearchQuery(42)).toBe("");
    expect(normalizeSearchQuery({ toString: () => "x" })).toBe("");
  });

  it("always gives well-formed, bounded text without NUL or surrounding spaces", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 1_000 }), (input) => {
        const output = normalizeSearchQuery(input);
        expect(output).not.toMatch(/[\u0000-\u001f]/);
        expect(Array.from(output).length).toBeLessThanOrEqual(SEARCH_QUERY_MAX);
        expect(output).toBe(output.trim());
        // Well-formed UTF-16: encoding it as UTF-8 and back changes nothing.
        expect(Buffer.from(output, "utf8").toString("utf8")).toBe(output);
      }),
    );
  });
});

describe("parseSearchParams", () => {
  it("reads a full request", () => {
    expect(
      parseSearchParams({ q: " growth ", kind: "guides", domain: "software-development", page: "3" }),
    ).toEqual({
      q: "growth",
      kind: "guides",
      domain: "software-development",
      page: 3,
    });
  });

  it("reads a lone parameter, defaulting the others", () => {
    expect(parseSearchParams({ q: "growth" })).toEqual({
      q: "growth",
      kind: "all",
      domain: undefined,
      page: 1,
    });
    expect(parseSearchParams({ page: "4" })).toEqual({ q: "", kind: "all", domain: undefined, page: 4 });
  });

  it("defaults everything that is missing", () => {
    expect(parseSearchParams({})).toEqual({ q: "", kind: "all", domain: undefined, page: 1 });
    expect(parseSearchParams(undefined)).toEqual({ q: "", kind: "all", domain: undefined, page: 1 });
  });

  it("takes the first of a repeated parameter", () => {
    expect(
      parseSearchParams({ q: ["first", "second"], kind: ["insights", "guides"], page: ["2", "5"] }),
    ).toMatchObject({
      q: "first",
      kind: "insights",
      page: 2,
    });
  });

  it.each([
    ["an unknown kind", { kind: "users" }, { kind: "all" }],
    ["a kind in capitals", { kind: "GUIDES" }, { kind: "all" }],
    ["a malformed domain", { domain: "Not A Slug!" }, { domain: undefined }],
    ["an over-long domain", { domain: "a".repeat(81) }, { domain: undefined }],
    ["page 0", { page: "0" }, { page: 1 }],
    ["a negative page", { page: "-2" }, { page: 1 }],
    ["a fractional page", { page: "1.5" }, { page: 1 }],
    ["a page in words", { page: "two" }, { page: 1 }],
    ["a huge page", { page: "99999999999999999999" }, { page: 1 }],
    ["a page past the last one served", { page: "51" }, { page: SEARCH_PAGE_MAX }],
  ])("falls back to the default for %s", (_label, params, expected) => {
    expect(parseSearchParams(params)).toMatchObject(expected);
  });

  it("never throws, whatever the parameters", () => {
    const value = fc.oneof(
      fc.string(),
      fc.array(fc.string()),
      fc.constant(undefined),
      fc.integer(),
      fc.object(),
    );
    fc.assert(
      fc.property(
        fc.record({ q: value, kind: value, domain: value, page: value }, { requiredKeys: [] }),
        (params) => {
          // Each parameter falls back on its own: the schema itself accepts every record.
          expect(searchRequestSchema.safeParse(params).success).toBe(true);
          const request = parseSearchParams(params);
          expect(["all", "articles", "guides", "insights"]).toContain(request.kind);
          expect(request.page).toBeGreaterThanOrEqual(1);
          expect(request.page).toBeLessThanOrEqual(SEARCH_PAGE_MAX);
        },
      ),
    );
    expect(parseSearchParams("q=x")).toEqual({ q: "", kind: "all", domain: undefined, page: 1 });
    expect(parseSearchParams(null)).toEqual({ q: "", kind: "all", domain: undefined, page: 1 });
  });
});

describe("searchHref", () => {
  it("leaves out defaults", () => {
    expect(searchHref({})).toBe("/search");
    expect(searchHref({ q: "growth", kind: "all", page: 1 })).toBe("/search?q=growth");
  });

  it("encodes every parameter", () => {
    expect(searchHref({ q: '"a b" & c', kind: "insights", domain: "software", page: 2 })).toBe(
      "/search?q=%22a+b%22+%26+c&kind=insights&domain=software&page=2",
    );
  });

  it("round-trips through parseSearchParams", () => {
    const request = {
      q: "career -java 👍",
      kind: "guides",
      domain: "software-development",
      page: 4,
    } as const;
    const url = new URL(searchHref(request), "http://localhost");
    expect(parseSearchParams(Object.fromEntries(url.searchParams))).toEqual(request);
  });
});
