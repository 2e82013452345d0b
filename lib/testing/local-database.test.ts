import { describe, expect, it } from "vitest";
import { databaseHost, isLocalDatabaseUrl, withDatabase } from "./local-database";

describe("isLocalDatabaseUrl", () => {
  it.each([
    "postgresql://postgres:secret@localhost:5432/app",
    "postgresql://postgres@127.0.0.1/app",
    "postgres://postgres@[::1]:5433/app",
  ])("accepts %s", (url) => {
    expect(isLocalDatabaseUrl(url)).toBe(true);
  });

  it.each([
    "postgresql://postgres@db.example.com/app",
    "postgresql://postgres@10.0.0.5/app",
    "postgresql://localhost.example.com/app",
    "not a url",
  ])("refuses %s", (url) => {
    expect(isLocalDatabaseUrl(url)).toBe(false);
  });
});

describe("withDatabase", () => {
  it("swaps only the database name", () => {
    expect(
      withDatabase("postgresql://u:p%40ss@127.0.0.1:5432/postgres?sslmode=disable", "roundtable_e2e_1"),
    ).toBe("postgresql://u:p%40ss@127.0.0.1:5432/roundtable_e2e_1?sslmode=disable");
  });

  it("reads the host", () => {
    expect(databaseHost("postgresql://u@[::1]:5432/x")).toBe("[::1]");
  });
});
