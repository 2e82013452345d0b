import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  formatResultCount,
  HIGHLIGHT_START as S,
  HIGHLIGHT_STOP as E,
  hasHighlight,
  parseHighlight,
  parseSnippet,
  plainText,
  unhighlighted,
} from "./search";

describe("parseHighlight", () => {
  it("splits a headline into plain and highlighted runs", () => {
    expect(parseHighlight(`Grow your ${S}career${E} through ${S}mentoring${E}.`)).toEqual([
      { text: "Grow your ", highlighted: false },
      { text: "career", highlighted: true },
      { text: " through ", highlighted: false },
      { text: "mentoring", highlighted: true },
      { text: ".", highlighted: false },
    ]);
  });

  it("merges adjacent highlights and drops empty runs", () => {
    expect(parseHighlight(`${S}career${E}${S}growth${E}`)).toEqual([
      { text: "careergrowth", highlighted: true },
    ]);
    expect(parseHighlight(`${S}${E}`)).toEqual([]);
    expect(parseHighlight("")).toEqual([]);
  });

  it("keeps HTML as text: it is rendered by React, never as markup", () => {
    expect(parseHighlight(`<script>alert(1)</script> ${S}<b>${E}`)).toEqual([
      { text: "<script>alert(1)</script> ", highlighted: false },
      { text: "<b>", highlighted: true },
    ]);
  });

  it("survives unpaired markers", () => {
    expect(parseHighlight(`a ${E}b ${S}c`)).toEqual([
      { text: "a b ", highlighted: false },
      { text: "c", highlighted: true },
    ]);
  });

  it("loses no text, whatever the input", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.constantFrom(S, E))), (parts) => {
        const raw = parts.join("");
        const segments = parseHighlight(raw);
        expect(segments.map((s) => s.text).join("")).toBe(plainText(raw).replace(/[\u0001\u0002]/g, ""));
        expect(segments.every((s) => s.text.length > 0)).toBe(true);
      }),
    );
  });
});

describe("plainText", () => {
  it.each([
    ["links", "See [the guide](https://example.com/a_b) now", "See the guide now"],
    ["autolinks", "At <https://example.com> today", "At https://example.com today"],
    ["emphasis", "**Bold**, *italic*, _also italic_ and `code`", "Bold, italic, also italic and code"],
    ["snake_case", "use snake_case names", "use snake_case names"],
    ["headings and lists", "## Heading\n- one\n- two\n1. three", "Heading one two three"],
    ["quotes", "> quoted words", "quoted words"],
    ["tables", "| Tool | Cost |\n| --- | :---: |\n| A | 1 |", "Tool Cost A 1"],
    ["strike-through", "~~old~~ new", "old new"],
  ])("drops the Markdown of %s", (_label, markdown, text) => {
    expect(plainText(markdown)).toBe(text);
  });

  it("keeps highlight markers around words inside Markdown", () => {
    expect(
      parseHighlight(`**${S}career${E}** in [${S}growth${E} plans](https://x.test/${S}growth${E})`),
    ).toEqual([
      { text: "career", highlighted: true },
      { text: " in ", highlighted: false },
      { text: "growth", highlighted: true },
      { text: " plans", highlighted: false },
    ]);
    expect(parseHighlight(`_${S}career${E}_ moves`)).toEqual([
      { text: "career", highlighted: true },
      { text: " moves", highlighted: false },
    ]);
  });
});

describe("parseSnippet", () => {
  const text =
    "Frontend and backend work both lead to good careers, but they reward different strengths and open different doors.";

  it("adds no ellipsis to a passage that is the whole text", () => {
    const raw = text.replace("careers", `${S}careers${E}`);
    expect(parseSnippet(raw, text.slice(0, 80), text.slice(-80))).toEqual(parseHighlight(raw));
  });

  it("marks where a passage was cut from its text", () => {
    const raw = `${S}careers${E}, but they reward different strengths`;
    expect(parseSnippet(raw, text.slice(0, 80), text.slice(-80))).toEqual([
      { text: "… ", highlighted: false },
      { text: "careers", highlighted: true },
      { text: ", but they reward different strengths …", highlighted: false },
    ]);
  });

  it("marks a cut at one end only", () => {
    const start = parseSnippet(`Frontend and backend work both lead to good ${S}careers${E}`, text, text);
    expect(start.at(-1)).toEqual({ text: " …", highlighted: false });
    expect(start[0]).toEqual({ text: "Frontend and backend work both lead to good ", highlighted: false });
    const end = parseSnippet(`they reward different ${S}strengths${E} and open different doors.`, text, text);
    expect(end[0]).toEqual({ text: "… they reward different ", highlighted: false });
    expect(end.at(-1)).toEqual({ text: " and open different doors.", highlighted: false });
  });

  it("leaves an empty passage empty", () => {
    expect(parseSnippet("", text, text)).toEqual([]);
  });
});

describe("helpers", () => {
  it("tells whether anything is highlighted", () => {
    expect(hasHighlight(parseHighlight(`a ${S}b${E}`))).toBe(true);
    expect(hasHighlight(parseHighlight("a b"))).toBe(false);
  });

  it("makes one unhighlighted run of plain text", () => {
    expect(unhighlighted("**A** summary")).toEqual([{ text: "A summary", highlighted: false }]);
    expect(unhighlighted("  ")).toEqual([]);
  });

  it("formats capped counts", () => {
    expect(formatResultCount(0, 500)).toBe("0 results");
    expect(formatResultCount(1, 500)).toBe("1 result");
    expect(formatResultCount(499, 500)).toBe("499 results");
    expect(formatResultCount(500, 500)).toBe("500+ results");
    expect(formatResultCount(1, 500, ["guide", "guides"])).toBe("1 guide");
    expect(formatResultCount(1200, 1000, ["insight", "insights"])).toBe("1,000+ insights");
  });
});
