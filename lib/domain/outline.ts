// A Markdown outline pasted by an editor, turned into the parts of a draft article:
//
//   # Title
//   A summary paragraph (or several).
//   ## First section
//   Its body: any Markdown, tables, lists and FAQ blocks (### Question?) included.
//   ## Second section
//   …
//
// Pure: no I/O, so the import page checks an outline as it is typed and the server checks it again.

export const OUTLINE_LIMITS = {
  titleMax: 200,
  summaryMax: 1000,
  sectionTitleMax: 200,
  sectionBodyMax: 20_000,
  sections: 50,
} as const;

export type OutlineSection = { title: string; body: string };
export type Outline = { title: string; summary: string; sections: OutlineSection[] };
export type OutlineError = { line: number; message: string };
export type OutlineResult = { ok: true; outline: Outline } | { ok: false; errors: OutlineError[] };

// An ATX heading as CommonMark reads it: up to three spaces of indent, 1–6 `#`, then a space or the end
// of the line; an optional closing run of `#` is not part of the text.
const ATX_HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

type Heading = { depth: number; text: string };

function headingOf(line: string): Heading | null {
  const match = ATX_HEADING.exec(line);
  if (!match) return null;
  const text = (match[2] ?? "").replace(/[ \t]+#+$/, "").trim();
  return { depth: match[1]!.length, text: text === "#".repeat(text.length) ? "" : text };
}

/** Trims blank lines from both ends of a block and trailing spaces from its lines' ends. */
function trimBlock(lines: string[]): string {
  let start = 0;
  let end = lines.length;
  while (start < end && lines[start]!.trim() === "") start++;
  while (end > start && lines[end - 1]!.trim() === "") end--;
  return lines
    .slice(start, end)
    .map((line) => line.replace(/[ \t]+$/, ""))
    .join("\n");
}

/** Paragraphs of plain text as one summary line: line breaks and blank lines become single spaces. */
function summaryOf(lines: string[]): string {
  return lines.join(" ").replace(/\s+/g, " ").trim();
}

/**
 * Parses an outline. Headings inside fenced code blocks are code, not structure. Every problem comes back
 * at once, each with its 1-based line number, so the editor can fix them in one pass.
 */
export function parseOutline(markdown: string): OutlineResult {
  const lines = markdown.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  const errors: OutlineError[] = [];

  let title: { text: string; line: number } | null = null;
  const summaryLines: string[] = [];
  let summaryLine = 0;
  const sections: { title: string; line: number; lines: string[] }[] = [];
  let fence: string | null = null;
  let fenceLine = 0;

  for (const [index, line] of lines.entries()) {
    const lineNumber = index + 1;
    const current = sections.at(-1);

    // Inside a fenced code block everything is body text until the matching closing fence.
    const fenceMatch = FENCE.exec(line);
    if (fence) {
      if (fenceMatch && fenceMatch[1]![0] === fence[0] && fenceMatch[1]!.length >= fence.length) {
        if (line.trim() === fenceMatch[1]) fence = null;
      }
      if (current) current.lines.push(line);
      continue;
    }

    const heading = headingOf(line);
    if (!title) {
      if (line.trim() === "") continue;
      if (heading?.depth === 1 && heading.text) {
        title = { text: heading.text, line: lineNumber };
      } else {
        errors.push({
          line: lineNumber,
          message: "Start the outline with the article's title on a “# Title” line.",
        });
        // Without a title there is no structure to read the rest against.
        return { ok: false, errors };
      }
      continue;
    }

    if (heading?.depth === 1) {
      errors.push({
        line: lineNumber,
        message: "Only the first line may be a “# Title”: use “## ” for a section, “### ” inside one.",
      });
      continue;
    }

    if (heading?.depth === 2) {
      if (!heading.text) errors.push({ line: lineNumber, message: "Give this section a title after “## ”." });
      else if (heading.text.length > OUTLINE_LIMITS.sectionTitleMax) {
        errors.push({
          line: lineNumber,
          message: `Keep section titles to ${OUTLINE_LIMITS.sectionTitleMax} characters.`,
        });
      }
      sections.push({ title: heading.text, line: lineNumber, lines: [] });
      continue;
    }

    if (fenceMatch) {
      fence = fenceMatch[1]!;
      fenceLine = lineNumber;
    }
    if (current) {
      current.lines.push(line);
    } else if (heading) {
      errors.push({
        line: lineNumber,
        message: "The summary is plain text: put headings inside a “## ” section.",
      });
    } else if (line.trim() !== "") {
      summaryLine ||= lineNumber;
      summaryLines.push(line.trim());
    }
  }

  if (!title) {
    return {
      ok: false,
      errors: [{ line: 1, message: "Start the outline with the article's title on a “# Title” line." }],
    };
  }
  if (title.text.length > OUTLINE_LIMITS.titleMax) {
    errors.push({ line: title.line, message: `Keep the title to ${OUTLINE_LIMITS.titleMax} characters.` });
  }
  const summary = summaryOf(summaryLines);
  if (!summary) {
    errors.push({
      line: title.line + 1,
      message: "Add a summary paragraph between the title and the first “## ” section.",
    });
  } else if (summary.length > OUTLINE_LIMITS.summaryMax) {
    errors.push({
      line: summaryLine,
      message: `Keep the summary to ${OUTLINE_LIMITS.summaryMax} characters (it has ${summary.length}).`,
    });
  }
  if (sections.length === 0) {
    errors.push({
      line: lines.length,
      message: "Add at least one section: a “## Section title” line followed by its text.",
    });
  } else if (sections.length > OUTLINE_LIMITS.sections) {
    errors.push({
      line: sections[OUTLINE_LIMITS.sections]!.line,
      message: `An article has at most ${OUTLINE_LIMITS.sections} sections.`,
    });
  }
  const parsedSections = sections.map((section) => ({
    title: section.title,
    body: trimBlock(section.lines),
  }));
  parsedSections.forEach((section, index) => {
    if (section.body.length > OUTLINE_LIMITS.sectionBodyMax) {
      errors.push({
        line: sections[index]!.line,
        message: `Keep a section to ${OUTLINE_LIMITS.sectionBodyMax.toLocaleString("en")} characters.`,
      });
    }
  });
  if (fence) {
    // An unclosed fence swallows every heading after it: say where it starts.
    errors.push({ line: fenceLine, message: "This code block is never closed with a matching fence." });
  }

  if (errors.length > 0) return { ok: false, errors: errors.sort((a, b) => a.line - b.line) };
  return { ok: true, outline: { title: title.text, summary, sections: parsedSections } };
}

/** The errors as one message per line, for a form field: "Line 3: …". */
export function describeOutlineErrors(errors: OutlineError[]): string {
  return errors.map((error) => `Line ${error.line}: ${error.message}`).join("\n");
}
