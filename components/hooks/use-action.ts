"use client";

import { useState } from "react";
import type { FieldValues, Path, UseFormReturn } from "react-hook-form";
import { toast } from "@/components/ui/toaster";
import type { ActionResult } from "@/lib/action-result";
import {
  callAction,
  showFailureOnForm,
  type ActionFailure,
  type ActionOutcome,
} from "@/lib/client/call-action";

type Handlers<T> = {
  onSuccess?: (data: T) => void | Promise<void>;
  /** what to do with a failure; by default its message is shown as a toast */
  onFailure?: (failure: ActionFailure) => void;
};

/**
 * A button's or menu item's server action: `run` calls it through `callAction`, `pending` is true meanwhile,
 * success goes to `onSuccess` and a failure (including a network failure) to `onFailure` or a toast. `run`
 * also returns the outcome for callers that need it (optimistic updates roll back on `ok: false`).
 */
export function useAction<Args extends unknown[], T>(
  action: (...args: Args) => Promise<ActionResult<T>>,
  handlers: Handlers<T> = {},
) {
  const [pending, setPending] = useState(false);
  async function run(...args: Args): Promise<ActionOutcome<T>> {
    setPending(true);
    try {
      const outcome = await callAction(() => action(...args));
      if (outcome.ok) await handlers.onSuccess?.(outcome.data);
      else (handlers.onFailure ?? showToast)(outcome);
      return outcome;
    } finally {
      setPending(false);
    }
  }
  return { run, pending };
}

function showToast(failure: ActionFailure): void {
  toast.error(failure.message);
}

/**
 * A react-hook-form form's server action: returns the `onSubmit` handler. The form's values go to `action`
 * (after the form's own zod resolver passed them); field errors from the server land beside their fields,
 * the first one focused, anything else (including a network failure) becomes the form's root error. What
 * the member typed is never cleared on failure.
 */
export function useFormAction<Values extends FieldValues, T>(
  form: UseFormReturn<Values>,
  action: (values: Values) => Promise<ActionResult<T>>,
  handlers: Handlers<T> & { fields?: readonly Path<Values>[] } = {},
) {
  return form.handleSubmit(async (values) => {
    const outcome = await callAction(() => action(values));
    if (outcome.ok) {
      await handlers.onSuccess?.(outcome.data);
      return;
    }
    showFailureOnForm(form, outcome, handlers.fields ?? (Object.keys(values) as Path<Values>[]));
    handlers.onFailure?.(outcome);
  });
}
