// @ts-check
// One dedicated connection per instance that LISTENs for expirations (a pooled connection cannot: a pool
// or a transaction-mode PgBouncer hands LISTEN's session to someone else). Whenever it (re)connects it
// reads back what the table recorded, so an expiration sent while it was away is not lost; until then it
// reports itself deaf, and the cache serves nothing it cannot vouch for.
import pg from "pg";
import { CHANNEL, parseTagExpiration } from "./tag-bus.mjs";

/** Rows older than this are deleted; an instance deaf for longer drops its whole cache on return. */
const RETENTION_SECONDS = 24 * 60 * 60;
/** A row's updated_at is taken before its commit: read back a little before the last look. */
const CATCH_UP_SLACK_SECONDS = 5;
const HEARTBEAT_MS = 15_000;
/** A heartbeat unanswered this long means the connection is gone (a half-open one never errors). */
const HEARTBEAT_TIMEOUT_MS = 5_000;
const MAX_RETRY_MS = 5_000;

/**
 * A recorded expiration, its times as milliseconds before the database's "now" (negative: in the
 * future), so no two hosts' clocks are ever compared.
 * @typedef {{ tag: string; staleAgoMs: number | null; expiredAgoMs: number | null }} RecordedExpiration
 */

/**
 * "start": everything recorded, on the first connection. "reconnect": what changed while the connection
 * was down. "history-lost": down for longer than the table keeps rows.
 * @typedef {"start" | "reconnect" | "history-lost"} CatchUpKind
 */

/**
 * @typedef {object} ListenerEvents
 * @property {(expiration: import("./tag-bus.mjs").TagExpiration) => void} onExpiration
 * @property {(rows: RecordedExpiration[], kind: CatchUpKind) => void} onCatchUp
 * @property {import("./cache-store.mjs").CacheLog} log
 */

export class TagExpirationListener {
  listening = false;
  /** settles once the first connection attempt has succeeded or failed */
  firstAttempt;
  #connectionString;
  #events;
  #closed = false;
  /** @type {pg.Client | null} */
  #client = null;
  /** the database's clock at the last catch-up: null before the first one */
  /** @type {Date | null} */
  #lastSeen = null;
  #failures = 0;
  /** @type {NodeJS.Timeout | undefined} */
  #retry;
  /** @type {NodeJS.Timeout | undefined} */
  #heartbeat;

  /**
   * @param {string} connectionString
   * @param {ListenerEvents} events
   */
  constructor(connectionString, events) {
    this.#connectionString = connectionString;
    this.#events = events;
    this.firstAttempt = this.#connect();
  }

  /** The backend process of the LISTEN connection (for tests that cut it). */
  get backendPid() {
    return /** @type {{ processID?: number } | null} */ (this.#client)?.processID ?? null;
  }

  async close() {
    this.#closed = true;
    clearTimeout(this.#retry);
    clearInterval(this.#heartbeat);
    this.listening = false;
    const client = this.#client;
    this.#client = null;
    client?.removeAllListeners();
    client?.on("error", () => {});
    await client?.end().catch(() => {});
  }

  async #connect() {
    if (this.#closed) return;
    const client = new pg.Client({
      connectionString: this.#connectionString,
      keepAlive: true,
      connectionTimeoutMillis: 2_000,
    });
    this.#client = client;
    /** @param {unknown} error */
    const lost = (error) => this.#lost(client, error);
    client.on("error", lost);
    client.on("end", () => lost(new Error("the connection ended")));
    client.on("notification", (message) => {
      if (message.channel !== CHANNEL || !message.payload) return;
      const expiration = parseTagExpiration(message.payload);
      if (expiration) this.#events.onExpiration(expiration);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
      await client.query(
        `delete from cache_tag_expirations where updated_at < now() - make_interval(secs => $1::float8)`,
        [RETENTION_SECONDS],
      );
      const since = this.#lastSeen;
      const {
        rows: [{ now }],
      } = await client.query("select clock_timestamp() as now");
      const { rows } = await client.query(
        `select tag,
                extract(epoch from ($1::timestamptz - stale_at))::float8 * 1000 as stale_ago_ms,
                extract(epoch from ($1::timestamptz - expired_at))::float8 * 1000 as expired_ago_ms
           from cache_tag_expirations
          where $2::timestamptz is null or updated_at > $2::timestamptz - make_interval(secs => $3::float8)`,
        [now, since, CATCH_UP_SLACK_SECONDS],
      );
      if (this.#client !== client) return;
      /** @type {CatchUpKind} */
      const kind =
        since === null
          ? "start"
          : now.getTime() - since.getTime() > (RETENTION_SECONDS - 60) * 1000
            ? "history-lost"
            : "reconnect";
      this.#events.onCatchUp(
        rows.map((row) => ({ tag: row.tag, staleAgoMs: row.stale_ago_ms, expiredAgoMs: row.expired_ago_ms })),
        kind,
      );
      this.#lastSeen = now;
      this.#failures = 0;
      this.listening = true;
      this.#events.log("info", `listening for cache tag expirations (${kind}, ${rows.length} read back)`);
      // A half-open TCP connection never errors by itself: ask something now and then.
      this.#heartbeat = setInterval(() => {
        const timeout = setTimeout(() => lost(new Error("no answer to the heartbeat")), HEARTBEAT_TIMEOUT_MS);
        timeout.unref();
        client.query("select 1").then(
          () => clearTimeout(timeout),
          (/** @type {unknown} */ error) => {
            clearTimeout(timeout);
            lost(error);
          },
        );
      }, HEARTBEAT_MS);
      this.#heartbeat.unref();
    } catch (error) {
      lost(error);
    }
  }

  /**
   * @param {pg.Client} client
   * @param {unknown} error
   */
  #lost(client, error) {
    if (this.#client !== client) return;
    this.#client = null;
    this.listening = false;
    clearInterval(this.#heartbeat);
    client.removeAllListeners();
    client.on("error", () => {});
    client.end().catch(() => {});
    if (this.#closed) return;
    this.#events.log(
      "warn",
      "lost the connection that hears cache tag expirations: the cache is bypassed until it is back",
      error,
    );
    const delay = Math.min(MAX_RETRY_MS, 250 * 2 ** this.#failures++);
    this.#retry = setTimeout(() => void this.#connect(), delay);
    this.#retry.unref();
  }
}
