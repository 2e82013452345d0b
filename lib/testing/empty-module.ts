// Stands in for `server-only` under vitest: the real package throws when imported outside a React
// Server Components bundle, but tests run the server code directly in Node.
export {};
