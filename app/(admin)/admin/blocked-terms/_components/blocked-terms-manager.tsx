"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { Ban, Plus, Trash2 } from "lucide-react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useAction, useFormAction } from "@/components/hooks/use-action";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { Field, fieldControlProps } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { RelativeTime } from "@/components/ui/relative-time";
import { toast } from "@/components/ui/toaster";
import type { BlockedTermItem } from "@/lib/data/blocked-terms";
import {
  addBlockedTermSchema,
  BLOCKED_TERM_MAX,
  type AddBlockedTermInput,
} from "@/lib/validation/moderation-settings";
import { addBlockedTermAction, removeBlockedTermAction } from "../actions";

type Props = {
  initialTerms: BlockedTermItem[];
  /** new terms are listed here only on the first page (later pages start past them alphabetically) */
  firstPage: boolean;
};

/** The add form and the list of blocked terms, each removable after a confirmation. */
export function BlockedTermsManager({ initialTerms, firstPage }: Props) {
  const [terms, setTerms] = useState(initialTerms);
  const [removing, setRemoving] = useState<BlockedTermItem | null>(null);
  const { run: sendRemove, pending: busy } = useAction(removeBlockedTermAction, {
    // Another admin removing it first is no failure here: see `remove`.
    onFailure: (failure) => {
      if (failure.code !== "NOT_FOUND") toast.error(failure.message);
    },
  });

  function added(term: BlockedTermItem) {
    toast.success(`“${term.term}” is blocked`);
    if (firstPage) {
      setTerms((current) =>
        [...current, term].sort((a, b) => (a.term < b.term ? -1 : a.term > b.term ? 1 : 0)),
      );
    }
  }

  async function remove(term: BlockedTermItem) {
    const outcome = await sendRemove({ id: term.id });
    // Gone either way: removed now, or already removed by another admin.
    if (outcome.ok || outcome.code === "NOT_FOUND") {
      setTerms((current) => current.filter((t) => t.id !== term.id));
      setRemoving(null);
      toast.success(`“${term.term}” is no longer blocked`);
    }
  }

  return (
    <div className="flex flex-col gap-6">
      <AddBlockedTermForm onAdded={added} />

      <section aria-labelledby="blocked-terms-list" className="flex flex-col gap-3">
        <h2 id="blocked-terms-list" className="text-xl font-semibold">
          On the list
        </h2>
        {terms.length === 0 ? (
          <EmptyState
            icon={<Ban />}
            title="No blocked terms yet"
            description="Add a word or phrase above: insights containing it will wait for a moderator."
          />
        ) : (
          <ul aria-label="Blocked terms" className="divide-border border-border divide-y rounded-lg border">
            {terms.map((term) => (
              <li key={term.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3">
                <div className="min-w-0">
                  <p className="font-medium break-words">{term.term}</p>
                  <p className="text-muted-foreground text-sm">
                    Added <RelativeTime date={term.createdAt} />
                    {term.addedBy ? ` by ${term.addedBy.name}` : null}
                  </p>
                </div>
                <Button
                  variant="ghost"
                  size="sm"
                  aria-label={`Remove “${term.term}”`}
                  onClick={() => setRemoving(term)}
                >
                  <Trash2 aria-hidden="true" /> Remove
                </Button>
              </li>
            ))}
          </ul>
        )}
      </section>

      <Dialog open={removing !== null} onOpenChange={(open) => (open ? null : setRemoving(null))}>
        <DialogContent>
          <DialogHeader>
            <DialogTitle>Remove “{removing?.term}”?</DialogTitle>
            <DialogDescription>
              New insights containing it will publish at once again. Insights already held stay in the queue.
            </DialogDescription>
          </DialogHeader>
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="outline" disabled={busy}>
                Keep it
              </Button>
            </DialogClose>
            <Button
              variant="destructive"
              disabled={busy}
              aria-disabled={busy}
              onClick={() => (removing ? void remove(removing) : undefined)}
            >
              {busy ? "Removing…" : "Remove term"}
            </Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </div>
  );
}

function AddBlockedTermForm({ onAdded }: { onAdded: (term: BlockedTermItem) => void }) {
  const form = useForm<AddBlockedTermInput>({
    resolver: zodResolver(addBlockedTermSchema),
    defaultValues: { term: "" },
  });
  const { errors, isSubmitting } = form.formState;

  const submit = useFormAction(form, addBlockedTermAction, {
    onSuccess: (term) => {
      form.reset({ term: "" });
      onAdded(term);
    },
  });

  return (
    <form
      aria-label="Add a blocked term"
      onSubmit={(event) => void submit(event)}
      noValidate
      className="border-border bg-card flex flex-col gap-3 rounded-lg border p-4"
    >
      {errors.root?.message ? (
        <Alert variant="destructive">
          <AlertDescription>{errors.root.message}</AlertDescription>
        </Alert>
      ) : null}
      <Field
        id="blocked-term"
        label="Word or phrase"
        description={`Up to ${BLOCKED_TERM_MAX} characters. Matched as whole words, ignoring case and spacing.`}
        error={errors.term?.message}
      >
        <Input
          autoComplete="off"
          maxLength={BLOCKED_TERM_MAX * 2}
          {...fieldControlProps("blocked-term", { description: true, error: errors.term })}
          {...form.register("term")}
        />
      </Field>
      <div>
        <Button type="submit" disabled={isSubmitting} aria-disabled={isSubmitting}>
          <Plus aria-hidden="true" /> {isSubmitting ? "Adding…" : "Add term"}
        </Button>
      </div>
    </form>
  );
}
