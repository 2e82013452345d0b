/**
 * Where to send someone after signing in: only a path on this site. Absolute URLs, protocol-relative
 * `//host` and backslash tricks fall back to the home page (no open redirect).
 */
export function safeCallbackUrl(value: string | string[] | undefined | null, fallback = "/"): string {
  const candidate = Array.isArray(value) ? value[0] : value;
  if (!candidate || !candidate.startsWith("/") || candidate.startsWith("//") || candidate.includes("\\")) {
    return fallback;
  }
  if (/[\u0000-\u001f]/.test(candidate)) return fallback;
  if (candidate.startsWith("/sign-in") || candidate.startsWith("/sign-up")) return fallback;
  return candidate;
}
