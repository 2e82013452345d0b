import { beforeEach, describe, expect, it, vi } from "vitest";
import { signInternal } from "@/lib/internal-signature";

const revalidateTag = vi.hoisted(() => vi.fn());
vi.mock("next/cache", () => ({ revalidateTag }));

const { POST } = await import("./route");

beforeEach(() => {
  process.env.NEXTAUTH_SECRET = "a-test-secret-of-enough-length";
  revalidateTag.mockClear();
});

function request(body: string, signature: string | null) {
  return new Request("http://localhost/api/internal/revalidate", {
    method: "POST",
    body,
    headers: signature ? { "x-roundtable-signature": signature } : {},
  });
}

describe("POST /api/internal/revalidate", () => {
  it("revalidates the tags of a signed request", async () => {
    const body = JSON.stringify({ tags: ["badges", "member-handle:ada", "badges"] });
    const response = await POST(request(body, signInternal(body)));
    expect(response.status).toBe(200);
    expect(revalidateTag.mock.calls).toEqual([
      ["badges", { expire: 0 }],
      ["member-handle:ada", { expire: 0 }],
    ]);
  });

  it("answers 403 to an unsigned request and 400 to a signed bad body, revalidating nothing", async () => {
    const body = JSON.stringify({ tags: ["badges"] });
    expect((await POST(request(body, null))).status).toBe(403);
    const bad = JSON.stringify({ tags: [] });
    expect((await POST(request(bad, signInternal(bad)))).status).toBe(400);
    expect(revalidateTag).not.toHaveBeenCalled();
  });
});
