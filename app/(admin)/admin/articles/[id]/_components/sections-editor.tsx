"use client";

import { ArrowDown, ArrowUp, ListPlus, MessageSquareOff, Pencil, Plus, Trash2 } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { Badge } from "@/components/ui/badge";
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
import type { AdminArticle, AdminSection } from "@/lib/data/editorial/shared";
import type { MoveDirection } from "@/lib/validation/editorial";
import { addSectionAction, moveSectionAction, removeSectionAction, updateSectionAction } from "../actions";
import { SectionForm } from "./section-form";
import { useArticleAction } from "./use-article-action";

/**
 * The article's sections in order: edit each in place with a live preview, move with the Move up / Move
 * down buttons (announced, focus kept on the button), remove when it has no insights, add at the end.
 */
export function SectionsEditor({
  article,
  onArticle,
}: {
  article: AdminArticle;
  onArticle: (article: AdminArticle) => void;
}) {
  const { pending: busy, run } = useArticleAction(onArticle);
  const [editing, setEditing] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<AdminSection | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const focusAfter = useRef<{ id: string; direction: MoveDirection } | null>(null);
  const sections = article.sections;

  useEffect(() => {
    const wanted = focusAfter.current;
    if (!wanted) return;
    focusAfter.current = null;
    const button = document.getElementById(
      `section-${wanted.id}-${wanted.direction}`,
    ) as HTMLButtonElement | null;
    const other = document.getElementById(
      `section-${wanted.id}-${wanted.direction === "up" ? "down" : "up"}`,
    ) as HTMLButtonElement | null;
    (button && !button.disabled ? button : other)?.focus();
  }, [article]);

  async function move(section: AdminSection, direction: MoveDirection) {
    const outcome = await run(() => moveSectionAction({ id: section.id, direction }));
    if (!outcome.ok) return;
    focusAfter.current = { id: section.id, direction };
    const position = outcome.data.article.sections.findIndex((s) => s.id === section.id) + 1;
    setAnnouncement(`“${section.title}” moved ${direction}: section ${position} of ${sections.length}.`);
  }

  async function remove(section: AdminSection) {
    const outcome = await run(() => removeSectionAction({ id: section.id }), `“${section.title}” removed`);
    if (outcome.ok) {
      setRemoving(null);
      setAnnouncement(`“${section.title}” removed.`);
    }
  }

  async function closeToInsights(section: AdminSection) {
    const outcome = await run(
      () =>
        updateSectionAction({
          id: section.id,
          title: section.title,
          body: section.body,
          acceptsInsights: false,
        }),
      `“${section.title}” is closed to new insights`,
    );
    if (outcome.ok) setRemoving(null);
  }

  return (
    <section aria-labelledby="sections-heading" className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="sections-heading" className="text-xl font-semibold">
          Sections
        </h2>
        {adding ? null : (
          <Button variant="outline" size="sm" onClick={() => setAdding(true)}>
            <Plus aria-hidden="true" /> Add a section
          </Button>
        )}
      </div>
      <p aria-live="polite" role="status" className="sr-only">
        {announcement}
      </p>

      {sections.length === 0 && !adding ? (
        <EmptyState
          icon={<ListPlus />}
          title="No sections yet"
          description="An article is read section by section, and members add their insights under each one."
          action={
            <Button onClick={() => setAdding(true)}>
              <Plus aria-hidden="true" /> Add the first section
            </Button>
          }
        />
      ) : (
        <ol aria-label="Sections" className="flex flex-col gap-3">
          {sections.map((section, index) => (
            <li key={section.id} className="border-border bg-card rounded-lg border p-4">
              {editing === section.id ? (
                <SectionForm
                  idPrefix={`section-${section.id}`}
                  label={`Edit “${section.title}”`}
                  defaultValues={{
                    title: section.title,
                    body: section.body,
                    acceptsInsights: section.acceptsInsights,
                  }}
                  submitLabel="Save section"
                  onCancel={() => setEditing(null)}
                  save={(values) => updateSectionAction({ ...values, id: section.id })}
                  onSaved={(next) => {
                    onArticle(next);
                    setEditing(null);
                    const saved = next.sections.find((s) => s.id === section.id) ?? section;
                    setAnnouncement(`“${saved.title}” saved.`);
                  }}
                />
              ) : (
                <div className="flex flex-wrap items-start justify-between gap-3">
                  <div className="min-w-0">
                    <h3 className="font-semibold break-words">
                      <span className="text-muted-foreground mr-2 tabular-nums">{index + 1}.</span>
                      {section.title}
                    </h3>
                    <div className="text-muted-foreground mt-1 flex flex-wrap items-center gap-2 text-xs">
                      <span>#{section.anchor}</span>
                      {section.acceptsInsights ? (
                        <Badge variant="outline">Takes insights</Badge>
                      ) : (
                        <Badge variant="secondary">Closed to insights</Badge>
                      )}
                      {section.insightCount > 0 ? (
                        <span>
                          {section.insightCount} {section.insightCount === 1 ? "insight" : "insights"}
                        </span>
                      ) : null}
                    </div>
                    <p className="text-muted-foreground mt-2 line-clamp-2 text-sm break-words">
                      {section.body.trim() ? section.body : "No text yet."}
                    </p>
                  </div>
                  <div className="flex flex-wrap items-center gap-1">
                    <Button
                      id={`section-${section.id}-up`}
                      variant="ghost"
                      size="sm"
                      aria-label={`Move “${section.title}” up`}
                      disabled={index === 0 || busy}
                      onClick={() => void move(section, "up")}
                    >
                      <ArrowUp aria-hidden="true" />
                    </Button>
                    <Button
                      id={`section-${section.id}-down`}
                      variant="ghost"
                      size="sm"
                      aria-label={`Move “${section.title}” down`}
                      disabled={index === sections.length - 1 || busy}
                      onClick={() => void move(section, "down")}
                    >
                      <ArrowDown aria-hidden="true" />
                    </Button>
                    <Button
                      variant="ghost"
                      size="sm"
                      aria-label={`Edit “${section.title}”`}
                      onClick={() => setEditing(section.id)}
                    >
                      <Pencil aria-hidden="true" /> Edit
                    </Button>
                    <Button
                      variant="ghost"
                      size="sm"
                      aria-label={`Remove “${section.title}”`}
                      onClick={() => setRemoving(section)}
                    >
                      <Trash2 aria-hidden="true" /> Remove
                    </Button>
                  </div>
                </div>
              )}
            </li>
          ))}
        </ol>
      )}

      {adding ? (
        <div className="border-border bg-card rounded-lg border p-4">
          <h3 className="mb-3 font-semibold">New section</h3>
          <SectionForm
            idPrefix="new-section"
            label="New section"
            defaultValues={{ title: "", body: "", acceptsInsights: article.kind === "COLLABORATIVE" }}
            submitLabel="Add section"
            onCancel={() => setAdding(false)}
            save={(values) => addSectionAction({ ...values, articleId: article.id })}
            onSaved={(next) => {
              onArticle(next);
              setAdding(false);
              // A new section goes last.
              const added = next.sections.at(-1);
              setAnnouncement(`“${added?.title ?? ""}” added as section ${next.sections.length}.`);
            }}
          />
        </div>
      ) : null}

      <Dialog open={removing !== null} onOpenChange={(open) => (open ? null : setRemoving(null))}>
        <DialogContent>
          {removing && removing.insightCount > 0 ? (
            <>
              <DialogHeader>
                <DialogTitle>“{removing.title}” has insights</DialogTitle>
                <DialogDescription>
                  It has {removing.insightCount} {removing.insightCount === 1 ? "insight" : "insights"} from
                  members: removing the section would delete {removing.insightCount === 1 ? "it" : "them"}, so
                  it cannot be removed. Close it to new insights instead: what members wrote stays readable.
                </DialogDescription>
              </DialogHeader>
              <DialogFooter>
                <DialogClose asChild>
                  <Button variant="outline">Keep it as it is</Button>
                </DialogClose>
                {removing.acceptsInsights ? (
                  <Button disabled={busy} onClick={() => void closeToInsights(removing)}>
                    <MessageSquareOff aria-hidden="true" /> Close to new insights
                  </Button>
                ) : null}
              </DialogFooter>
            </>
          ) : removing ? (
            <>
              <DialogHeader>
                <DialogTitle>Remove “{removing.title}”?</DialogTitle>
                <DialogDescription>Its title and text are deleted. It has no insights.</DialogDescription>
              </DialogHeader>
              <DialogFooter>
                <DialogClose asChild>
                  <Button variant="outline" disabled={busy}>
                    Keep it
                  </Button>
                </DialogClose>
                <Button variant="destructive" disabled={busy} onClick={() => void remove(removing)}>
                  {busy ? "Removing…" : "Remove section"}
                </Button>
              </DialogFooter>
            </>
          ) : null}
        </DialogContent>
      </Dialog>
    </section>
  );
}
