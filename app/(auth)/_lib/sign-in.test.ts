import { beforeEach, describe, expect, it, vi } from "vitest";
import { OFFLINE_MESSAGE } from "@/lib/client/call-action";

const nextAuth = vi.hoisted(() => ({ signIn: vi.fn() }));
vi.mock("next-auth/react", () => nextAuth);
const { signInWithPassword } = await import("./sign-in");

const credentials = { email: "ada@example.test", password: "analytical-engine-1843" };
const answer = (ok: boolean, error: string | null) => ({ ok, error, status: ok ? 200 : 401, url: null });

beforeEach(() => {
  nextAuth.signIn.mockReset();
});

describe("signInWithPassword", () => {
  it("signs in with the credentials provider without leaving the page", async () => {
    nextAuth.signIn.mockResolvedValue(answer(true, null));
    expect(await signInWithPassword(credentials)).toEqual({ ok: true });
    expect(nextAuth.signIn).toHaveBeenCalledWith("credentials", { ...credentials, redirect: false });
  });

  it("says the same for a wrong email and a wrong password, and for no answer body", async () => {
    const incorrect = { ok: false, code: "REFUSED", message: "Email or password is incorrect." };
    nextAuth.signIn.mockResolvedValue(answer(false, "CredentialsSignin"));
    expect(await signInWithPassword(credentials)).toEqual(incorrect);
    nextAuth.signIn.mockResolvedValue(undefined);
    expect(await signInWithPassword(credentials)).toEqual(incorrect);
  });

  it("passes on the server's own refusals (throttling, a suspended account) as they are", async () => {
    nextAuth.signIn.mockResolvedValue(answer(false, "This account is suspended."));
    expect(await signInWithPassword(credentials)).toEqual({
      ok: false,
      code: "REFUSED",
      message: "This account is suspended.",
    });
  });

  it("words a request that got no answer as a server action's", async () => {
    nextAuth.signIn.mockRejectedValue(new TypeError("Failed to fetch"));
    expect(await signInWithPassword(credentials)).toEqual({
      ok: false,
      code: "OFFLINE",
      message: OFFLINE_MESSAGE,
    });
  });
});
