import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { handleFromName, newSlug, nextHandleCandidate, slugify, type SlugKind } from "./slug";
import { HANDLE_MAX, SLUG_PATTERN, isValidHandle } from "./slug-shape";

const SLUG_OR_EMPTY = /^([a-z0-9]+(-[a-z0-9]+)*)?$/;

describe("slugify", () => {
  it.each([
    ["Crème brûlée à la Française", "creme-brulee-a-la-francaise"],
    ["Ångström Ōsaka Ñandú", "angstrom-osaka-nandu"],
    ["  Hello,   World!!  ", "hello-world"],
    ["Rock & Roll", "rock-and-roll"],
    ["C++ / C# -- notes", "c-c-notes"],
    ["What's new in 2026?", "what-s-new-in-2026"],
    ["ＦＵＬＬ ｗｉｄｔｈ", "full-width"],
    ["---already-a-slug---", "already-a-slug"],
  ])("turns %j into %j", (text, slug) => {
    expect(slugify(text)).toBe(slug);
  });

  it.each([
    ["German", "Straße über Äpfel und Größen", "strasse-uber-apfel-und-grossen"],
    ["Polish", "Łódź i Gdańsk: źródła", "lodz-i-gdansk-zrodla"],
    ["Vietnamese", "Tiếng Việt có dấu", "tieng-viet-co-dau"],
    ["Cyrillic", "Привет, мир", "privet-mir"],
    ["Greek", "Καλημέρα κόσμε", "kalimera-kosme"],
    ["Chinese", "中文标题", "zhong-wen-biao-ti"],
    ["Chinese mixed with Latin", "React 入门指南", "react-ru-men-zhi-nan"],
    ["emoji among words", "🍕 Pizza night 🎉", "pizza-night"],
  ])("transliterates a %s title", (_script, text, slug) => {
    expect(slugify(text)).toBe(slug);
  });

  it("returns an empty slug when nothing is left", () => {
    expect(slugify("")).toBe("");
    expect(slugify("!!! ??? …")).toBe("");
    expect(slugify("🎉🎊 ✨")).toBe("");
  });

  it("cuts to the maximum length without leaving a trailing hyphen", () => {
    expect(slugify("abc def ghi", 4)).toBe("abc");
    expect(slugify("abc def ghi", 7)).toBe("abc-def");
    expect(slugify("a".repeat(100))).toHaveLength(80);
  });

  it("always produces lower-case words joined by single hyphens (or nothing)", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "binary", maxLength: 100 }),
        fc.integer({ min: 1, max: 120 }),
        (text, max) => {
          const slug = slugify(text, max);
          expect(slug).toMatch(SLUG_OR_EMPTY);
          expect(slug.length).toBeLessThanOrEqual(max);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("keeps plain ASCII words, lower-cased, in order", () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[A-Za-z0-9]{1,8}$/), { minLength: 1, maxLength: 6 }),
        (words) => {
          expect(slugify(words.join(" "), 1_000)).toBe(words.join("-").toLowerCase());
        },
      ),
    );
  });
});

describe("newSlug", () => {
  it("is the slugified name when it has letters or digits in any script", () => {
    expect(newSlug("Łódź", "article")).toBe("lodz");
    expect(newSlug("Привет, мир", "domain", 72)).toBe("privet-mir");
    expect(newSlug("a".repeat(200), "article", 112)).toBe("a".repeat(112));
  });

  it.each<[SlugKind, string]>([
    ["article", "🎉🎊"],
    ["guide", "!!! ???"],
    ["domain", ""],
    ["section", "✨ … ✨"],
  ])("names a %s with no letters or digits after its kind and a short id", (kind, text) => {
    const slug = newSlug(text, kind);
    expect(slug).toMatch(new RegExp(`^${kind}-[0-9a-f]{8}$`));
    expect(slug).toMatch(SLUG_PATTERN);
  });

  it("gives two such records different slugs", () => {
    expect(newSlug("🎉", "article")).not.toBe(newSlug("🎉", "article"));
  });

  it("always gives a slug within the length limit, whatever the text", () => {
    const kinds: SlugKind[] = ["article", "guide", "domain", "section"];
    fc.assert(
      fc.property(
        fc.string({ unit: "binary", maxLength: 100 }),
        fc.constantFrom(...kinds),
        fc.integer({ min: 20, max: 120 }),
        (text, kind, max) => {
          const slug = newSlug(text, kind, max);
          expect(slug).toMatch(SLUG_PATTERN);
          expect(slug.length).toBeLessThanOrEqual(max);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("handleFromName", () => {
  it.each([
    ["Ada Lovelace", "ada-lovelace"],
    ["  José  Núñez ", "jose-nunez"],
    ["Al", "member-al"],
    ["X", "member-x"],
    ["李小龍", "li-xiao-long"],
    ["Ōe", "member-oe"],
    ["!!!", "member"],
    ["Admin", "admin-member"],
    ["The Roundtable", "the-roundtable"],
    ["roundtable", "roundtable-member"],
    ["SUPPORT", "support-member"],
  ])("suggests %j → %j", (name, handle) => {
    expect(handleFromName(name)).toBe(handle);
  });

  it("keeps long names within the handle limit", () => {
    const handle = handleFromName("Maria Antonietta Giuseppina Francesca della Rovere");
    expect(handle.length).toBeLessThanOrEqual(HANDLE_MAX);
    expect(handle).toBe("maria-antonietta-giuseppina-fr");
  });

  it("always suggests a valid, unreserved handle", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 120 }), (name) => {
        expect(isValidHandle(handleFromName(name))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

describe("nextHandleCandidate", () => {
  it("counts up from 2", () => {
    expect(nextHandleCandidate("ada", 1)).toBe("ada-2");
    expect(nextHandleCandidate("ada", 2)).toBe("ada-3");
    expect(nextHandleCandidate("ada-lovelace", 9)).toBe("ada-lovelace-10");
  });

  it("shortens a full-length handle to make room for the suffix", () => {
    const full = "a".repeat(HANDLE_MAX);
    expect(nextHandleCandidate(full, 1)).toBe(`${"a".repeat(HANDLE_MAX - 2)}-2`);
    expect(nextHandleCandidate(full, 19)).toBe(`${"a".repeat(HANDLE_MAX - 3)}-20`);
  });

  it("does not leave a double hyphen where the cut falls on one", () => {
    const handle = `${"a".repeat(27)}-bc`; // 30 characters; cutting to 28 ends on the hyphen
    expect(nextHandleCandidate(handle, 1)).toBe(`${"a".repeat(27)}-2`);
  });

  it("stays a valid handle of at most 30 characters for any suggested handle and attempt", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), fc.integer({ min: 1, max: 19 }), (name, attempt) => {
        const candidate = nextHandleCandidate(handleFromName(name), attempt);
        expect(candidate.length).toBeLessThanOrEqual(HANDLE_MAX);
        expect(candidate).toMatch(SLUG_PATTERN);
        expect(candidate.endsWith(`-${attempt + 1}`)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
