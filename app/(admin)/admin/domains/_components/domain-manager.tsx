"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { ArrowDown, ArrowUp, FolderTree, Pencil, Plus, Trash2, Waypoints } from "lucide-react";
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
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
import { controlClassName, Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toaster";
import type { AdminDomain, AdminDomainNode } from "@/lib/data/editorial/domains";
import { slugify } from "@/lib/domain/slug";
import { cn } from "@/lib/utils";
import {
  createDomainSchema,
  EDITORIAL_LIMITS,
  updateDomainSchema,
  type CreateDomainFormInput,
  type MoveDirection,
  type UpdateDomainFormInput,
} from "@/lib/validation/editorial";
import {
  createDomainAction,
  deleteDomainAction,
  moveDomainAction,
  reorderDomainAction,
  updateDomainAction,
} from "../actions";

type Tree = { tree: AdminDomainNode[] };
type Dialogs = { kind: "edit" | "move" | "delete"; domain: AdminDomain } | null;

const selectClass = cn(controlClassName, "h-10 py-2");

function plural(count: number, one: string, many: string) {
  return `${count} ${count === 1 ? one : many}`;
}

/** The domain tree with its create form; every change answers with the new tree, shown at once. */
export function DomainManager({ initialTree }: { initialTree: AdminDomainNode[] }) {
  const [tree, setTree] = useState(initialTree);
  const [dialog, setDialog] = useState<Dialogs>(null);
  const [announcement, setAnnouncement] = useState("");
  const { run: sendReorder, pending: reordering } = useAction(reorderDomainAction);
  // After a move, keyboard focus stays on the button that was pressed (or its twin at either end).
  const focusAfterMove = useRef<{ id: string; direction: MoveDirection } | null>(null);

  useEffect(() => {
    const wanted = focusAfterMove.current;
    if (!wanted) return;
    focusAfterMove.current = null;
    const button = document.getElementById(
      `domain-${wanted.id}-${wanted.direction}`,
    ) as HTMLButtonElement | null;
    const other = document.getElementById(
      `domain-${wanted.id}-${wanted.direction === "up" ? "down" : "up"}`,
    ) as HTMLButtonElement | null;
    (button && !button.disabled ? button : other)?.focus();
  }, [tree]);

  const topLevel = tree.map(({ children: _children, ...domain }) => domain);

  async function reorder(domain: AdminDomain, siblings: AdminDomain[], direction: MoveDirection) {
    const outcome = await sendReorder({ id: domain.id, direction });
    if (!outcome.ok) return;
    const index = siblings.findIndex((s) => s.id === domain.id);
    const position = direction === "up" ? index : index + 2;
    focusAfterMove.current = { id: domain.id, direction };
    setTree(outcome.data.tree);
    setAnnouncement(`“${domain.name}” moved ${direction}: ${position} of ${siblings.length}.`);
  }

  function applied({ tree: next }: Tree, message: string): void {
    setTree(next);
    setDialog(null);
    toast.success(message);
  }

  function renderItem(domain: AdminDomain, siblings: AdminDomain[], index: number, children?: AdminDomain[]) {
    const empty = domain.articleCount === 0 && domain.childCount === 0;
    return (
      <li key={domain.id} className="flex flex-col gap-2">
        <div className="border-border bg-card flex flex-wrap items-start justify-between gap-3 rounded-lg border px-4 py-3">
          <div className="min-w-0">
            <h3 className="font-semibold break-words">{domain.name}</h3>
            <p className="text-muted-foreground text-sm">
              <Link
                href={`/domains/${domain.slug}`}
                className="hover:text-foreground rounded-sm underline-offset-4 hover:underline"
              >
                /domains/{domain.slug}
              </Link>{" "}
              · {plural(domain.articleCount, "article", "articles")}
              {domain.parentId === null
                ? ` · ${plural(domain.childCount, "child domain", "child domains")}`
                : null}
            </p>
            {domain.description ? <p className="mt-1 text-sm">{domain.description}</p> : null}
          </div>
          <div className="flex flex-wrap items-center gap-1">
            <Button
              id={`domain-${domain.id}-up`}
              variant="ghost"
              size="sm"
              aria-label={`Move “${domain.name}” up`}
              disabled={index === 0 || reordering}
              onClick={() => void reorder(domain, siblings, "up")}
            >
              <ArrowUp aria-hidden="true" />
            </Button>
            <Button
              id={`domain-${domain.id}-down`}
              variant="ghost"
              size="sm"
              aria-label={`Move “${domain.name}” down`}
              disabled={index === siblings.length - 1 || reordering}
              onClick={() => void reorder(domain, siblings, "down")}
            >
              <ArrowDown aria-hidden="true" />
            </Button>
            <Button
              variant="ghost"
              size="sm"
              aria-label={`Edit “${domain.name}”`}
              onClick={() => setDialog({ kind: "edit", domain })}
            >
              <Pencil aria-hidden="true" /> Edit
            </Button>
            <Button
              variant="ghost"
              size="sm"
              aria-label={`Move “${domain.name}” to another parent`}
              onClick={() => setDialog({ kind: "move", domain })}
            >
              <Waypoints aria-hidden="true" /> Parent
            </Button>
            <Button
              variant="ghost"
              size="sm"
              aria-label={`Delete “${domain.name}”`}
              aria-describedby={empty ? undefined : `domain-${domain.id}-not-empty`}
              aria-disabled={!empty}
              className={cn(!empty && "pointer-events-auto cursor-not-allowed")}
              onClick={() => (empty ? setDialog({ kind: "delete", domain }) : undefined)}
            >
              <Trash2 aria-hidden="true" /> Delete
            </Button>
            {empty ? null : (
              <span id={`domain-${domain.id}-not-empty`} className="sr-only">
                Only an empty domain can be deleted.
              </span>
            )}
          </div>
        </div>
        {children && children.length > 0 ? (
          <ol
            aria-label={`Child domains of ${domain.name}`}
            className="border-border ml-6 flex flex-col gap-2 border-l pl-4"
          >
            {children.map((child, childIndex) => renderItem(child, children, childIndex))}
          </ol>
        ) : null}
      </li>
    );
  }

  return (
    <div className="flex flex-col gap-8">
      <NewDomainForm parents={topLevel} onCreated={(data) => applied(data, "Domain created")} />

      <section aria-labelledby="domain-tree-heading" className="flex flex-col gap-3">
        <h2 id="domain-tree-heading" className="text-xl font-semibold">
          All domains
        </h2>
        <p aria-live="polite" role="status" className="sr-only">
          {announcement}
        </p>
        {tree.length === 0 ? (
          <EmptyState
            icon={<FolderTree />}
            title="No domains yet"
            description="Create the first one above: articles are filed under domains."
          />
        ) : (
          <ol aria-label="Domains" className="flex flex-col gap-3">
            {tree.map((top, index) => renderItem(top, topLevel, index, top.children))}
          </ol>
        )}
      </section>

      <Dialog open={dialog !== null} onOpenChange={(open) => (open ? null : setDialog(null))}>
        <DialogContent>
          {dialog?.kind === "edit" ? (
            <EditDomainForm domain={dialog.domain} onSaved={(data) => applied(data, "Domain saved")} />
          ) : dialog?.kind === "move" ? (
            <MoveDomainForm
              domain={dialog.domain}
              parents={topLevel}
              onMoved={(data) => applied(data, "Domain moved")}
            />
          ) : dialog?.kind === "delete" ? (
            <DeleteDomain domain={dialog.domain} onDeleted={(data) => applied(data, "Domain deleted")} />
          ) : null}
        </DialogContent>
      </Dialog>
    </div>
  );
}

function RootError({ message }: { message?: string }) {
  return message ? (
    <Alert variant="destructive">
      <AlertDescription>{message}</AlertDescription>
    </Alert>
  ) : null;
}

function NewDomainForm({ parents, onCreated }: { parents: AdminDomain[]; onCreated: (data: Tree) => void }) {
  const form = useForm<CreateDomainFormInput>({
    resolver: zodResolver(createDomainSchema),
    defaultValues: { name: "", slug: "", description: "", parentId: "" },
  });
  const { errors, isSubmitting } = form.formState;
  const [name, slug] = useWatch({ control: form.control, name: ["name", "slug"] });

  const submit = useFormAction(form, createDomainAction, {
    onSuccess: (data) => {
      onCreated(data);
      // The next domain likely goes under the same parent.
      form.reset({ name: "", slug: "", description: "", parentId: form.getValues("parentId") });
    },
  });

  return (
    <form
      aria-label="New domain"
      onSubmit={(event) => void submit(event)}
      noValidate
      className="border-border bg-card flex flex-col gap-4 rounded-lg border p-5"
    >
      <h2 className="text-xl font-semibold">New domain</h2>
      <RootError message={errors.root?.message} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="domain-name" label="Name" error={errors.name?.message}>
          <Input
            autoComplete="off"
            maxLength={EDITORIAL_LIMITS.domainName * 2}
            {...fieldControlProps("domain-name", { error: errors.name })}
            {...form.register("name")}
          />
        </Field>
        <Field
          id="domain-slug"
          label="Slug (optional)"
          description={`Its address: /domains/${slug || slugify(name) || "…"}. It stays once created.`}
          error={errors.slug?.message}
        >
          <Input
            autoComplete="off"
            placeholder={slugify(name) || "made-from-the-name"}
            {...fieldControlProps("domain-slug", { description: true, error: errors.slug })}
            {...form.register("slug")}
          />
        </Field>
      </div>
      <Field
        id="domain-parent"
        label="Parent"
        description="Leave it at the top level, or file it under one top-level domain."
        error={errors.parentId?.message}
      >
        <select
          className={selectClass}
          {...fieldControlProps("domain-parent", { description: true, error: errors.parentId })}
          {...form.register("parentId")}
        >
          <option value="">None: a top-level domain</option>
          {parents.map((parent) => (
            <option key={parent.id} value={parent.id}>
              {parent.name}
            </option>
          ))}
        </select>
      </Field>
      <Field id="domain-description" label="Description" error={errors.description?.message}>
        <Textarea
          className="min-h-20"
          {...fieldControlProps("domain-description", { error: errors.description })}
          {...form.register("description")}
        />
      </Field>
      <div>
        <Button type="submit" disabled={isSubmitting} aria-disabled={isSubmitting}>
          <Plus aria-hidden="true" /> {isSubmitting ? "Creating…" : "Create domain"}
        </Button>
      </div>
    </form>
  );
}

function EditDomainForm({ domain, onSaved }: { domain: AdminDomain; onSaved: (data: Tree) => void }) {
  const form = useForm<UpdateDomainFormInput>({
    resolver: zodResolver(updateDomainSchema),
    defaultValues: { id: domain.id, name: domain.name, description: domain.description },
  });
  const { errors, isSubmitting } = form.formState;

  const submit = useFormAction(form, updateDomainAction, {
    fields: ["name", "description"],
    onSuccess: onSaved,
  });

  return (
    <form
      aria-label={`Edit ${domain.name}`}
      onSubmit={(event) => void submit(event)}
      noValidate
      className="grid gap-4"
    >
      <DialogHeader>
        <DialogTitle>Edit “{domain.name}”</DialogTitle>
        <DialogDescription>Its address stays /domains/{domain.slug}.</DialogDescription>
      </DialogHeader>
      <RootError message={errors.root?.message} />
      <Field id="edit-domain-name" label="Name" error={errors.name?.message}>
        <Input
          {...fieldControlProps("edit-domain-name", { error: errors.name })}
          {...form.register("name")}
        />
      </Field>
      <Field id="edit-domain-description" label="Description" error={errors.description?.message}>
        <Textarea
          {...fieldControlProps("edit-domain-description", { error: errors.description })}
          {...form.register("description")}
        />
      </Field>
      <DialogFooter>
        <DialogClose asChild>
          <Button variant="outline">Cancel</Button>
        </DialogClose>
        <Button type="submit" disabled={isSubmitting} aria-disabled={isSubmitting}>
          {isSubmitting ? "Saving…" : "Save"}
        </Button>
      </DialogFooter>
    </form>
  );
}

function MoveDomainForm({
  domain,
  parents,
  onMoved,
}: {
  domain: AdminDomain;
  parents: AdminDomain[];
  onMoved: (data: Tree) => void;
}) {
  const [parentId, setParentId] = useState(domain.parentId ?? "");
  const [error, setError] = useState<string | null>(null);
  const { run: move, pending: busy } = useAction(moveDomainAction, {
    onSuccess: onMoved,
    onFailure: (failure) => setError(failure.fieldErrors?.parentId ?? failure.message),
  });
  const hasChildren = domain.childCount > 0;

  function submit(event: React.FormEvent) {
    event.preventDefault();
    void move({ id: domain.id, parentId: parentId || null });
  }

  return (
    <form aria-label={`Move ${domain.name}`} onSubmit={submit} className="grid gap-4">
      <DialogHeader>
        <DialogTitle>Move “{domain.name}”</DialogTitle>
        <DialogDescription>
          {hasChildren
            ? "It has child domains, so it stays at the top level (domains nest two levels at most)."
            : "Under a top-level domain, or at the top level itself. It goes last among its new siblings."}
        </DialogDescription>
      </DialogHeader>
      <Field id="move-domain-parent" label="Parent" error={error}>
        <select
          className={selectClass}
          value={parentId}
          disabled={hasChildren}
          onChange={(event) => setParentId(event.target.value)}
          {...fieldControlProps("move-domain-parent", { error })}
        >
          <option value="">None: a top-level domain</option>
          {parents
            .filter((parent) => parent.id !== domain.id)
            .map((parent) => (
              <option key={parent.id} value={parent.id}>
                {parent.name}
              </option>
            ))}
        </select>
      </Field>
      <DialogFooter>
        <DialogClose asChild>
          <Button variant="outline">Cancel</Button>
        </DialogClose>
        <Button type="submit" disabled={busy || hasChildren} aria-disabled={busy || hasChildren}>
          {busy ? "Moving…" : "Move"}
        </Button>
      </DialogFooter>
    </form>
  );
}

function DeleteDomain({ domain, onDeleted }: { domain: AdminDomain; onDeleted: (data: Tree) => void }) {
  const [error, setError] = useState<string | null>(null);
  const { run: remove, pending: busy } = useAction(deleteDomainAction, {
    onSuccess: onDeleted,
    onFailure: (failure) => setError(failure.message),
  });

  return (
    <>
      <DialogHeader>
        <DialogTitle>Delete “{domain.name}”?</DialogTitle>
        <DialogDescription>
          It has no articles and no child domains. Its page at /domains/{domain.slug} goes away.
        </DialogDescription>
      </DialogHeader>
      <RootError message={error ?? undefined} />
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
          onClick={() => void remove({ id: domain.id })}
        >
          {busy ? "Deleting…" : "Delete domain"}
        </Button>
      </DialogFooter>
    </>
  );
}
