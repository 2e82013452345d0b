"use client";

import { Inbox, Keyboard } from "lucide-react";
import { useEffect, useEffectEvent, useRef, useState } from "react";
import { useAction } from "@/components/hooks/use-action";
import { useViewer } from "@/components/layout/viewer-provider";
import { queueShortcutFor } from "../_lib/queue-shortcuts";
import { appendPage, clampIndex, putBack, takeOut } from "../_lib/queue-state";
import { QUEUE_SHORTCUTS } from "./keyboard-help-dialog";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { toast } from "@/components/ui/toaster";
import type { ActionResult } from "@/lib/action-result";
import { callAction, type ActionFailure } from "@/lib/client/call-action";
import type { QueueFilters, QueueItem, QueuePage } from "@/lib/data/moderation/queue";
import type { Actor } from "@/lib/domain/permissions";
import {
  approveInsightAction,
  bulkDecideAction,
  decideAppealAction,
  loadMoreQueueAction,
  rejectInsightAction,
  reloadQueueItemAction,
  removeInsightAction,
  restoreInsightAction,
} from "../actions";
import { AppealDecisionDialog, type AppealOutcomeValues } from "./appeal-decision-dialog";
import { DecisionDialog, type DecisionValues } from "./decision-dialog";
import { KeyboardHelpDialog, Kbd } from "./keyboard-help-dialog";
import { declineVerb, isDecidable, QueueItemCard } from "./queue-item-card";

type Props = {
  initial: QueuePage;
  filters: QueueFilters;
  /** every item waiting, whatever the filters */
  total: number;
  viewer: Actor;
};

type OpenDialog =
  | { type: "decline"; insightIds: string[]; verb: "reject" | "remove" }
  | { type: "appeal"; insightId: string; appealId: string; outcome: "UPHELD" | "OVERTURNED" }
  | { type: "help" }
  | null;

type BulkResult = {
  changes: unknown[];
  alreadyHandled: string[];
  /** edited by their authors since the moderator opened them */
  changed: string[];
  skipped: { insightId: string; message: string }[];
};

type Settle = {
  /** puts these items back as they were */
  giveBack: (ids: string[]) => void;
  /** puts these items back as they stand now (their author edited them) */
  showAgain: (ids: string[]) => void;
};

/** Nothing left to decide (the dialog's target went away): the dialog just closes. */
const NOTHING_TO_DECIDE: ActionResult<null> = { ok: true, data: null };

/**
 * A refused decision as a toast: another moderator being faster, or the author editing meanwhile, is a
 * warning (the list already shows the outcome); anything else is an error.
 */
function showRefusal(failure: ActionFailure): void {
  if (failure.code === "CONFLICT") toast.warning(failure.message);
  else toast.error(failure.message);
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/**
 * The review queue: oldest first, one item current (j/k), decided with buttons or keys (a, r), several
 * at once when selected. Each decision carries the version of the item the moderator saw. Handled items
 * leave the list at once; if the server refuses they come back, if another moderator was faster the
 * moderator is told so, and if the author edited the text meanwhile the item comes back with the new text.
 */
export function ModerationQueue({ initial, filters, total: initialTotal, viewer }: Props) {
  const { refresh: refreshViewer } = useViewer();
  const [items, setItems] = useState<QueueItem[]>(initial.items);
  const [nextCursor, setNextCursor] = useState(initial.nextCursor);
  const [total, setTotal] = useState(initialTotal);
  const [currentIndex, setCurrentIndex] = useState(0);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState<ReadonlySet<string>>(new Set());
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const itemRefs = useRef(new Map<string, HTMLElement>());
  const focusPending = useRef(false);

  const index = clampIndex(currentIndex, items.length);
  const current = items[index] ?? null;
  const selectedItems = items.filter((item) => selected.has(item.insightId));

  // Moves (j/k) and removals ask for the current item to take focus once it is on the screen.
  useEffect(() => {
    if (!focusPending.current || dialog) return;
    focusPending.current = false;
    const element = current ? itemRefs.current.get(current.insightId) : null;
    element?.focus({ preventScroll: true });
    element?.scrollIntoView({ block: "nearest" });
  });

  function focusCurrent() {
    focusPending.current = true;
    // An effect runs after the next render; make sure there is one even if nothing else changed.
    setCurrentIndex((value) => value);
  }

  function moveTo(nextIndex: number) {
    focusPending.current = true;
    setCurrentIndex(clampIndex(nextIndex, items.length));
  }

  function markBusy(ids: string[], value: boolean) {
    setBusy((currentBusy) => {
      const next = new Set(currentBusy);
      for (const id of ids) {
        if (value) next.add(id);
        else next.delete(id);
      }
      return next;
    });
  }

  /** The version of each item as this moderator sees it, to send with a decision. */
  function targetsOf(insightIds: string[]) {
    return items
      .filter((item) => insightIds.includes(item.insightId))
      .map((item) => ({ insightId: item.insightId, version: item.version }));
  }

  /**
   * Takes the items out of the list at once and sends the decision, whose outcome settles the list: put
   * back on failure, left out when another moderator already handled them, shown again with the new text
   * when their author edited them since. Answers the action's own promise, for the button or form that sent
   * it to report a failure the way it reports failures.
   */
  function decide<T>(
    insightIds: string[],
    send: () => Promise<ActionResult<T>>,
    onSuccess: (data: T, settle: Settle) => void,
  ): Promise<ActionResult<T>> {
    const taken = takeOut(items, insightIds);
    setItems((currentItems) => takeOut(currentItems, insightIds).items);
    setSelected((currentSelected) => new Set([...currentSelected].filter((id) => !insightIds.includes(id))));
    setTotal((value) => Math.max(0, value - taken.removed.length));
    markBusy(insightIds, true);
    focusPending.current = true;

    const giveBack = (ids: string[]) => {
      const back = taken.removed.filter(({ item }) => ids.includes(item.insightId));
      setItems((currentItems) => putBack(currentItems, back));
      setTotal((value) => value + back.length);
    };
    const showAgain = (ids: string[]) => {
      const back = taken.removed.filter(({ item }) => ids.includes(item.insightId));
      void Promise.all(
        back.map(async (entry) => {
          const fresh = await callAction(() => reloadQueueItemAction({ insightId: entry.item.insightId }));
          return fresh.ok && fresh.data ? { ...entry, item: fresh.data } : null;
        }),
      ).then((entries) => {
        const found = entries.filter((entry) => entry !== null);
        if (found.length === 0) return;
        setItems((currentItems) => putBack(currentItems, found));
        setTotal((value) => value + found.length);
      });
    };

    const sent = send();
    void callAction(() => sent).then((outcome) => {
      markBusy(insightIds, false);
      if (outcome.ok) {
        onSuccess(outcome.data, { giveBack, showAgain });
        void refreshViewer();
      } else if (outcome.code === "CONFLICT") {
        if (outcome.reason === "EDITED_SINCE_SEEN") showAgain(insightIds);
        void refreshViewer();
      } else {
        giveBack(insightIds);
      }
    });
    return sent;
  }

  const { run: approve } = useAction(
    (item: QueueItem) =>
      decide(
        [item.insightId],
        () => approveInsightAction({ insightId: item.insightId, version: item.version }),
        () =>
          toast.success(item.kind === "pending" ? "Insight approved and published" : "Insight approved", {
            description:
              item.kind === "pending" ? undefined : "It stays published and its reports are closed.",
          }),
      ),
    { onFailure: showRefusal },
  );

  const { run: approveSelected } = useAction(
    (ids: string[]) =>
      decide(
        ids,
        () => bulkDecideAction({ items: targetsOf(ids), action: "approve" }),
        (result, settle) => settleBulk("Approved", result, settle),
      ),
    { onFailure: showRefusal },
  );

  /**
   * Announces a bulk decision; items refused for a reason of their own go back into the list, and those
   * their author edited meanwhile come back with the new text.
   */
  function settleBulk(verb: string, result: BulkResult, { giveBack, showAgain }: Settle) {
    const { changes, alreadyHandled, changed, skipped } = result;
    if (changed.length > 0) {
      showAgain(changed);
      toast.warning(
        `${plural(changed.length, "item was", "items were")} edited by the author after you opened ${changed.length === 1 ? "it" : "them"}.`,
        { description: "Not decided: review the new text." },
      );
    }
    if (skipped.length > 0) {
      giveBack(skipped.map((entry) => entry.insightId));
      toast.error(`${plural(skipped.length, "item was", "items were")} not changed`, {
        description: [...new Set(skipped.map((entry) => entry.message))].join(" "),
      });
    }
    if (changes.length === 0 && skipped.length === 0 && alreadyHandled.length > 0) {
      toast.warning(
        `${plural(alreadyHandled.length, "item was", "items were")} already handled by another moderator.`,
      );
      return;
    }
    if (changes.length === 0) return;
    toast.success(`${verb} ${plural(changes.length, "insight")}`, {
      description:
        alreadyHandled.length > 0
          ? `${plural(alreadyHandled.length, "item was", "items were")} already handled by another moderator.`
          : undefined,
    });
  }

  const { run: restore } = useAction(restoreInsightAction, {
    onSuccess: () => {
      toast.success("Insight restored");
      void refreshViewer();
    },
  });

  async function submitDecline(values: DecisionValues): Promise<ActionResult<unknown>> {
    if (dialog?.type !== "decline") return NOTHING_TO_DECIDE;
    const { insightIds, verb } = dialog;
    if (insightIds.length > 1) {
      return decide(
        insightIds,
        () =>
          bulkDecideAction({
            items: targetsOf(insightIds),
            action: "reject",
            reason: values.reason,
            note: values.note,
          }),
        (result, settle) => settleBulk("Rejected", result, settle),
      );
    }
    const [insightId] = insightIds as [string];
    const version = items.find((item) => item.insightId === insightId)?.version;
    const input = { insightId, version, reason: values.reason, note: values.note };
    if (verb === "reject") {
      return decide(
        insightIds,
        () => rejectInsightAction(input),
        () =>
          toast.success("Insight rejected", { description: "The author sees the reason and can appeal." }),
      );
    }
    return decide(
      insightIds,
      () => removeInsightAction(input),
      () =>
        toast.success("Insight removed", {
          description: "The author sees the reason and can appeal.",
          action: { label: "Undo", onClick: () => void restore({ insightId }) },
        }),
    );
  }

  async function submitAppeal(values: AppealOutcomeValues): Promise<ActionResult<unknown>> {
    if (dialog?.type !== "appeal") return NOTHING_TO_DECIDE;
    const { insightId, appealId } = dialog;
    return decide(
      [insightId],
      () => decideAppealAction({ appealId, outcome: values.outcome, note: values.note }),
      () =>
        toast.success(
          values.outcome === "UPHELD"
            ? "Appeal decided: the decision stands"
            : "Appeal decided: the decision was reversed",
        ),
    );
  }

  function openDecline(item: QueueItem) {
    if (!isDecidable(item)) return;
    setDialog({ type: "decline", insightIds: [item.insightId], verb: declineVerb(item) });
  }

  const { run: fetchMore, pending: loadingMore } = useAction(loadMoreQueueAction, {
    onSuccess: (page) => {
      setItems((currentItems) => appendPage(currentItems, page.items));
      setNextCursor(page.nextCursor);
    },
  });

  function loadMore() {
    if (!nextCursor || loadingMore) return;
    void fetchMore({ filters, cursor: nextCursor });
  }

  /** A dialog's decision another moderator beat (or the author changed): told as a warning, dialog closed. */
  function onDialogRefused(failure: ActionFailure) {
    if (failure.code !== "CONFLICT") return;
    toast.warning(failure.message);
    setDialog(null);
  }

  function toggleSelected(insightId: string, value: boolean) {
    setSelected((currentSelected) => {
      const next = new Set(currentSelected);
      if (value) next.add(insightId);
      else next.delete(insightId);
      return next;
    });
  }

  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    if (dialog || event.defaultPrevented) return;
    const shortcut = queueShortcutFor({
      key: event.key,
      ctrlKey: event.ctrlKey,
      metaKey: event.metaKey,
      altKey: event.altKey,
      repeat: event.repeat,
      target: event.target instanceof HTMLElement ? event.target : null,
    });
    if (!shortcut) return;
    if (shortcut === "help") {
      event.preventDefault();
      setDialog({ type: "help" });
      return;
    }
    if (!current) return;
    event.preventDefault();
    switch (shortcut) {
      case "next":
        moveTo(index + 1);
        break;
      case "previous":
        moveTo(index - 1);
        break;
      case "approve":
        if (isDecidable(current) && !busy.has(current.insightId)) void approve(current);
        break;
      case "decline":
        if (!busy.has(current.insightId)) openDecline(current);
        break;
      case "toggle-select":
        if (isDecidable(current)) toggleSelected(current.insightId, !selected.has(current.insightId));
        break;
    }
  });

  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKeyDown(event);
    document.addEventListener("keydown", listener);
    return () => document.removeEventListener("keydown", listener);
  }, []);

  const decidable = items.filter(isDecidable);
  const allSelected = decidable.length > 0 && decidable.every((item) => selected.has(item.insightId));
  const bulkRejectable = selectedItems.length > 0 && selectedItems.every((item) => item.status === "PENDING");
  const filtered = Boolean(filters.kind || filters.domainSlug || filters.reason);
  const declineDialog = dialog?.type === "decline" ? dialog : null;

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p role="status" className="text-muted-foreground text-sm">
          <span className="text-foreground font-semibold tabular-nums">{total}</span>{" "}
          {total === 1 ? "item is" : "items are"} waiting for a moderator
          {filtered ? " (all kinds and domains)" : ""}.
        </p>
        <Button variant="outline" size="sm" onClick={() => setDialog({ type: "help" })}>
          <Keyboard aria-hidden="true" /> Keyboard shortcuts <Kbd>?</Kbd>
        </Button>
      </div>

      {decidable.length > 0 ? (
        <div
          role="toolbar"
          aria-label="Selected items"
          className="border-border bg-muted/40 flex flex-wrap items-center gap-2 rounded-lg border px-3 py-2 text-sm"
        >
          <label className="mr-auto flex items-center gap-2">
            <input
              type="checkbox"
              className="accent-accent size-4"
              checked={allSelected}
              onChange={(event) =>
                setSelected(
                  event.target.checked ? new Set(decidable.map((item) => item.insightId)) : new Set(),
                )
              }
            />
            {selectedItems.length > 0 ? `${selectedItems.length} selected` : "Select all shown"}
          </label>
          <Button
            size="sm"
            disabled={selectedItems.length === 0}
            onClick={() => void approveSelected(selectedItems.map((item) => item.insightId))}
          >
            Approve selected
          </Button>
          <Button
            size="sm"
            variant="outline"
            disabled={!bulkRejectable}
            title={
              selectedItems.length > 0 && !bulkRejectable
                ? "Only items awaiting review can be rejected together."
                : undefined
            }
            onClick={() =>
              setDialog({
                type: "decline",
                insightIds: selectedItems.map((item) => item.insightId),
                verb: "reject",
              })
            }
          >
            Reject selected…
          </Button>
        </div>
      ) : null}

      {items.length === 0 ? (
        <EmptyState
          icon={<Inbox />}
          title={filtered ? "Nothing here matches these filters" : "The queue is empty"}
          description={
            filtered
              ? "Clear the filters to see everything waiting."
              : "New members' insights, reports and appeals appear here as they come in."
          }
        />
      ) : (
        <ol className="flex flex-col gap-4" aria-label="Review queue">
          {items.map((item, position) => (
            <li key={item.insightId}>
              <QueueItemCard
                ref={(element) => {
                  if (element) itemRefs.current.set(item.insightId, element);
                  else itemRefs.current.delete(item.insightId);
                }}
                item={item}
                viewer={viewer}
                current={position === index}
                selected={selected.has(item.insightId)}
                busy={busy.has(item.insightId)}
                onApprove={() => void approve(item)}
                onDecline={() => openDecline(item)}
                onDecideAppeal={(outcome) =>
                  item.appeal &&
                  setDialog({ type: "appeal", insightId: item.insightId, appealId: item.appeal.id, outcome })
                }
                onSelectedChange={(value) => toggleSelected(item.insightId, value)}
                onFocusItem={() => {
                  if (position !== index) setCurrentIndex(position);
                }}
              />
            </li>
          ))}
        </ol>
      )}

      {nextCursor ? (
        <div className="flex justify-center">
          <Button variant="outline" disabled={loadingMore} onClick={loadMore}>
            {loadingMore ? "Loading…" : "Load more"}
          </Button>
        </div>
      ) : null}

      <p className="text-muted-foreground text-xs">
        Keys:{" "}
        {QUEUE_SHORTCUTS.map((shortcut, position) => (
          <span key={shortcut.key}>
            {position > 0 ? " · " : ""}
            <Kbd>{shortcut.key}</Kbd> {shortcut.action.toLowerCase()}
          </span>
        ))}
      </p>

      <DecisionDialog
        open={declineDialog !== null}
        onOpenChange={(open) => !open && setDialog(null)}
        title={
          declineDialog && declineDialog.insightIds.length > 1
            ? `Reject ${declineDialog.insightIds.length} insights`
            : declineDialog?.verb === "remove"
              ? "Remove this insight"
              : "Reject this insight"
        }
        description={
          declineDialog?.verb === "remove"
            ? "It disappears from the article. The author sees the reason and your note, and can appeal once."
            : "It will not be published. The author sees the reason and your note, and can appeal once."
        }
        submitLabel={declineDialog?.verb === "remove" ? "Remove insight" : "Reject"}
        pendingLabel={declineDialog?.verb === "remove" ? "Removing…" : "Rejecting…"}
        action={submitDecline}
        onFailure={onDialogRefused}
        onClosed={focusCurrent}
      />
      <AppealDecisionDialog
        open={dialog?.type === "appeal"}
        onOpenChange={(open) => !open && setDialog(null)}
        initialOutcome={dialog?.type === "appeal" ? dialog.outcome : "UPHELD"}
        action={submitAppeal}
        onFailure={onDialogRefused}
        onClosed={focusCurrent}
      />
      <KeyboardHelpDialog
        open={dialog?.type === "help"}
        onOpenChange={(open) => !open && setDialog(null)}
        onClosed={focusCurrent}
      />
    </div>
  );
}
