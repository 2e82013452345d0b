"use client";

import { Inbox, Keyboard } from "lucide-react";
import { useEffect, useEffectEvent, useRef, useState } from "react";
import { useViewer } from "@/components/layout/viewer-provider";
import { queueShortcutFor } from "../_lib/queue-shortcuts";
import { appendPage, clampIndex, putBack, takeOut } from "../_lib/queue-state";
import { QUEUE_SHORTCUTS } from "./keyboard-help-dialog";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { toast } from "@/components/ui/toaster";
import type { ActionResult } from "@/lib/action-result";
import type { QueueFilters, QueueItem, QueuePage } from "@/lib/data/moderation/queue";
import { EDITED_SINCE_SEEN } from "@/lib/domain/moderation";
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
import { DecisionDialog, type DecisionOutcome, type DecisionValues } from "./decision-dialog";
import { KeyboardHelpDialog, Kbd } from "./keyboard-help-dialog";
import { declineVerb, isDecidable, QueueItemCard } from "./queue-item-card";

type Props = {
  initial: QueuePage;
  filters: QueueFilters;
  /** every item waiting, whatever the filters */
  total: number;
  viewerId: string;
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

const NETWORK_ERROR = "We could not reach Roundtable. Nothing was changed: try again.";

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/**
 * The review queue: oldest first, one item current (j/k), decided with buttons or keys (a, r), several
 * at once when selected. Each decision carries the version of the item the moderator saw. Handled items
 * leave the list at once; if the server refuses they come back, if another moderator was faster the
 * moderator is told so, and if the author edited the text meanwhile the item comes back with the new text.
 */
export function ModerationQueue({ initial, filters, total: initialTotal, viewerId }: Props) {
  const { refresh: refreshViewer } = useViewer();
  const [items, setItems] = useState<QueueItem[]>(initial.items);
  const [nextCursor, setNextCursor] = useState(initial.nextCursor);
  const [total, setTotal] = useState(initialTotal);
  const [loadingMore, setLoadingMore] = useState(false);
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
   * Takes the items out of the list at once, runs the action, and settles: put back on failure, told
   * (and left out) when another moderator already handled them, shown again with the new text when their
   * author edited them since.
   */
  async function decide<T>(
    insightIds: string[],
    run: () => Promise<ActionResult<T>>,
    onSuccess: (data: T, settle: Settle) => void,
  ): Promise<DecisionOutcome> {
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
          const fresh = await reloadQueueItemAction({ insightId: entry.item.insightId }).catch(() => null);
          return fresh?.ok && fresh.data ? { ...entry, item: fresh.data } : null;
        }),
      ).then((entries) => {
        const found = entries.filter((entry) => entry !== null);
        if (found.length === 0) return;
        setItems((currentItems) => putBack(currentItems, found));
        setTotal((value) => value + found.length);
      });
    };

    const result = await run().catch(() => null);
    markBusy(insightIds, false);
    if (result?.ok) {
      onSuccess(result.data, { giveBack, showAgain });
      void refreshViewer();
      return { close: true };
    }
    if (result?.code === "CONFLICT") {
      toast.warning(result.message);
      if (result.message === EDITED_SINCE_SEEN) showAgain(insightIds);
      void refreshViewer();
      return { close: true };
    }
    setItems((currentItems) => putBack(currentItems, taken.removed));
    setTotal((value) => value + taken.removed.length);
    return {
      close: false,
      message: result?.message ?? NETWORK_ERROR,
      fieldErrors: result?.fieldErrors,
    };
  }

  async function approve(item: QueueItem) {
    const outcome = await decide(
      [item.insightId],
      () => approveInsightAction({ insightId: item.insightId, version: item.version }),
      () =>
        toast.success(item.kind === "pending" ? "Insight approved and published" : "Insight approved", {
          description: item.kind === "pending" ? undefined : "It stays published and its reports are closed.",
        }),
    );
    if (!outcome.close && outcome.message) toast.error(outcome.message);
  }

  async function approveSelected() {
    const ids = selectedItems.map((item) => item.insightId);
    if (ids.length === 0) return;
    const outcome = await decide(
      ids,
      () => bulkDecideAction({ items: targetsOf(ids), action: "approve" }),
      (result, settle) => settleBulk("Approved", result, settle),
    );
    if (!outcome.close && outcome.message) toast.error(outcome.message);
  }

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

  function restore(insightId: string) {
    void restoreInsightAction({ insightId })
      .catch(() => null)
      .then((result) => {
        if (result?.ok) {
          toast.success("Insight restored");
          void refreshViewer();
        } else toast.error(result?.message ?? NETWORK_ERROR);
      });
  }

  async function submitDecline(values: DecisionValues): Promise<DecisionOutcome> {
    if (dialog?.type !== "decline") return { close: true };
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
          action: { label: "Undo", onClick: () => restore(insightId) },
        }),
    );
  }

  async function submitAppeal(values: AppealOutcomeValues): Promise<DecisionOutcome> {
    if (dialog?.type !== "appeal") return { close: true };
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

  async function loadMore() {
    if (!nextCursor || loadingMore) return;
    setLoadingMore(true);
    const result = await loadMoreQueueAction({ filters, cursor: nextCursor }).catch(() => null);
    setLoadingMore(false);
    if (!result?.ok) {
      toast.error(result?.message ?? "We could not load more items. Try again.");
      return;
    }
    setItems((currentItems) => appendPage(currentItems, result.data.items));
    setNextCursor(result.data.nextCursor);
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
          <Button size="sm" disabled={selectedItems.length === 0} onClick={() => void approveSelected()}>
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
                viewerId={viewerId}
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
          <Button variant="outline" disabled={loadingMore} onClick={() => void loadMore()}>
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
        onSubmit={submitDecline}
        onClosed={focusCurrent}
      />
      <AppealDecisionDialog
        open={dialog?.type === "appeal"}
        onOpenChange={(open) => !open && setDialog(null)}
        initialOutcome={dialog?.type === "appeal" ? dialog.outcome : "UPHELD"}
        onSubmit={submitAppeal}
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
