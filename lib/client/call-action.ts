import type { FieldValues, Path, UseFormReturn } from "react-hook-form";
import type { ActionResult } from "@/lib/action-result";

// The one way the browser calls a server action. A server action's promise rejects when the request never
// got an answer (offline, a dropped connection, a deploy in between); everything the server decided arrives
// as an ActionResult. `callAction` folds the first into the second, so every caller handles one shape, shows
// one wording for a network failure, and branches on `code`/`reason`, never on a message.

/** Said whenever the request itself failed: the server decided nothing, and the form keeps what was typed. */
export const OFFLINE_MESSAGE = "We could not reach Roundtable. Nothing was lost: try again.";

export type ActionFailure =
  | Extract<ActionResult<never>, { ok: false }>
  | { ok: false; code: "OFFLINE"; reason?: undefined; message: string; fieldErrors?: undefined };
export type ActionOutcome<T> = { ok: true; data: T } | ActionFailure;

/** Runs a server action; a request that got no answer becomes an OFFLINE failure instead of a throw. */
export async function callAction<T>(action: () => Promise<ActionResult<T>>): Promise<ActionOutcome<T>> {
  try {
    return await action();
  } catch {
    return { ok: false, code: "OFFLINE", message: OFFLINE_MESSAGE };
  }
}

/**
 * Puts a failure onto a react-hook-form form: each field error beside its field (the first one takes focus),
 * anything else, including a network failure, at the top as the form's root error.
 */
export function showFailureOnForm<T extends FieldValues>(
  form: UseFormReturn<T>,
  failure: ActionFailure,
  fields: readonly Path<T>[],
): void {
  let placed = false;
  for (const field of fields) {
    const message = failure.fieldErrors?.[field];
    if (!message) continue;
    form.setError(field, { message }, { shouldFocus: !placed });
    placed = true;
  }
  if (!placed) form.setError("root", { message: failure.message });
}
