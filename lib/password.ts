// argon2id password hashing (OWASP's recommended parameters). Used by the data layer and the seed; no
// `server-only` marker so command-line scripts can import it, but nothing client-side ever does.
import { hash, verify } from "@node-rs/argon2";

const ARGON2ID = 2; // Algorithm.Argon2id: a const enum, which isolated modules cannot import
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

// Verifying against this when no account matches keeps the response time the same either way, so
// timing does not reveal which emails have accounts.
const UNUSED_HASH =
  "$argon2id$v=19$m=19456,t=2,p=1$+Aok8lyWnTS3b/boszom4A$pRyV8vEiJtrzdDAL4Xah2nXzOk08rR1nfWAjd+2v85k";

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash ?? UNUSED_HASH, password);
  } catch {
    return false;
  }
}
