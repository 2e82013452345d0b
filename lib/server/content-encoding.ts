// Which prepared form of a page to send for a request's Accept-Encoding (RFC 9110 §12.5.3): the form the
// client weighs highest, brotli before gzip before none when it weighs them alike. A client that accepts
// none of the forms gets the plain bytes, as Next's own compression does (never a 406).

export type ContentEncoding = "br" | "gzip" | "identity";

/** Preference on equal weights: the smallest first. */
const PREFERENCE: readonly ContentEncoding[] = ["br", "gzip", "identity"];

function weights(acceptEncoding: string): Map<string, number> {
  const weighed = new Map<string, number>();
  for (const part of acceptEncoding.split(",")) {
    const [name = "", ...parameters] = part.split(";");
    const token = name.trim().toLowerCase();
    if (!token) continue;
    let weight = 1;
    for (const parameter of parameters) {
      const [key, value] = parameter.split("=");
      if (key?.trim().toLowerCase() !== "q") continue;
      const parsed = Number(value?.trim());
      weight = Number.isFinite(parsed) ? Math.min(1, Math.max(0, parsed)) : 0;
    }
    // The highest weight counts when a token is listed twice.
    weighed.set(token, Math.max(weighed.get(token) ?? 0, weight));
  }
  return weighed;
}

/** The form to send, out of the forms `available` (which always include identity). */
export function negotiateEncoding(
  acceptEncoding: string | string[] | undefined,
  available: readonly ContentEncoding[],
): ContentEncoding {
  const header = Array.isArray(acceptEncoding) ? acceptEncoding.join(",") : acceptEncoding;
  if (!header) return "identity";
  const weighed = weights(header);
  const wildcard = weighed.get("*");
  // Unnamed, the plain bytes weigh as little as the least wanted coding the client named (as Next's own
  // compression weighs them), so naming any coding prefers it.
  const named = [...weighed.values()].filter((weight) => weight > 0);
  const identity = wildcard ?? (named.length > 0 ? Math.min(...named) : 1);
  const weightOf = (encoding: ContentEncoding) =>
    weighed.get(encoding) ?? (encoding === "identity" ? identity : (wildcard ?? 0));
  let best: ContentEncoding = "identity";
  let bestWeight = 0;
  for (const encoding of PREFERENCE) {
    if (!available.includes(encoding)) continue;
    const weight = weightOf(encoding);
    if (weight > bestWeight) [best, bestWeight] = [encoding, weight];
  }
  return best;
}
