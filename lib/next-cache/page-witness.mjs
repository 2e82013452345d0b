// @ts-check
// Which cached page a request was answered with. Next does not say it outside its minimal mode: a
// response carries neither the page's tags nor when it was rendered. The HTTP server in front of Next
// (lib/server/fast-path.ts) keeps a copy of shared pages and must expire that copy exactly as this cache
// expires the page, so it runs Next's handler inside a witness and the cache store notes here every page
// or route entry it hands out or stores during that request.
//
// Next imports the cache handler itself (a plain import()), and the server imports it through tsx: the one
// AsyncLocalStorage lives on globalThis so both sides see the same one.
import { AsyncLocalStorage } from "node:async_hooks";

const STORAGE = Symbol.for("roundtable.next-cache.page-witness");

/**
 * What the cache knows of a page or route entry: its tags, when it counts as rendered (the cache store's
 * stamp, in Next's clock) and how long it stays fresh (`false`: until a tag expires).
 * @typedef {{ tags: string[]; lastModified: number; revalidate: number | false | undefined }} WitnessedPage
 */

/** @typedef {{ pages: WitnessedPage[] }} PageWitness */

/** @returns {AsyncLocalStorage<PageWitness>} */
function storage() {
  const global = /** @type {{ [STORAGE]?: AsyncLocalStorage<PageWitness> }} */ (
    /** @type {unknown} */ (globalThis)
  );
  return (global[STORAGE] ??= new AsyncLocalStorage());
}

/**
 * Runs `handle` with a witness that collects the page entries the cache serves or stores meanwhile.
 * @template T
 * @param {() => T} handle
 * @returns {{ witness: PageWitness; result: T }}
 */
export function withPageWitness(handle) {
  /** @type {PageWitness} */
  const witness = { pages: [] };
  return { witness, result: storage().run(witness, handle) };
}

/**
 * Notes a page entry for the request being handled, if anyone is watching.
 * @param {WitnessedPage} page
 */
export function notePage(page) {
  storage().getStore()?.pages.push(page);
}
