// @ts-check
// How an expiration travels: one row per tag in cache_tag_expirations (read back at start and after a
// lost connection) and a NOTIFY on CHANNEL, both in one statement, so the notification goes out exactly
// when the row commits. The web instances' cache handler and the data layer (jobs) send the same SQL.

export const CHANNEL = "cache_tag_expirations";

/** `revalidateTag(tag, "max")`: stale now, expired in a year (Next's `cacheLife.max.expire`). */
export const MAX_EXPIRE_SECONDS = 60 * 60 * 24 * 365;

/** PostgreSQL refuses NOTIFY payloads from 8000 bytes on; leave room for the JSON around the tags. */
const MAX_PAYLOAD_BYTES = 7500;

/**
 * `undefined`: expired now (`updateTag`). `{ expire: n }`: stale now, expired after n seconds (a cache
 * profile such as `"max"`; `expire: 0` is expired now too).
 * @typedef {{ expire?: number } | undefined} TagDurations
 */

/**
 * @typedef {{ origin: string; tags: string[]; durations: TagDurations }} TagExpiration
 */

// $1 tags, $2 whether durations were given, $3 durations.expire, $4 the notification payloads.
export const RECORD_TAG_EXPIRATIONS_SQL = `
with recorded as (
  insert into cache_tag_expirations as c (tag, stale_at, expired_at, updated_at)
  select t,
         case when $2::boolean then clock_timestamp() end,
         case when not $2::boolean then clock_timestamp()
              when $3::float8 is not null then clock_timestamp() + make_interval(secs => $3::float8) end,
         clock_timestamp()
  from unnest($1::text[]) as t
  on conflict (tag) do update set
    stale_at = coalesce(excluded.stale_at, c.stale_at),
    -- a hard expiry that already happened stands: a later "stale" must not revive what it expired
    expired_at = case when excluded.stale_at is not null and c.expired_at <= excluded.updated_at
                      then c.expired_at else coalesce(excluded.expired_at, c.expired_at) end,
    updated_at = excluded.updated_at
  returning 1
)
select (select count(*) from recorded)::int as recorded,
       (select count(pg_notify('${CHANNEL}', p)) from unnest($4::text[]) as p)::int as notified`;

/**
 * The parameters of RECORD_TAG_EXPIRATIONS_SQL.
 * @param {readonly string[]} tags
 * @param {TagDurations} durations
 * @param {string} origin the sending instance, which has applied the expiration itself already
 * @returns {[string[], boolean, number | null, string[]]}
 */
export function recordTagExpirationsParams(tags, durations, origin) {
  const unique = [...new Set(tags)].filter((tag) => tag.length > 0);
  const payloads = chunkTags(unique).map((chunk) =>
    JSON.stringify({ o: origin, d: durations ?? null, t: chunk }),
  );
  return [unique, durations !== undefined, durations?.expire ?? null, payloads];
}

/**
 * @param {string} payload a notification on CHANNEL
 * @returns {TagExpiration | null} null for anything this code did not send
 */
export function parseTagExpiration(payload) {
  try {
    const { o, d, t } = JSON.parse(payload);
    if (typeof o !== "string" || !Array.isArray(t) || !t.every((tag) => typeof tag === "string")) return null;
    const durations =
      d && typeof d === "object"
        ? { expire: typeof d.expire === "number" ? d.expire : undefined }
        : undefined;
    return { origin: o, tags: t, durations };
  } catch {
    return null;
  }
}

/** @param {string[]} tags */
function chunkTags(tags) {
  /** @type {string[][]} */
  const chunks = [];
  let chunk = /** @type {string[]} */ ([]);
  let bytes = 0;
  for (const tag of tags) {
    const size = Buffer.byteLength(JSON.stringify(tag)) + 1;
    if (chunk.length > 0 && bytes + size > MAX_PAYLOAD_BYTES) {
      chunks.push(chunk);
      chunk = [];
      bytes = 0;
    }
    chunk.push(tag);
    bytes += size;
  }
  if (chunk.length > 0) chunks.push(chunk);
  return chunks;
}
