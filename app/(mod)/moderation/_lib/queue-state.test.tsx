import { describe, expect, it } from "vitest";
import { appendPage, clampIndex, putBack, takeOut } from "./queue-state";

const items = ["a", "b", "c", "d"].map((insightId) => ({ insightId }));
const ids = (list: { insightId: string }[]) => list.map((item) => item.insightId);

describe("queue state", () => {
  it("takes items out and puts them back where they were", () => {
    const { items: left, removed } = takeOut(items, ["b", "d"]);
    expect(ids(left)).toEqual(["a", "c"]);
    expect(ids(putBack(left, removed))).toEqual(["a", "b", "c", "d"]);
  });

  it("does not duplicate an item that came back meanwhile, and survives a shorter list", () => {
    const { removed } = takeOut(items, ["c", "d"]);
    expect(ids(putBack([{ insightId: "a" }, { insightId: "c" }], removed))).toEqual(["a", "c", "d"]);
    expect(ids(putBack([], removed))).toEqual(["c", "d"]);
  });

  it("appends a page without repeating items", () => {
    expect(ids(appendPage(items, [{ insightId: "d" }, { insightId: "e" }]))).toEqual([
      "a",
      "b",
      "c",
      "d",
      "e",
    ]);
  });

  it("clamps the current position", () => {
    expect(clampIndex(5, 3)).toBe(2);
    expect(clampIndex(-1, 3)).toBe(0);
    expect(clampIndex(2, 0)).toBe(0);
  });
});
