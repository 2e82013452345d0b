// Tests create, fill and drop databases: they must never touch a server on another machine.
const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);

/** The host a database URL points at ("" when it cannot be parsed). */
export function databaseHost(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return "";
  }
}

export function isLocalDatabaseUrl(url: string): boolean {
  return LOCAL_HOSTS.has(databaseHost(url));
}

/** `url` with its database name replaced by `database`. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}
