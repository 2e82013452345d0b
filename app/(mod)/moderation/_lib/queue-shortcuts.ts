// Which queue shortcut a key press means, if any. Pure: the queue's keydown listener and the tests share it.

export type QueueShortcut = "next" | "previous" | "approve" | "decline" | "toggle-select" | "help";

const KEYS: Record<string, QueueShortcut> = {
  j: "next",
  k: "previous",
  a: "approve",
  r: "decline",
  x: "toggle-select",
  "?": "help",
};

/** Controls whose keys are choices rather than text: shortcuts still work while they have focus. */
const NON_TEXT_INPUTS = new Set(["checkbox", "radio", "button", "submit", "reset", "range", "color", "file"]);

type KeyTarget = { tagName?: string; type?: string; isContentEditable?: boolean; role?: string | null };

/** True while the user is typing: in a text field, a select, or an editable region. */
export function isTypingTarget(target: KeyTarget | null | undefined): boolean {
  if (!target) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName?.toUpperCase();
  if (tag === "TEXTAREA" || tag === "SELECT") return true;
  if (tag === "INPUT") return !NON_TEXT_INPUTS.has((target.type ?? "text").toLowerCase());
  return target.role === "textbox" || target.role === "combobox";
}

export type KeyPress = {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  repeat?: boolean;
  target: KeyTarget | null;
};

/** The shortcut a key press asks for, or null when it is ordinary typing or carries a modifier. */
export function queueShortcutFor(press: KeyPress): QueueShortcut | null {
  if (press.ctrlKey || press.metaKey || press.altKey) return null;
  if (isTypingTarget(press.target)) return null;
  const shortcut = KEYS[press.key] ?? null;
  // Holding j or k scrolls through the queue; holding a or r must not decide item after item.
  if (press.repeat && shortcut !== "next" && shortcut !== "previous") return null;
  return shortcut;
}
