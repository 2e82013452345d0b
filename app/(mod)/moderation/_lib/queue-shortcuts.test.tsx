import { describe, expect, it } from "vitest";
import { isTypingTarget, queueShortcutFor, type KeyPress } from "./queue-shortcuts";

const press = (key: string, overrides: Partial<KeyPress> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  target: { tagName: "BODY" },
  ...overrides,
});

describe("queueShortcutFor", () => {
  it("maps j, k, a, r, x and ?", () => {
    expect(queueShortcutFor(press("j"))).toBe("next");
    expect(queueShortcutFor(press("k"))).toBe("previous");
    expect(queueShortcutFor(press("a"))).toBe("approve");
    expect(queueShortcutFor(press("r"))).toBe("decline");
    expect(queueShortcutFor(press("x"))).toBe("toggle-select");
    expect(queueShortcutFor(press("?"))).toBe("help");
  });

  it("ignores other keys, capitals and modified keys", () => {
    expect(queueShortcutFor(press("b"))).toBeNull();
    expect(queueShortcutFor(press("A"))).toBeNull();
    expect(queueShortcutFor(press("a", { ctrlKey: true }))).toBeNull();
    expect(queueShortcutFor(press("r", { metaKey: true }))).toBeNull();
    expect(queueShortcutFor(press("j", { altKey: true }))).toBeNull();
  });

  it("does not fire while the user types in a field", () => {
    expect(queueShortcutFor(press("a", { target: { tagName: "INPUT", type: "text" } }))).toBeNull();
    expect(queueShortcutFor(press("a", { target: { tagName: "INPUT" } }))).toBeNull();
    expect(queueShortcutFor(press("j", { target: { tagName: "TEXTAREA" } }))).toBeNull();
    expect(queueShortcutFor(press("k", { target: { tagName: "SELECT" } }))).toBeNull();
    expect(queueShortcutFor(press("r", { target: { tagName: "DIV", isContentEditable: true } }))).toBeNull();
  });

  it("still fires on a focused checkbox or button", () => {
    expect(queueShortcutFor(press("j", { target: { tagName: "INPUT", type: "checkbox" } }))).toBe("next");
    expect(queueShortcutFor(press("a", { target: { tagName: "BUTTON" } }))).toBe("approve");
  });

  it("repeats moves but never decisions when a key is held", () => {
    expect(queueShortcutFor(press("j", { repeat: true }))).toBe("next");
    expect(queueShortcutFor(press("a", { repeat: true }))).toBeNull();
    expect(queueShortcutFor(press("r", { repeat: true }))).toBeNull();
  });
});

describe("isTypingTarget", () => {
  it("knows text fields from other controls", () => {
    expect(isTypingTarget(null)).toBe(false);
    expect(isTypingTarget({ tagName: "input", type: "search" })).toBe(true);
    expect(isTypingTarget({ tagName: "INPUT", type: "radio" })).toBe(false);
    expect(isTypingTarget({ tagName: "DIV", role: "textbox" })).toBe(true);
    expect(isTypingTarget({ tagName: "ARTICLE" })).toBe(false);
  });
});
