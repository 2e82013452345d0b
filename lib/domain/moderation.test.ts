import { describe, expect, it } from "vitest";
import { publicModerationLine } from "./moderation";

describe("publicModerationLine", () => {
  it("names the reason of a removal or rejection", () => {
    expect(publicModerationLine("insight.remove", "SPAM")).toBe("Removed by a moderator: Spam");
    expect(publicModerationLine("insight.reject", "LOW_QUALITY")).toBe(
      "Rejected by a moderator: Low quality",
    );
    expect(publicModerationLine("insight.remove", null)).toBe("Removed by a moderator");
  });

  it("keeps sanctions and editorial actions off an insight's public history", () => {
    expect(publicModerationLine("user.suspend", null)).toBeNull();
    expect(publicModerationLine("article.publish", null)).toBeNull();
  });
});
