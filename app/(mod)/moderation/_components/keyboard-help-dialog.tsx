"use client";

import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";

export const QUEUE_SHORTCUTS = [
  { key: "j", action: "Next item" },
  { key: "k", action: "Previous item" },
  { key: "a", action: "Approve the current item" },
  { key: "r", action: "Reject (or remove) the current item…" },
  { key: "x", action: "Select or unselect the current item" },
  { key: "?", action: "Show these keys" },
] as const;

export function Kbd({ children }: { children: React.ReactNode }) {
  return (
    <kbd className="border-border bg-muted text-foreground inline-flex min-w-6 items-center justify-center rounded border px-1.5 font-mono text-xs leading-5 shadow-xs">
      {children}
    </kbd>
  );
}

/** The queue's keyboard shortcuts, opened with "?" or the button in the queue's header. */
export function KeyboardHelpDialog({
  open,
  onOpenChange,
  onClosed,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onClosed?: () => void;
}) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent
        onCloseAutoFocus={(event) => {
          if (!onClosed) return;
          event.preventDefault();
          onClosed();
        }}
      >
        <DialogHeader>
          <DialogTitle>Keyboard shortcuts</DialogTitle>
          <DialogDescription>
            They work anywhere in the queue except while you type in a field.
          </DialogDescription>
        </DialogHeader>
        <dl className="grid grid-cols-[auto_1fr] items-center gap-x-4 gap-y-2 text-sm">
          {QUEUE_SHORTCUTS.map((shortcut) => (
            <div key={shortcut.key} className="contents">
              <dt>
                <Kbd>{shortcut.key}</Kbd>
              </dt>
              <dd>{shortcut.action}</dd>
            </div>
          ))}
        </dl>
      </DialogContent>
    </Dialog>
  );
}
