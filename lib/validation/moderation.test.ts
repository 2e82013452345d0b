import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { fieldErrorsFrom } from "@/lib/action-result";
import { DECISION_REASON_LABELS, REPORT_REASON_LABELS } from "@/lib/domain/moderation";
import {
  appealSchema,
  auditLogFiltersSchema,
  bulkDecisionSchema,
  decideAppealSchema,
  DECISION_REASONS,
  decisionSchema,
  insightTargetSchema,
  loadMoreQueueSchema,
  moderationPageCursor,
  queueFiltersSchema,
  queueItemVersion,
  REPORT_REASONS,
  reportInsightSchema,
} from "./moderation";

/** The first message per field, as the forms show them; {} when the input is accepted. */
function errorsOf(schema: z.ZodType, input: unknown): Record<string, string> {
  const result = schema.safeParse(input);
  return result.success ? {} : fieldErrorsFrom(result.error);
}

describe("reason lists", () => {
  it("match the labels the forms show", () => {
    expect([...REPORT_REASONS].sort()).toEqual(Object.keys(REPORT_REASON_LABELS).sort());
    expect([...DECISION_REASONS].sort()).toEqual(Object.keys(DECISION_REASON_LABELS).sort());
  });
});

describe("reportInsightSchema", () => {
  it("accepts a reason without a note, and drops a blank note", () => {
    expect(reportInsightSchema.parse({ insightId: "i-1", reason: "SPAM", note: "   " })).toEqual({
      insightId: "i-1",
      reason: "SPAM",
    });
  });

  it("requires a note with Other", () => {
    expect(errorsOf(reportInsightSchema, { insightId: "i-1", reason: "OTHER" })).toEqual({
      note: "Tell us what is wrong with it.",
    });
    expect(errorsOf(reportInsightSchema, { insightId: "i-1", reason: "OTHER", note: " \n " })).toEqual({
      note: "Tell us what is wrong with it.",
    });
    expect(reportInsightSchema.parse({ insightId: "i-1", reason: "OTHER", note: " Wrong. " }).note).toBe(
      "Wrong.",
    );
  });

  it("refuses an unknown reason, a missing one and a note over 500 characters", () => {
    expect(errorsOf(reportInsightSchema, { insightId: "i-1", reason: "RUDE" })).toEqual({
      reason: "Choose a reason.",
    });
    expect(errorsOf(reportInsightSchema, { insightId: "i-1" })).toEqual({ reason: "Choose a reason." });
    expect(
      Object.keys(errorsOf(reportInsightSchema, { insightId: "i-1", reason: "SPAM", note: "a".repeat(501) })),
    ).toEqual(["note"]);
    expect(
      errorsOf(reportInsightSchema, { insightId: "i-1", reason: "SPAM", note: "a".repeat(500) }),
    ).toEqual({});
  });
});

describe("decisionSchema", () => {
  it("needs a reason from the list; the note is optional and trimmed", () => {
    expect(decisionSchema.parse({ insightId: "i-1", reason: "LOW_QUALITY", note: " Vague. " })).toEqual({
      insightId: "i-1",
      reason: "LOW_QUALITY",
      note: "Vague.",
    });
    expect(errorsOf(decisionSchema, { insightId: "i-1" })).toEqual({ reason: "Choose a reason." });
    expect(errorsOf(decisionSchema, { insightId: "i-1", reason: "BORING" })).toEqual({
      reason: "Choose a reason.",
    });
    expect(Object.keys(errorsOf(decisionSchema, { insightId: "", reason: "SPAM" }))).toEqual(["insightId"]);
  });

  it("takes the queue item's version: when it was queued, and when its text last changed", () => {
    const queuedAt = "2030-01-02T03:04:05.678Z";
    const editedAt = "2030-01-02T04:00:00.000Z";
    const edited = queueItemVersion(queuedAt, editedAt);
    expect(queueItemVersion(queuedAt, null)).toBe(queuedAt);
    expect(edited).toBe(`${queuedAt}+${editedAt}`);
    for (const version of [queuedAt, edited]) {
      expect(insightTargetSchema.parse({ insightId: "i-1", version })).toEqual({ insightId: "i-1", version });
      expect(decisionSchema.parse({ insightId: "i-1", version, reason: "SPAM" }).version).toBe(version);
    }
    for (const version of ["yesterday", `${queuedAt}+`, `${queuedAt}+${editedAt}+${editedAt}`, ""]) {
      expect(Object.keys(errorsOf(insightTargetSchema, { insightId: "i-1", version }))).toEqual(["version"]);
    }
  });
});

describe("appealSchema", () => {
  it("needs a message of 1 to 500 characters, trimmed", () => {
    expect(appealSchema.parse({ insightId: "i-1", message: "  Please look again.  " }).message).toBe(
      "Please look again.",
    );
    expect(errorsOf(appealSchema, { insightId: "i-1", message: "   " })).toEqual({
      message: "Tell the moderators why the decision should change.",
    });
    expect(errorsOf(appealSchema, { insightId: "i-1", message: "a".repeat(500) })).toEqual({});
    expect(errorsOf(appealSchema, { insightId: "i-1", message: "a".repeat(501) })).toEqual({
      message: "Keep it to 500 characters.",
    });
  });
});

describe("decideAppealSchema", () => {
  it("accepts the two outcomes only", () => {
    expect(errorsOf(decideAppealSchema, { appealId: "a-1", outcome: "UPHELD" })).toEqual({});
    expect(errorsOf(decideAppealSchema, { appealId: "a-1", outcome: "OVERTURNED", note: "Fair." })).toEqual(
      {},
    );
    expect(errorsOf(decideAppealSchema, { appealId: "a-1", outcome: "OPEN" })).toEqual({
      outcome: "Choose an outcome.",
    });
  });
});

describe("bulkDecisionSchema", () => {
  const v1 = "2030-01-02T03:04:05.678Z";
  const v2 = "2030-01-02T03:04:05.678Z+2030-01-02T05:00:00.000Z";
  const item = (insightId: string, version = v1) => ({ insightId, version });

  it("keeps each item once with the first version seen, and needs a reason to reject", () => {
    expect(
      bulkDecisionSchema.parse({ items: [item("a"), item("b", v2), item("a", v2)], action: "approve" }).items,
    ).toEqual([item("a"), item("b", v2)]);
    expect(errorsOf(bulkDecisionSchema, { items: [item("a")], action: "reject" })).toEqual({
      reason: "Choose a reason.",
    });
    expect(errorsOf(bulkDecisionSchema, { items: [item("a")], action: "reject", reason: "SPAM" })).toEqual(
      {},
    );
  });

  it("needs each item's version as the moderator saw it", () => {
    expect(
      Object.keys(errorsOf(bulkDecisionSchema, { items: [{ insightId: "a" }], action: "approve" })),
    ).toEqual(["items"]);
    expect(
      Object.keys(errorsOf(bulkDecisionSchema, { items: [item("a", "last week")], action: "approve" })),
    ).toEqual(["items"]);
    // The old shape (ids without versions) is refused rather than decided blind.
    expect(Object.keys(errorsOf(bulkDecisionSchema, { insightIds: ["a"], action: "approve" }))).toEqual([
      "items",
    ]);
  });

  it("needs one to a hundred items and a known action", () => {
    expect(errorsOf(bulkDecisionSchema, { items: [], action: "approve" })).toEqual({
      items: "Select at least one item.",
    });
    const many = Array.from({ length: 101 }, (_, i) => item(`i-${i}`));
    expect(errorsOf(bulkDecisionSchema, { items: many, action: "approve" })).toEqual({
      items: "Select at most 100 items at once.",
    });
    expect(Object.keys(errorsOf(bulkDecisionSchema, { items: [item("a")], action: "remove" }))).toEqual([
      "action",
    ]);
  });
});

describe("filters from the URL", () => {
  it("keeps known queue filters and ignores unknown values", () => {
    expect(queueFiltersSchema.parse({ kind: "appeal", domainSlug: "web", reason: "SPAM" })).toEqual({
      kind: "appeal",
      domainSlug: "web",
      reason: "SPAM",
    });
    expect(queueFiltersSchema.parse({ kind: "everything", domainSlug: "", reason: "x" })).toEqual({});
  });

  const cursorOf = (position: { at: Date; id: string }) => moderationPageCursor.encode(position);
  /** A cursor as the codec spells them, around any JSON: what a hand-edited URL could carry. */
  const rawCursor = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const goodCursor = cursorOf({ at: new Date("2030-01-02T03:04:05.678Z"), id: "cm1abc_def-9" });

  it("needs a cursor to load more, with filters defaulting to none", () => {
    expect(loadMoreQueueSchema.parse({ cursor: goodCursor })).toEqual({ filters: {}, cursor: goodCursor });
    expect(Object.keys(errorsOf(loadMoreQueueSchema, { filters: {} }))).toEqual(["cursor"]);
    expect(errorsOf(loadMoreQueueSchema, { cursor: "garbage" })).toEqual({
      cursor: "That page does not exist.",
    });
  });

  it("decodes the cursors the data layer writes, and nothing else", () => {
    expect(goodCursor).toBe(rawCursor({ at: "2030-01-02T03:04:05.678Z", id: "cm1abc_def-9" }));
    expect(moderationPageCursor.decode(goodCursor)).toEqual({
      at: new Date("2030-01-02T03:04:05.678Z"),
      id: "cm1abc_def-9",
    });
    for (const bad of [
      "garbage",
      "",
      "%%%",
      Buffer.from("2030-01-02T03:04:05.678Z|cm1abc").toString("base64url"),
      rawCursor({ at: "2030-01-02T03:04:05.678Z" }),
      rawCursor({ at: "yesterday", id: "cm1abc" }),
      rawCursor({ at: "2030-02-30T00:00:00.000Z", id: "cm1abc" }),
      rawCursor({ at: "2030-01-02T03:04:05Z", id: "cm1abc" }),
      rawCursor({ at: "2030-01-02T03:04:05.678Z", id: "it's; drop" }),
      rawCursor(["2030-01-02T03:04:05.678Z", "cm1abc"]),
    ]) {
      expect(moderationPageCursor.decode(bad)).toBeNull();
      expect(errorsOf(loadMoreQueueSchema, { cursor: bad })).toHaveProperty("cursor");
    }
  });

  it("starts the audit log at its first page when the cursor in the URL is not one", () => {
    expect(auditLogFiltersSchema.parse({ cursor: goodCursor })).toEqual({ cursor: goodCursor });
    expect(auditLogFiltersSchema.parse({ cursor: "garbage", action: "insight.remove" })).toEqual({
      action: "insight.remove",
    });
  });

  it("keeps known audit log filters, lower-cases the handle and ignores unknown values", () => {
    expect(
      auditLogFiltersSchema.parse({
        action: "insight.remove",
        actorHandle: " Demo-Moderator ",
        targetType: "user",
      }),
    ).toEqual({ action: "insight.remove", actorHandle: "demo-moderator", targetType: "user" });
    expect(auditLogFiltersSchema.parse({ action: "insight.explode", targetType: "planet" })).toEqual({});
  });
});
