import type { FieldValues, Path, UseFormReturn } from "react-hook-form";
import type { ActionResult } from "@/lib/action-result";

const OFFLINE = "We could not reach Roundtable. Nothing was lost: try again.";

/**
 * Puts a failed action's messages onto the form: each field error next to its field (the first one takes
 * focus), anything else at the top. `result` null means the request itself failed.
 */
export function showActionErrors<T extends FieldValues>(
  form: UseFormReturn<T>,
  result: Extract<ActionResult<unknown>, { ok: false }> | null,
  fields: readonly Path<T>[],
): void {
  if (!result) {
    form.setError("root", { message: OFFLINE });
    return;
  }
  let focused = false;
  let placed = false;
  for (const field of fields) {
    const message = result.fieldErrors?.[field];
    if (!message) continue;
    form.setError(field, { message }, { shouldFocus: !focused });
    focused = true;
    placed = true;
  }
  if (!placed) form.setError("root", { message: result.message });
}

export { OFFLINE as OFFLINE_MESSAGE };
