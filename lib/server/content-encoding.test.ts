import { describe, expect, it } from "vitest";
import { negotiateEncoding, type ContentEncoding } from "./content-encoding";

const all: ContentEncoding[] = ["identity", "gzip", "br"];

describe("negotiateEncoding", () => {
  it("sends brotli to browsers, gzip to clients without brotli, plain bytes to the rest", () => {
    expect(negotiateEncoding("gzip, deflate, br, zstd", all)).toBe("br");
    expect(negotiateEncoding("gzip, deflate", all)).toBe("gzip");
    expect(negotiateEncoding(undefined, all)).toBe("identity");
    expect(negotiateEncoding("", all)).toBe("identity");
    expect(negotiateEncoding("deflate", all)).toBe("identity");
  });

  it("follows the client's weights", () => {
    expect(negotiateEncoding("br;q=0.5, gzip;q=0.8", all)).toBe("gzip");
    expect(negotiateEncoding("br;q=0, gzip", all)).toBe("gzip");
    expect(negotiateEncoding("gzip;q=0.1, identity;q=0.9", all)).toBe("identity");
    expect(negotiateEncoding("GZIP; Q=1", all)).toBe("gzip");
  });

  it("reads the wildcard for what is not named, and never refuses: plain bytes are the fallback", () => {
    expect(negotiateEncoding("*", all)).toBe("br");
    expect(negotiateEncoding("gzip;q=0.5, *;q=0.1", all)).toBe("gzip");
    expect(negotiateEncoding("*;q=0", all)).toBe("identity");
    expect(negotiateEncoding("br;q=0, gzip;q=0, identity;q=0", all)).toBe("identity");
  });

  it("only picks a form that exists", () => {
    expect(negotiateEncoding("br, gzip", ["identity"])).toBe("identity");
    expect(negotiateEncoding("br, gzip;q=0.5", ["identity", "gzip"])).toBe("gzip");
  });
});
