import { getSponsorLogo } from "@/lib/data/sponsorship";
import { SPONSOR_LOGO_TYPES } from "@/lib/validation/sponsorship";

// Serves a sponsor's logo from the database. Only PNG, JPEG and WebP bytes are ever stored (checked by their
// signature on upload), and they go out under their own image type with nosniff and a policy that allows
// nothing, so no browser treats them as a page or runs anything in them. The URL carries the logo's version
// (?v=), so a changed logo gets a new URL and this one can be cached for a year.

const ID_PATTERN = /^[a-z0-9]{1,64}$/i;

function notFound(): Response {
  return new Response("Not found", {
    status: 404,
    headers: {
      "content-type": "text/plain; charset=utf-8",
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!ID_PATTERN.test(id)) return notFound();
  const logo = await getSponsorLogo(id);
  if (!logo || !(SPONSOR_LOGO_TYPES as readonly string[]).includes(logo.type)) return notFound();
  // Only the current version's URL is immutable: an old or missing ?v= may not stick to what it shows now.
  const current = new URL(request.url).searchParams.get("v") === logo.updatedAt.getTime().toString(36);
  return new Response(new Uint8Array(logo.bytes), {
    headers: {
      "content-type": logo.type,
      "content-length": String(logo.bytes.byteLength),
      "content-disposition": "inline",
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'; sandbox",
      "cross-origin-resource-policy": "same-origin",
      "cache-control": current ? "public, max-age=31536000, immutable" : "public, max-age=300",
      "last-modified": logo.updatedAt.toUTCString(),
    },
  });
}
