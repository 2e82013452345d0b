"use client";

import { Pencil, Trash2 } from "lucide-react";
import { useState } from "react";
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
  const [deleting, setDeleting] = useState(false);
  const own = articleViewer?.ownInsights.find((insight) => insight.id === insightId);
  if (!articleViewer || !own) return null;
  const { refresh } = articleViewer;

  async function remove() {
    setDeleting(true);
    const result = await deleteInsightAction({ insightId }).catch(() => null);
    setDeleting(false);
    if (!result?.ok) {
      toast.error(result?.message ?? "We could not reach Roundtable. Try again.");
      return;
    }
    setConfirmingDelete(false);
    toast.success("Insight deleted");
    await refresh();
  }

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
            onSubmit={(next, composeMs) =>
              editInsightAction({ insightId, body: next, composeMs }).catch(() => null)
            }
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
              onClick={() => void remove()}
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
