"use client";

import { Pencil, Trash2 } from "lucide-react";
import { useState } from "react";
import { useAction } from "@/components/hooks/use-action";
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
import { toast } from "@/components/ui/toaster";
import { deleteInsightAction, editInsightAction } from "@/lib/actions/insights";
import { useArticleViewer } from "./article-viewer";
import { InsightEditor } from "./insight-editor";

/** Edit and Delete, shown only to the author of the insight. */
export function OwnInsightActions({ insightId, body }: { insightId: string; body: string }) {
  const articleViewer = useArticleViewer();
  const [editing, setEditing] = useState(false);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const { run: remove, pending: deleting } = useAction(deleteInsightAction, {
    onSuccess: async () => {
      setConfirmingDelete(false);
      toast.success("Insight deleted");
      await articleViewer?.refresh();
    },
  });
  const own = articleViewer?.ownInsights.find((insight) => insight.id === insightId);
  if (!articleViewer || !own) return null;
  const { refresh } = articleViewer;

  return (
    <div className="flex gap-1">
      <Button variant="ghost" size="sm" onClick={() => setEditing(true)}>
        <Pencil aria-hidden="true" /> Edit
      </Button>
      <Button variant="ghost" size="sm" onClick={() => setConfirmingDelete(true)}>
        <Trash2 aria-hidden="true" /> Delete
      </Button>

      <Dialog open={editing} onOpenChange={setEditing}>
        <DialogContent className="sm:max-w-2xl">
          <DialogHeader>
            <DialogTitle>Edit your insight</DialogTitle>
            <DialogDescription>
              Readers can see that it was edited, and every earlier version.
            </DialogDescription>
          </DialogHeader>
          <InsightEditor
            initialBody={own.body || body}
            submitLabel="Save changes"
            pendingLabel="Saving…"
            onSubmit={(next, composeMs) => editInsightAction({ insightId, body: next, composeMs })}
            onSuccess={async (saved) => {
              setEditing(false);
              if (own.status === "PUBLISHED" && saved.status === "PENDING") {
                toast.info("Your edit is awaiting review", {
                  description: "A moderator reads the new text before it appears to everyone again.",
                });
              } else {
                toast.success("Insight updated");
              }
              await refresh();
            }}
            onCancel={() => setEditing(false)}
          />
        </DialogContent>
      </Dialog>

      <Dialog open={confirmingDelete} onOpenChange={setConfirmingDelete}>
        <DialogContent>
          <DialogHeader>
            <DialogTitle>Delete this insight?</DialogTitle>
            <DialogDescription>
              It disappears from the article and your profile and stops counting toward badges. This cannot be
              undone.
            </DialogDescription>
          </DialogHeader>
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="outline" disabled={deleting}>
                Keep it
              </Button>
            </DialogClose>
            <Button
              variant="destructive"
              onClick={() => void remove({ insightId })}
              disabled={deleting}
              aria-disabled={deleting}
            >
              {deleting ? "Deleting…" : "Delete insight"}
            </Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </div>
  );
}
