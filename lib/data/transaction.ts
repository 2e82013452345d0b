import "server-only";
import type { db } from "@/lib/db";

/** The client inside `db.$transaction(async (tx) => …)`: data functions that join a caller's transaction take it. */
export type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];
