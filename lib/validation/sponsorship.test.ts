import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { fieldErrorsFrom } from "@/lib/action-result";
import { makeLogoPng } from "@/prisma/seed/sponsors";
import {
  checkLogoSize,
  checkSponsorLogo,
  detectLogoType,
  inquiryListSchema,
  inquiryStatusSchema,
  parseUtcDateTime,
  setSponsorSchema,
  SPONSOR_LOGO_MAX_BYTES,
  sponsorFormSchema,
  sponsorInquirySchema,
  toUtcDateTimeInput,
} from "./sponsorship";

function errorsOf(schema: z.ZodType, input: unknown): Record<string, string> {
  const result = schema.safeParse(input);
  return result.success ? {} : fieldErrorsFrom(result.error);
}

const validInquiry = {
  domainId: "domain-1",
  organisation: "Northwind Tools",
  contactName: "Grace Hopper",
  email: "grace@northwind.example",
  message: "We would like to sponsor this category for a quarter.",
  budget: "FROM_1K_TO_5K",
  idempotencyKey: "7b0b7a53-8d44-4c5f-9d5b-0b9a4f0f5a11",
};

describe("sponsorInquirySchema", () => {
  it("accepts a complete inquiry, trimmed, with the email lower-cased", () => {
    const parsed = sponsorInquirySchema.parse({
      ...validInquiry,
      organisation: "  Northwind Tools ",
      email: "  Grace@Northwind.EXAMPLE ",
    });
    expect(parsed.organisation).toBe("Northwind Tools");
    expect(parsed.email).toBe("grace@northwind.example");
  });

  it("enforces the lengths of organisation, name and message", () => {
    expect(errorsOf(sponsorInquirySchema, { ...validInquiry, organisation: "x".repeat(121) })).toEqual({
      organisation: "Keep the organisation's name to 120 characters.",
    });
    expect(errorsOf(sponsorInquirySchema, { ...validInquiry, contactName: "x".repeat(81) })).toEqual({
      contactName: "Keep your name to 80 characters.",
    });
    expect(errorsOf(sponsorInquirySchema, { ...validInquiry, message: "Too short." })).toEqual({
      message: "Tell us a little more: at least 20 characters.",
    });
    expect(errorsOf(sponsorInquirySchema, { ...validInquiry, message: "x".repeat(2001) })).toEqual({
      message: "Keep the message to 2000 characters.",
    });
    expect(errorsOf(sponsorInquirySchema, { ...validInquiry, message: "x".repeat(2000) })).toEqual({});
  });

  it("refuses a bad email, an unknown budget and a key that is not a UUID", () => {
    expect(errorsOf(sponsorInquirySchema, { ...validInquiry, email: "grace@" })).toEqual({
      email: "Enter a valid email address.",
    });
    expect(errorsOf(sponsorInquirySchema, { ...validInquiry, budget: "A_MILLION" })).toEqual({
      budget: "Choose a budget range.",
    });
    expect(Object.keys(errorsOf(sponsorInquirySchema, { ...validInquiry, idempotencyKey: "1" }))).toEqual([
      "idempotencyKey",
    ]);
  });
});

describe("inquiryStatusSchema and inquiryListSchema", () => {
  it("accepts the four statuses only", () => {
    for (const status of ["NEW", "CONTACTED", "ACCEPTED", "DECLINED"]) {
      expect(inquiryStatusSchema.safeParse({ inquiryId: "i", status }).success).toBe(true);
    }
    expect(inquiryStatusSchema.safeParse({ inquiryId: "i", status: "DELETED" }).success).toBe(false);
  });

  it("reads the filter and cursor from the URL, ignoring nonsense", () => {
    expect(inquiryListSchema.parse({ status: "CONTACTED", cursor: "abc" })).toEqual({
      status: "CONTACTED",
      cursor: "abc",
    });
    expect(inquiryListSchema.parse({ status: "nope", cursor: "x".repeat(201) })).toEqual({
      status: undefined,
      cursor: undefined,
    });
    expect(inquiryListSchema.parse({ status: "NEW", cursor: 42 })).toEqual({
      status: "NEW",
      cursor: undefined,
    });
    expect(inquiryListSchema.parse({})).toEqual({ status: undefined, cursor: undefined });
  });
});

describe("parseUtcDateTime", () => {
  it("reads a datetime-local value as UTC", () => {
    expect(parseUtcDateTime("2026-12-01T09:30")?.toISOString()).toBe("2026-12-01T09:30:00.000Z");
    expect(parseUtcDateTime("2026-12-01")?.toISOString()).toBe("2026-12-01T00:00:00.000Z");
  });

  it("keeps an explicit zone", () => {
    expect(parseUtcDateTime("2026-12-01T09:30:00.000Z")?.toISOString()).toBe("2026-12-01T09:30:00.000Z");
    expect(parseUtcDateTime("2026-12-01T09:30:00+02:00")?.toISOString()).toBe("2026-12-01T07:30:00.000Z");
  });

  it.each([
    "",
    "tomorrow",
    "2026-02-31T10:00",
    "2026-13-01T00:00",
    "2026-12-01T24:30",
    "2026-12-01T09:30Zjunk",
  ])("refuses %j", (value) => {
    expect(parseUtcDateTime(value)).toBeNull();
  });

  it("round-trips through the form's input format", () => {
    expect(toUtcDateTimeInput("2026-12-01T09:30:00.000Z")).toBe("2026-12-01T09:30");
    expect(parseUtcDateTime(toUtcDateTimeInput(new Date("2027-01-05T23:59:00Z")))?.toISOString()).toBe(
      "2027-01-05T23:59:00.000Z",
    );
  });
});

const validSponsor = {
  name: "Northwind Tools",
  url: "https://northwind.example/sponsor",
  tagline: "Developer tools for small teams",
  startsAt: "2026-12-01T00:00",
  endsAt: "2027-01-01T00:00",
};

describe("sponsor schemas", () => {
  it("turns the dates into UTC instants for the server", () => {
    const parsed = setSponsorSchema.parse({ ...validSponsor, domainId: "d" });
    expect(parsed.startsAt.toISOString()).toBe("2026-12-01T00:00:00.000Z");
    expect(parsed.endsAt.toISOString()).toBe("2027-01-01T00:00:00.000Z");
    expect(parsed.removeLogo).toBe(false);
  });

  it("refuses an end that is not after the start, on the end field", () => {
    expect(errorsOf(sponsorFormSchema, { ...validSponsor, endsAt: validSponsor.startsAt })).toEqual({
      endsAt: "The end must come after the start.",
    });
    expect(
      errorsOf(setSponsorSchema, { ...validSponsor, domainId: "d", endsAt: "2026-11-30T23:59" }),
    ).toEqual({ endsAt: "The end must come after the start." });
  });

  it.each([
    "javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "ftp://northwind.example",
    "/relative/path",
    "northwind.example",
    "https://localhost",
  ])("refuses the address %j", (url) => {
    expect(errorsOf(sponsorFormSchema, { ...validSponsor, url })).toEqual({
      url: "Enter a full web address starting with https:// or http://.",
    });
  });

  it("accepts http and https addresses and limits name and tagline", () => {
    expect(errorsOf(sponsorFormSchema, { ...validSponsor, url: "http://northwind.example" })).toEqual({});
    expect(errorsOf(sponsorFormSchema, { ...validSponsor, name: " " })).toEqual({
      name: "Enter the sponsor's name.",
    });
    expect(errorsOf(sponsorFormSchema, { ...validSponsor, tagline: "x".repeat(141) })).toEqual({
      tagline: "Keep the line to 140 characters.",
    });
  });
});

const text = (value: string) => new TextEncoder().encode(value);

describe("logo checks", () => {
  it("recognises a real PNG, whatever it was called", () => {
    expect(detectLogoType(makeLogoPng())).toBe("image/png");
    expect(checkSponsorLogo(makeLogoPng())).toEqual({ ok: true, type: "image/png" });
  });

  it("recognises JPEG and WebP by their signatures", () => {
    const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, ...text("JFIF")]);
    expect(detectLogoType(jpeg)).toBe("image/jpeg");
    const webp = Uint8Array.from([...text("RIFF"), 0x24, 0, 0, 0, ...text("WEBPVP8 "), 0, 0, 0, 0]);
    expect(detectLogoType(webp)).toBe("image/webp");
  });

  it("refuses SVG outright, with or without an XML prologue", () => {
    for (const svg of [
      '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
      '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>',
      '  \n<!-- logo -->\n<svg xmlns="http://www.w3.org/2000/svg"/>',
    ]) {
      expect(checkSponsorLogo(text(svg))).toEqual({
        ok: false,
        message: "SVG logos are not accepted: upload a PNG, JPEG or WebP image.",
      });
    }
  });

  it("refuses HTML, plain text renamed to .png and a truncated PNG signature", () => {
    const refused = { ok: false, message: "Upload a PNG, JPEG or WebP image." };
    expect(checkSponsorLogo(text("<html><script>alert(1)</script></html>"))).toEqual(refused);
    expect(checkSponsorLogo(text("just some text, saved as logo.png"))).toEqual(refused);
    expect(checkSponsorLogo(makeLogoPng().subarray(0, 8))).toEqual(refused);
    expect(checkSponsorLogo(text("GIF89a..."))).toEqual(refused);
  });

  it("refuses empty files and files over 512 KB", () => {
    expect(checkLogoSize(0)).toEqual({ ok: false, message: "That file is empty." });
    expect(checkLogoSize(SPONSOR_LOGO_MAX_BYTES)).toBeNull();
    expect(checkLogoSize(SPONSOR_LOGO_MAX_BYTES + 1)).toEqual({
      ok: false,
      message: "Keep the logo under 512 KB.",
    });
    const big = new Uint8Array(SPONSOR_LOGO_MAX_BYTES + 1);
    big.set(makeLogoPng());
    expect(checkSponsorLogo(big)).toEqual({ ok: false, message: "Keep the logo under 512 KB." });
  });
});
