import { signIn } from "next-auth/react";
import { OFFLINE_MESSAGE } from "@/lib/client/call-action";

const INCORRECT = "Email or password is incorrect.";

export type SignInOutcome = { ok: true } | { ok: false; code: "REFUSED" | "OFFLINE"; message: string };

/**
 * Signs in with an email and password without leaving the page. next-auth answers a wrong email or
 * password with "CredentialsSignin"; its other answers are ours (too many attempts, a suspended account)
 * and safe to show. A request that got no answer says what a server action's does (OFFLINE_MESSAGE).
 */
export async function signInWithPassword(credentials: {
  email: string;
  password: string;
}): Promise<SignInOutcome> {
  let result: Awaited<ReturnType<typeof signIn>>;
  try {
    result = await signIn("credentials", { ...credentials, redirect: false });
  } catch {
    return { ok: false, code: "OFFLINE", message: OFFLINE_MESSAGE };
  }
  if (result?.ok && !result.error) return { ok: true };
  const message = !result?.error || result.error === "CredentialsSignin" ? INCORRECT : result.error;
  return { ok: false, code: "REFUSED", message };
}
