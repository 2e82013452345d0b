// A demo sponsor on one demo domain, with a logo drawn here (no outside asset), and the small PNG maker the
// tests share. Idempotent: a domain that has ever had a sponsor gets none from the seed.
import { deflateSync } from "node:zlib";
import type { Database } from "../client";

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), body.length + 4);
  return out;
}

/**
 * A real PNG of `width`×`height` pixels: a `colour` square with a lighter band across the middle, enough to
 * look like a logo. RGB, 8 bits per channel.
 */
export function makeLogoPng(
  width = 48,
  height = 48,
  colour: [number, number, number] = [37, 99, 235],
): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // bit depth 8, colour type RGB, deflate, no filter, no interlace
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const band = y > height / 3 && y < (2 * height) / 3;
    for (let x = 0; x < width; x++) {
      const at = y * (width * 3 + 1) + 1 + x * 3;
      rows.set(band ? colour.map((c) => Math.min(255, c + 120)) : colour, at);
    }
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(rows)),
    chunk("IEND", new Uint8Array()),
  ]);
}

const DAY = 24 * 60 * 60 * 1000;

/** Puts a year-long demo sponsor on the "software-development" domain, unless it has had one. Returns 0 or 1. */
export async function seedDemoSponsor(db: Database): Promise<number> {
  const domain = await db.domain.findUnique({
    where: { slug: "software-development" },
    select: { id: true },
  });
  if (!domain) return 0;
  if ((await db.domainSponsor.count({ where: { domainId: domain.id } })) > 0) return 0;
  const now = Date.now();
  await db.domainSponsor.create({
    data: {
      domainId: domain.id,
      name: "Northwind Tools",
      url: "https://northwind.example",
      tagline: "Developer tools for small teams (a demo sponsor)",
      logo: new Uint8Array(makeLogoPng()),
      logoType: "image/png",
      startsAt: new Date(now - DAY),
      endsAt: new Date(now + 365 * DAY),
    },
  });
  return 1;
}
