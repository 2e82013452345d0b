import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { fieldErrorsFrom } from "@/lib/action-result";
import {
  addInsightSchema,
  COMPOSE_MS_MAX,
  deleteInsightSchema,
  editInsightSchema,
  insightFormSchema,
} from "./insight";

/** The first message per field, as the forms show them; {} when the input is accepted. */
function errorsOf(schema: z.ZodType, input: unknown): Record<string, string> {
  const result = schema.safeParse(input);
  return result.success ? {} : fieldErrorsFrom(result.error);
}

const TOO_SHORT = "Say a bit more: at least 125 characters.";
const TOO_LONG = "Keep it to 750 characters.";
const text = (length: number) => "a".repeat(length);
const validAdd = () => ({ sectionId: "section-1", body: text(200), idempotencyKey: randomUUID() });

describe("addInsightSchema", () => {
  it("accepts a valid insight and trims its body", () => {
    const input = { ...validAdd(), body: `\n  ${text(130)}  \t` };
    expect(addInsightSchema.parse(input)).toEqual({ ...input, body: text(130) });
  });

  it.each([125, 750])("accepts exactly %i characters", (length) => {
    expect(errorsOf(addInsightSchema, { ...validAdd(), body: text(length) })).toEqual({});
  });

  it("refuses 124 characters with the minimum's message", () => {
    expect(errorsOf(addInsightSchema, { ...validAdd(), body: text(124) })).toEqual({ body: TOO_SHORT });
  });

  it("does not count surrounding whitespace toward the minimum", () => {
    expect(errorsOf(addInsightSchema, { ...validAdd(), body: `${" ".repeat(20)}${text(124)}\n\n` })).toEqual({
      body: TOO_SHORT,
    });
  });

  it("refuses a blank body with the minimum's message", () => {
    expect(errorsOf(addInsightSchema, { ...validAdd(), body: "   \n " })).toEqual({ body: TOO_SHORT });
  });

  it("refuses 751 characters with the maximum's message", () => {
    expect(errorsOf(addInsightSchema, { ...validAdd(), body: text(751) })).toEqual({ body: TOO_LONG });
  });

  it("accepts 750 characters surrounded by whitespace", () => {
    expect(errorsOf(addInsightSchema, { ...validAdd(), body: `  ${text(750)}  ` })).toEqual({});
  });

  it("requires an idempotency key", () => {
    const { idempotencyKey: _omitted, ...withoutKey } = validAdd();
    expect(Object.keys(errorsOf(addInsightSchema, withoutKey))).toEqual(["idempotencyKey"]);
  });

  it.each(["", "not-a-uuid", "12345678-1234-1234-1234-1234567890", `${randomUUID()}x`])(
    "refuses the idempotency key %j",
    (idempotencyKey) => {
      expect(Object.keys(errorsOf(addInsightSchema, { ...validAdd(), idempotencyKey }))).toEqual([
        "idempotencyKey",
      ]);
    },
  );

  it.each(["", "x".repeat(65)])("refuses the section id %j", (sectionId) => {
    expect(Object.keys(errorsOf(addInsightSchema, { ...validAdd(), sectionId }))).toEqual(["sectionId"]);
  });

  it("refuses a body that is not a string", () => {
    expect(Object.keys(errorsOf(addInsightSchema, { ...validAdd(), body: 42 }))).toEqual(["body"]);
  });
});

describe("editInsightSchema", () => {
  it("applies the same length rules to the new body and trims it", () => {
    expect(editInsightSchema.parse({ insightId: "i-1", body: ` ${text(125)} ` }).body).toBe(text(125));
    expect(errorsOf(editInsightSchema, { insightId: "i-1", body: text(124) })).toEqual({ body: TOO_SHORT });
    expect(errorsOf(editInsightSchema, { insightId: "i-1", body: text(751) })).toEqual({ body: TOO_LONG });
  });

  it("requires the insight's id", () => {
    expect(Object.keys(errorsOf(editInsightSchema, { body: text(200) }))).toEqual(["insightId"]);
  });
});

describe("composeMs: how long the member spent writing", () => {
  it("is optional: API clients and older forms send none", () => {
    expect(addInsightSchema.parse(validAdd())).not.toHaveProperty("composeMs");
    expect(editInsightSchema.parse({ insightId: "i-1", body: text(200) })).not.toHaveProperty("composeMs");
  });

  it.each([0, 1, 45_000, COMPOSE_MS_MAX])("accepts %i ms", (composeMs) => {
    expect(addInsightSchema.parse({ ...validAdd(), composeMs }).composeMs).toBe(composeMs);
    expect(editInsightSchema.parse({ insightId: "i-1", body: text(200), composeMs }).composeMs).toBe(
      composeMs,
    );
  });

  it.each([-1, 1.5, COMPOSE_MS_MAX + 1, "1000", Number.NaN])("refuses %j", (composeMs) => {
    expect(Object.keys(errorsOf(addInsightSchema, { ...validAdd(), composeMs }))).toEqual(["composeMs"]);
    expect(
      Object.keys(errorsOf(editInsightSchema, { insightId: "i-1", body: text(200), composeMs })),
    ).toEqual(["composeMs"]);
  });

  it("allows an hour at most", () => {
    expect(COMPOSE_MS_MAX).toBe(60 * 60 * 1000);
  });
});

describe("deleteInsightSchema", () => {
  it("requires a non-empty insight id", () => {
    expect(errorsOf(deleteInsightSchema, { insightId: "i-1" })).toEqual({});
    expect(Object.keys(errorsOf(deleteInsightSchema, { insightId: "" }))).toEqual(["insightId"]);
  });
});

describe("insightFormSchema", () => {
  it("holds only the body, with the same messages as the action's schema", () => {
    expect(insightFormSchema.parse({ body: ` ${text(125)} ` })).toEqual({ body: text(125) });
    expect(errorsOf(insightFormSchema, { body: "Too short" })).toEqual({ body: TOO_SHORT });
  });
});
