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
  queueFiltersSchema,
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

  it("takes the queue item's queuedAt as an ISO timestamp only", () => {
    const queuedAt = new Date().toISOString();
    expect(insightTargetSchema.parse({ insightId: "i-1", queuedAt })).toEqual({ insightId: "i-1", queuedAt });
    expect(Object.keys(errorsOf(insightTargetSchema, { insightId: "i-1", queuedAt: "yesterday" }))).toEqual([
      "queuedAt",
    ]);
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
  it("removes repeated ids and needs a reason to reject", () => {
    expect(bulkDecisionSchema.parse({ insightIds: ["a", "b", "a"], action: "approve" }).insightIds).toEqual([
      "a",
      "b",
    ]);
    expect(errorsOf(bulkDecisionSchema, { insightIds: ["a"], action: "reject" })).toEqual({
      reason: "Choose a reason.",
    });
    expect(errorsOf(bulkDecisionSchema, { insightIds: ["a"], action: "reject", reason: "SPAM" })).toEqual({});
  });

  it("needs one to a hundred items and a known action", () => {
    expect(errorsOf(bulkDecisionSchema, { insightIds: [], action: "approve" })).toEqual({
      insightIds: "Select at least one item.",
    });
    const many = Array.from({ length: 101 }, (_, i) => `i-${i}`);
    expect(errorsOf(bulkDecisionSchema, { insightIds: many, action: "approve" })).toEqual({
      insightIds: "Select at most 100 items at once.",
    });
    expect(Object.keys(errorsOf(bulkDecisionSchema, { insightIds: ["a"], action: "remove" }))).toEqual([
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

  it("needs a cursor to load more, with filters defaulting to none", () => {
    expect(loadMoreQueueSchema.parse({ cursor: "abc" })).toEqual({ filters: {}, cursor: "abc" });
    expect(Object.keys(errorsOf(loadMoreQueueSchema, { filters: {} }))).toEqual(["cursor"]);
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
