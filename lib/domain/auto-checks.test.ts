import { describe, expect, it } from "vitest";
import { countLinks } from "@/lib/markdown/links";
import {
  AUTO_CHECK_LIMITS,
  checkBlockedTerms,
  checkLinks,
  checkNearDuplicate,
  checkTypingSpeed,
  describeAutoFlags,
  findBlockedTerms,
  normalizeBlockedTerm,
  runAutoChecks,
  textSimilarity,
  typedCharacters,
} from "./auto-checks";

const ORIGINAL =
  "Pairing with the platform team every sprint taught me more about how our services fail than any course did, and it made my code reviews far more useful to the rest of the team.";
const OTHER_PERSON =
  "When I switched to backend work I kept a small notebook of every production incident I read about, and rereading it before on-call weeks made me calmer and much quicker to find the cause.";

describe("checkLinks", () => {
  it(`allows up to ${AUTO_CHECK_LIMITS.maxLinks} links and flags more`, () => {
    expect(AUTO_CHECK_LIMITS.maxLinks).toBe(3);
    expect(checkLinks(0)).toBeNull();
    expect(checkLinks(3)).toBeNull();
    expect(checkLinks(4)).toEqual({ code: "too-many-links", label: "4 links (more than 3)" });
  });

  it("counts links as the renderer shows them (countLinks)", () => {
    const body = `${ORIGINAL} https://a.example [b](https://b.example) <https://c.example> www.d.example`;
    expect(checkLinks(countLinks(body))?.code).toBe("too-many-links");
  });
});

describe("blocked terms", () => {
  it("matches a term as a whole word, whatever its case", () => {
    expect(findBlockedTerms("Try our CASINO tonight.", ["casino"])).toEqual(["casino"]);
    expect(findBlockedTerms("casino", ["casino"])).toEqual(["casino"]);
    expect(findBlockedTerms("**Casino**!", ["casino"])).toEqual(["casino"]);
  });

  it("does not match inside another word", () => {
    expect(findBlockedTerms("The casinos and precasino era", ["casino"])).toEqual([]);
    expect(findBlockedTerms("Scunthorpe is a town.", ["cunt"])).toEqual([]);
    expect(findBlockedTerms("casino_royale", ["casino"])).toEqual([]);
  });

  it("matches a phrase across any whitespace, not its words apart", () => {
    expect(findBlockedTerms("Click to buy\n  now and save", ["buy now"])).toEqual(["buy now"]);
    expect(findBlockedTerms("Buy it now", ["buy now"])).toEqual([]);
  });

  it("sees through Unicode compatibility forms and invisible characters", () => {
    // full-width letters, a ligature and a zero-width space all fold to the plain term
    expect(findBlockedTerms("Ｃａｓｉｎｏ bonus", ["casino"])).toEqual(["casino"]);
    expect(findBlockedTerms("Free ﬁnance tips", ["finance"])).toEqual(["finance"]);
    expect(findBlockedTerms("cas\u200Bino", ["casino"])).toEqual(["casino"]);
  });

  it("matches terms in other scripts and terms with punctuation, treating them literally", () => {
    expect(findBlockedTerms("Это казино рядом", ["казино"])).toEqual(["казино"]);
    expect(findBlockedTerms("Earn $$$ fast", ["$$$"])).toEqual(["$$$"]);
    expect(findBlockedTerms("a.b.c", ["a+b"])).toEqual([]);
  });

  it("names every term found in the label", () => {
    expect(checkBlockedTerms("Casino and crypto giveaway", ["crypto giveaway", "casino", "poker"])).toEqual({
      code: "blocked-term",
      label: "Contains the blocked terms “crypto giveaway”, “casino”",
    });
    expect(checkBlockedTerms("Casino night", ["casino"])?.label).toBe("Contains the blocked term “casino”");
    expect(checkBlockedTerms(ORIGINAL, ["casino"])).toBeNull();
    expect(checkBlockedTerms(ORIGINAL, [])).toBeNull();
  });

  it("normalises a term for storage: folded, lower-case, single spaces", () => {
    expect(normalizeBlockedTerm("  Buy \t NOW ")).toBe("buy now");
    expect(normalizeBlockedTerm("Ｃａｓｉｎｏ")).toBe("casino");
  });
});

describe("near-duplicates", () => {
  it("scores a copy 1 and two people's own words near 0", () => {
    expect(textSimilarity(ORIGINAL, ORIGINAL)).toBe(1);
    expect(textSimilarity(ORIGINAL, OTHER_PERSON)).toBeLessThan(0.1);
  });

  it("ignores case, punctuation, Markdown and spacing", () => {
    const restyled = `**${ORIGINAL.toUpperCase().replace(/,/g, " ;")}**`;
    expect(textSimilarity(ORIGINAL, restyled)).toBe(1);
  });

  it("flags a copy with a few words changed", () => {
    const tweaked = ORIGINAL.replace("platform", "infrastructure").replace("sprint", "week");
    expect(checkNearDuplicate(tweaked, [OTHER_PERSON, ORIGINAL])).toEqual({
      code: "near-duplicate",
      label: expect.stringMatching(/^\d+% the same as another recent insight$/) as string,
    });
  });

  it("flags a copy padded with more text", () => {
    const padded = `${ORIGINAL} Visit my site for the full story, with many more tips and tricks about careers and teams.`;
    expect(checkNearDuplicate(padded, [ORIGINAL])?.code).toBe("near-duplicate");
  });

  it("does not flag an insight on the same topic in different words", () => {
    const sameTopic =
      "Our platform team let me sit in on their sprint planning, and seeing how they weigh reliability against new features changed how I review my colleagues' code.";
    expect(checkNearDuplicate(sameTopic, [ORIGINAL, OTHER_PERSON])).toBeNull();
    expect(checkNearDuplicate(ORIGINAL, [])).toBeNull();
  });
});

describe("typing speed", () => {
  it(`flags more than ${AUTO_CHECK_LIMITS.maxCharsPerSecond} characters a second`, () => {
    expect(AUTO_CHECK_LIMITS.maxCharsPerSecond).toBe(15);
    expect(checkTypingSpeed(150, 10_000)).toBeNull(); // exactly 15 a second
    expect(checkTypingSpeed(151, 10_000)).toEqual({
      code: "too-fast",
      label: "151 characters in 10.0 s (a person types at most 15 a second)",
    });
  });

  it("flags pasted text submitted at once, and a zero time", () => {
    expect(checkTypingSpeed(300, 400)?.code).toBe("too-fast");
    expect(checkTypingSpeed(300, 0)?.code).toBe("too-fast");
  });

  it("passes a person typing at a normal pace", () => {
    expect(checkTypingSpeed(300, 60_000)).toBeNull();
  });

  it("does not judge an unknown time, or a change of a few characters", () => {
    expect(checkTypingSpeed(300, undefined)).toBeNull();
    expect(checkTypingSpeed(AUTO_CHECK_LIMITS.minTimedChars - 1, 0)).toBeNull();
    expect(checkTypingSpeed(AUTO_CHECK_LIMITS.minTimedChars, 0)?.code).toBe("too-fast");
  });

  it("counts what an edit typed: the changed middle, not the whole text", () => {
    expect(typedCharacters("", "hello")).toBe(5);
    expect(typedCharacters("hello world", "hello brave world")).toBe(6);
    expect(typedCharacters("hello world", "hello world!")).toBe(1);
    expect(typedCharacters("hello world", "hello")).toBe(0);
    expect(typedCharacters("same", "same")).toBe(0);
    expect(typedCharacters("aaa", "aaaa")).toBe(1);
    expect(typedCharacters("😀 a", "😀 b")).toBe(1);
  });
});

describe("runAutoChecks", () => {
  const clean = {
    body: ORIGINAL,
    links: 0,
    blockedTerms: ["casino"],
    recentBodies: [OTHER_PERSON],
    composeMs: 60_000,
  };

  it("finds nothing in an ordinary insight typed at a normal pace", () => {
    expect(runAutoChecks(clean)).toEqual([]);
  });

  it("reports every check that trips, in a fixed order", () => {
    const flags = runAutoChecks({
      ...clean,
      body: `${ORIGINAL} casino`,
      links: 4,
      recentBodies: [ORIGINAL],
      composeMs: 1_000,
    });
    expect(flags.map((flag) => flag.code)).toEqual([
      "too-many-links",
      "blocked-term",
      "near-duplicate",
      "too-fast",
    ]);
  });

  it("times the whole body unless told how much was typed", () => {
    expect(runAutoChecks({ ...clean, composeMs: 2_000 }).map((f) => f.code)).toEqual(["too-fast"]);
    expect(runAutoChecks({ ...clean, composeMs: 2_000, typedChars: 25 })).toEqual([]);
  });
});

describe("describeAutoFlags", () => {
  it("labels stored codes, naming the blocked term when the body and terms are given", () => {
    expect(describeAutoFlags(["too-fast", "near-duplicate", "too-many-links"])).toEqual([
      { code: "too-fast", label: "Posted faster than a person types" },
      { code: "near-duplicate", label: "Nearly the same as another recent insight" },
      { code: "too-many-links", label: "More than 3 links" },
    ]);
    expect(describeAutoFlags(["blocked-term"])).toEqual([
      { code: "blocked-term", label: "Contains a blocked term" },
    ]);
    expect(describeAutoFlags(["blocked-term"], { body: "Casino!", blockedTerms: ["casino"] })).toEqual([
      { code: "blocked-term", label: "Contains the blocked term “casino”" },
    ]);
  });

  it("shows an unknown code as it is", () => {
    expect(describeAutoFlags(["something-new"])).toEqual([{ code: "something-new", label: "something-new" }]);
  });
});
