import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { describeOutlineErrors, OUTLINE_LIMITS, parseOutline, type OutlineResult } from "./outline";

function outlineOf(result: OutlineResult) {
  if (!result.ok) throw new Error(`expected an outline, got ${describeOutlineErrors(result.errors)}`);
  return result.outline;
}

function errorsOf(result: OutlineResult) {
  if (result.ok) throw new Error("expected errors, got an outline");
  return result.errors;
}

describe("parseOutline", () => {
  it("reads the title, the summary and each section with its body", () => {
    const outline = outlineOf(
      parseOutline(
        [
          "# Choosing a database",
          "",
          "How teams pick between relational and document stores.",
          "",
          "## Start from your queries",
          "Write down the questions first.",
          "",
          "Then the shape of the data.",
          "",
          "## Consistency needs",
          "Transactions matter when money moves.",
        ].join("\n"),
      ),
    );
    expect(outline).toEqual({
      title: "Choosing a database",
      summary: "How teams pick between relational and document stores.",
      sections: [
        {
          title: "Start from your queries",
          body: "Write down the questions first.\n\nThen the shape of the data.",
        },
        { title: "Consistency needs", body: "Transactions matter when money moves." },
      ],
    });
  });

  it("keeps tables, ordered lists and FAQ blocks inside a section's body as written", () => {
    const body = [
      "| Store | Good at |",
      "| --- | --- |",
      "| PostgreSQL | joins |",
      "",
      "1. Measure",
      "2. Decide",
      "",
      "### Is NoSQL faster?",
      "Not by itself.",
      "",
      "#### A deeper heading",
      "Still the same section.",
    ].join("\n");
    const outline = outlineOf(parseOutline(`# Title\nSummary.\n\n## FAQ\n\n${body}\n\n`));
    expect(outline.sections).toEqual([{ title: "FAQ", body }]);
  });

  it("joins summary paragraphs and their line breaks into one line", () => {
    const outline = outlineOf(
      parseOutline("# T\nFirst line\nsecond line.\n\nAnother paragraph.\n## S\nbody"),
    );
    expect(outline.summary).toBe("First line second line. Another paragraph.");
  });

  it("treats headings inside fenced code as code", () => {
    const outline = outlineOf(
      parseOutline("# T\nSummary.\n## Shell\n```sh\n# not a title\n## not a section\n```\nAfter.\n"),
    );
    expect(outline.sections).toEqual([
      { title: "Shell", body: "```sh\n# not a title\n## not a section\n```\nAfter." },
    ]);
  });

  it("accepts Windows line endings, a byte-order mark, indented and closed headings", () => {
    const outline = outlineOf(
      parseOutline("\uFEFF\r\n  # Title #\r\nSummary.\r\n ## Section ##\r\nBody.\r\n"),
    );
    expect(outline).toEqual({
      title: "Title",
      summary: "Summary.",
      sections: [{ title: "Section", body: "Body." }],
    });
  });

  it("says on which line the title is missing", () => {
    expect(errorsOf(parseOutline("\n\nJust some text\n## Section\nBody"))).toEqual([
      { line: 3, message: expect.stringContaining("“# Title”") },
    ]);
    expect(errorsOf(parseOutline(""))[0]).toMatchObject({ line: 1 });
    // Without a space `#Title` is a hashtag, not a heading.
    expect(errorsOf(parseOutline("#Title\nSummary\n## S\nB"))[0]).toMatchObject({ line: 1 });
  });

  it("reports every problem at once, in line order", () => {
    const errors = errorsOf(parseOutline("# Title\n## \nBody\n# Second title\n"));
    expect(errors).toEqual([
      { line: 2, message: "Give this section a title after “## ”." },
      { line: 2, message: expect.stringContaining("summary") },
      { line: 4, message: expect.stringContaining("Only the first line") },
    ]);
    expect(describeOutlineErrors(errors).split("\n")).toHaveLength(3);
  });

  it("needs at least one section", () => {
    expect(errorsOf(parseOutline("# Title\nA summary.\n"))).toEqual([
      { line: 3, message: expect.stringContaining("at least one section") },
    ]);
  });

  it("refuses headings in the summary and an unclosed code fence", () => {
    expect(errorsOf(parseOutline("# T\nSummary\n### Aside\n## S\nB"))).toEqual([
      { line: 3, message: expect.stringContaining("summary is plain text") },
    ]);
    expect(errorsOf(parseOutline("# T\nSummary\n## S\n```\n## Lost\n"))).toEqual([
      { line: 4, message: expect.stringContaining("never closed") },
    ]);
  });

  it("enforces the article's limits with the offending line", () => {
    const long = "x".repeat(OUTLINE_LIMITS.titleMax + 1);
    expect(errorsOf(parseOutline(`# ${long}\nSummary\n## S\nB`))).toEqual([
      { line: 1, message: expect.stringContaining("title") },
    ]);
    expect(errorsOf(parseOutline(`# T\n\n${"y".repeat(OUTLINE_LIMITS.summaryMax + 1)}\n## S\nB`))).toEqual([
      { line: 3, message: expect.stringContaining("summary") },
    ]);
    expect(errorsOf(parseOutline(`# T\nS\n## ${long}\nB`))).toEqual([
      { line: 3, message: expect.stringContaining("section titles") },
    ]);
  });

  it("round-trips any outline it could have been given", () => {
    const word = fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{0,10}$/);
    const sentence = fc.array(word, { minLength: 1, maxLength: 6 }).map((words) => words.join(" "));
    fc.assert(
      fc.property(
        sentence,
        sentence,
        fc.array(fc.record({ title: sentence, body: fc.array(sentence, { maxLength: 3 }) }), {
          minLength: 1,
          maxLength: 5,
        }),
        (title, summary, sections) => {
          const markdown = [
            `# ${title}`,
            "",
            summary,
            ...sections.flatMap((s) => ["", `## ${s.title}`, "", ...s.body.map((p) => `${p}\n`)]),
          ].join("\n");
          expect(outlineOf(parseOutline(markdown))).toEqual({
            title,
            summary,
            sections: sections.map((s) => ({ title: s.title, body: s.body.join("\n\n") })),
          });
        },
      ),
    );
  });
});
