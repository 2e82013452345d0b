import type { UseFormReturn } from "react-hook-form";
import { describe, expect, it, vi } from "vitest";
import { callAction, OFFLINE_MESSAGE, showFailureOnForm } from "./call-action";

type Values = { title: string; body: string };

function fakeForm() {
  const setError = vi.fn();
  return { form: { setError } as unknown as UseFormReturn<Values>, setError };
}

describe("callAction", () => {
  it("passes the server's answer through, success or failure", async () => {
    await expect(callAction(async () => ({ ok: true as const, data: 1 }))).resolves.toEqual({
      ok: true,
      data: 1,
    });
    const refused = {
      ok: false as const,
      code: "CONFLICT" as const,
      reason: "ALREADY_HANDLED" as const,
      message: "Another moderator already handled this item.",
    };
    await expect(callAction(async () => refused)).resolves.toEqual(refused);
  });

  it("turns a request that got no answer into one OFFLINE failure", async () => {
    const outcome = await callAction(() => Promise.reject(new TypeError("Failed to fetch")));
    expect(outcome).toEqual({ ok: false, code: "OFFLINE", message: OFFLINE_MESSAGE });
  });
});

describe("showFailureOnForm", () => {
  it("puts field errors beside their fields and focuses the first", () => {
    const { form, setError } = fakeForm();
    showFailureOnForm(
      form,
      {
        ok: false,
        code: "INVALID_INPUT",
        message: "Please check the highlighted fields.",
        fieldErrors: { title: "Too short.", body: "Too long." },
      },
      ["title", "body"],
    );
    expect(setError.mock.calls).toEqual([
      ["title", { message: "Too short." }, { shouldFocus: true }],
      ["body", { message: "Too long." }, { shouldFocus: false }],
    ]);
  });

  it("puts anything else at the top of the form", () => {
    const { form, setError } = fakeForm();
    showFailureOnForm(
      form,
      { ok: false, code: "INVALID_INPUT", message: "Check it.", fieldErrors: { other: "x" } },
      ["title"],
    );
    showFailureOnForm(form, { ok: false, code: "OFFLINE", message: OFFLINE_MESSAGE }, ["title"]);
    expect(setError.mock.calls).toEqual([
      ["root", { message: "Check it." }],
      ["root", { message: OFFLINE_MESSAGE }],
    ]);
  });
});
