// The shape of slugs, handles and anchors. Kept apart from the slug making in ./slug (and its large
// transliteration tables), since the validation schemas that client-side forms load check these rules.

/** Lower-case words joined by single hyphens: the shape of every slug, handle and anchor. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const HANDLE_MIN = 3;
export const HANDLE_MAX = 30;

/** Handles nobody may take: they would impersonate the platform or its staff. */
export const RESERVED_HANDLES = new Set([
  "admin",
  "administrator",
  "moderator",
  "moderators",
  "roundtable",
  "staff",
  "support",
  "system",
  "editor",
  "editors",
  "help",
  "anonymous",
  "deleted",
]);

/** Whether `handle` is one a member may take. */
export function isValidHandle(handle: string): boolean {
  return (
    handle.length >= HANDLE_MIN &&
    handle.length <= HANDLE_MAX &&
    SLUG_PATTERN.test(handle) &&
    !RESERVED_HANDLES.has(handle)
  );
}
