import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { auditLogFiltersSchema, queueFiltersSchema } from "./moderation";
import { sponsorInquirySchema } from "./sponsorship";

// What reaches PostgreSQL from a URL or a public form never carries a NUL (which it refuses in text): a
// filter that is not a slug or an id means no filter; free text loses its control characters.

describe("moderation filters from the URL", () => {
  it("ignores a queue domain filter that is not a slug", () => {
    expect(queueFiltersSchema.parse({ domainSlug: "career-guides" })).toEqual({
      domainSlug: "career-guides",
    });
    for (const domainSlug of ["\u0000", "web\u0000", "Web Dev", "a/b"])
      expect(queueFiltersSchema.parse({ domainSlug })).toEqual({});
  });

  it("ignores a log target filter that is not a record id", () => {
    expect(auditLogFiltersSchema.parse({ targetId: " cm123abc " })).toEqual({ targetId: "cm123abc" });
    for (const targetId of ["\u0000", "cm123\u0000", "a b", "../x"])
      expect(auditLogFiltersSchema.parse({ targetId })).toEqual({});
  });
});

describe("sponsorInquirySchema with control characters", () => {
  it("drops NUL and other control characters from the organisation, name and message", () => {
    const parsed = sponsorInquirySchema.parse({
      domainId: "d1",
      organisation: "North\u0000wind",
      contactName: "Grace\u0007 Hopper",
      email: "grace@northwind.example",
      message: "We would like to sponsor\u0000 this category for a quarter.\r\nThanks.",
      budget: "UNDER_1K",
      idempotencyKey: randomUUID(),
    });
    expect(parsed).toMatchObject({
      organisation: "Northwind",
      contactName: "Grace Hopper",
      message: "We would like to sponsor this category for a quarter.\nThanks.",
    });
  });

  it("counts a name made only of control characters as missing", () => {
    const result = sponsorInquirySchema.safeParse({
      domainId: "d1",
      organisation: "\u0000\u0000",
      contactName: "Grace",
      email: "grace@northwind.example",
      message: "We would like to sponsor this category for a quarter.",
      budget: "UNDER_1K",
      idempotencyKey: randomUUID(),
    });
    expect(result.success).toBe(false);
  });
});
