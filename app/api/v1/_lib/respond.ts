import { createHash } from "node:crypto";
import { unstable_rethrow } from "next/navigation";
import { AppError, HTTP_STATUS, isDatabaseUnavailable } from "@/lib/errors";
import { logger } from "@/lib/logger";

// Responses of the public JSON API: public, shared-cacheable JSON with an ETag, or an error as JSON. The
// data itself comes from Next's data cache (lib/data/public-api.ts); these headers let browsers and CDNs
// keep it for a minute and revalidate cheaply with If-None-Match.

export const PUBLIC_CACHE_CONTROL = "public, max-age=60, s-maxage=60, stale-while-revalidate=300";

export type ApiErrorBody = {
  error: string;
  message: string;
  fieldErrors?: Record<string, string>;
};

// Public, read-only data: any origin may read it. ETag is exposed so cross-origin clients can revalidate.
const CORS_HEADERS = {
  "access-control-allow-origin": "*",
  "access-control-expose-headers": "ETag",
} as const;
const JSON_TYPE = "application/json; charset=utf-8";

/**
 * Weak, because the bytes on the wire depend on the response's compression while the JSON does not; a
 * weak validator is what If-None-Match compares anyway.
 */
function etagOf(body: string): string {
  return `W/"${createHash("sha256").update(body).digest("base64url").slice(0, 32)}"`;
}

/** Whether an If-None-Match header names `etag` (weak comparison, as RFC 9110 asks for this header). */
function notModified(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, "");
  return ifNoneMatch.split(",").some((tag) => tag.trim() === "*" || opaque(tag) === opaque(etag));
}

function errorJson(status: number, body: ApiErrorBody, extraHeaders: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { ...CORS_HEADERS, "content-type": JSON_TYPE, "cache-control": "no-store", ...extraHeaders },
  });
}

/** Expected failures keep their code and message; anything else is logged and hidden behind a generic 500. */
function errorResponse(error: unknown, request: Request): Response {
  if (error instanceof AppError) {
    const fieldErrors = error.code === "INVALID_INPUT" ? { fieldErrors: error.fieldErrors ?? {} } : {};
    return errorJson(HTTP_STATUS[error.code], { error: error.code, message: error.message, ...fieldErrors });
  }
  const path = new URL(request.url).pathname;
  if (isDatabaseUnavailable(error)) {
    logger.error({ err: error, path }, "database unavailable in the public API");
    return errorJson(
      503,
      {
        error: "UNAVAILABLE",
        message: "Roundtable is temporarily unavailable. Please try again shortly.",
      },
      { "retry-after": "30" },
    );
  }
  logger.error({ err: error, path }, "unexpected error in the public API");
  return errorJson(500, { error: "INTERNAL", message: "Something went wrong." });
}

/** Runs `load` and answers with its result as cacheable JSON, 304 when the client already has it. */
export async function publicJson(request: Request, load: () => Promise<unknown>): Promise<Response> {
  let body: string;
  try {
    body = JSON.stringify(await load());
  } catch (error) {
    // Next's own control-flow errors (dynamic rendering bail-outs and the like) must reach Next untouched.
    unstable_rethrow(error);
    return errorResponse(error, request);
  }
  const etag = etagOf(body);
  const headers = { ...CORS_HEADERS, "cache-control": PUBLIC_CACHE_CONTROL, etag };
  if (notModified(request.headers.get("if-none-match"), etag)) {
    return new Response(null, { status: 304, headers });
  }
  return new Response(body, { status: 200, headers: { ...headers, "content-type": JSON_TYPE } });
}

/** 404 JSON for paths under /api/v1 that name no endpoint. */
export function unknownEndpoint(): Response {
  return errorJson(404, { error: "NOT_FOUND", message: "There is no such endpoint in the public API." });
}

/** CORS preflight: only needed by cross-origin clients that send If-None-Match themselves. */
export function preflight(): Response {
  return new Response(null, {
    status: 204,
    headers: {
      ...CORS_HEADERS,
      "access-control-allow-methods": "GET, HEAD, OPTIONS",
      "access-control-allow-headers": "If-None-Match",
      "access-control-max-age": "86400",
    },
  });
}
