import { beforeEach, describe, expect, it, vi } from "vitest";

const next = vi.hoisted(() => ({ updateTag: vi.fn(), revalidateTag: vi.fn() }));
const expirations = vi.hoisted(() => ({ recordTagExpirations: vi.fn(async () => {}) }));
vi.mock("next/cache", () => next);
vi.mock("@/lib/data/cache-expirations", () => expirations);

const { changed, expireTags } = await import("./cache-expiry");

beforeEach(() => {
  next.updateTag.mockReset();
  next.revalidateTag.mockReset();
  expirations.recordTagExpirations.mockClear();
});

describe("changed", () => {
  it("attaches each tag once", () => {
    expect(changed({ id: "a" }, ["article:1", "article:1", "domain:2"], ["member:3"])).toEqual({
      id: "a",
      tags: ["article:1", "domain:2"],
      eventualTags: ["member:3"],
    });
  });
});

describe("expireTags", () => {
  it("expires `tags` at once and marks `eventualTags` stale, each once, inside an action", async () => {
    await expireTags({ tags: ["a", "b", "a"], eventualTags: ["c", "a"] });
    expect(next.updateTag.mock.calls).toEqual([["a"], ["b"]]);
    expect(next.revalidateTag.mock.calls).toEqual([["c", "max"]]);
    expect(expirations.recordTagExpirations).not.toHaveBeenCalled();
  });

  it("records the expirations for every instance from a job, where Next has no request in scope", async () => {
    next.updateTag.mockImplementation(() => {
      throw new Error("updateTag can only be called from within a Server Action. …");
    });
    await expireTags({ tags: ["a", "a"], eventualTags: ["c", "a"] });
    expect(expirations.recordTagExpirations.mock.calls).toEqual([[["a"], ["c"]]]);
  });

  it("records them from the worker process too, where Next has no work store at all", async () => {
    next.updateTag.mockImplementation(() => {
      throw new Error("Invariant: static generation store missing in updateTag a");
    });
    await expireTags({ tags: ["a"] });
    expect(expirations.recordTagExpirations.mock.calls).toEqual([[["a"], []]]);
  });

  it("does nothing for a write that changed no cached page", async () => {
    await expireTags({ tags: [] });
    expect(next.updateTag).not.toHaveBeenCalled();
    expect(expirations.recordTagExpirations).not.toHaveBeenCalled();
  });

  it("lets any other failure through", async () => {
    next.updateTag.mockImplementation(() => {
      throw new Error("boom");
    });
    await expect(expireTags({ tags: ["a"] })).rejects.toThrow("boom");
  });
});
