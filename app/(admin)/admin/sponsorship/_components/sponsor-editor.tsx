"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Image from "next/image";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useAction, useFormAction } from "@/components/hooks/use-action";
import { Alert, AlertDescription } from "@/components/ui/alert";
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
  DialogTrigger,
} from "@/components/ui/dialog";
import { Field, fieldControlProps } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useSponsorActive } from "@/components/sponsorship/sponsored-by";
import { toast } from "@/components/ui/toaster";
import type { ActionResult } from "@/lib/action-result";
import type { SponsorAdminView } from "@/lib/data/sponsorship";
import {
  checkLogoSize,
  checkSponsorLogo,
  SPONSOR_LOGO_TYPES,
  SPONSOR_TAGLINE_MAX,
  sponsorFormSchema,
  toUtcDateTimeInput,
  type SponsorFormInput,
} from "@/lib/validation/sponsorship";
import { removeDomainSponsorAction, setDomainSponsorAction } from "../actions";

const FIELDS = ["name", "url", "tagline", "startsAt", "endsAt"] as const;

function valuesOf(sponsor: SponsorAdminView | null): SponsorFormInput {
  return {
    name: sponsor?.name ?? "",
    url: sponsor?.url ?? "",
    tagline: sponsor?.tagline ?? "",
    startsAt: sponsor ? toUtcDateTimeInput(sponsor.startsAt) : "",
    endsAt: sponsor ? toUtcDateTimeInput(sponsor.endsAt) : "",
  };
}

/** Why the chosen file cannot be a logo, checked in the browser the way the server checks it; null if fine. */
async function logoProblem(file: File): Promise<string | null> {
  const size = checkLogoSize(file.size);
  if (size && !size.ok) return size.message;
  const check = checkSponsorLogo(new Uint8Array(await file.arrayBuffer()));
  return check.ok ? null : check.message;
}

/** The sponsor form of one domain (with logo upload) and the button that removes its sponsor. */
export function SponsorEditor({
  domainId,
  domainName,
  initial,
  initialShowing,
  nowUtc,
}: {
  domainId: string;
  domainName: string;
  initial: SponsorAdminView | null;
  /** whether `initial` was showing when the server rendered the page */
  initialShowing: boolean;
  nowUtc: string;
}) {
  const [current, setCurrent] = useState(initial);
  const [logoError, setLogoError] = useState<string | null>(null);
  const [removeLogo, setRemoveLogo] = useState(false);
  const [confirmOpen, setConfirmOpen] = useState(false);
  const [logoFile, setLogoFile] = useState<File | null>(null);
  // A new key gives a fresh, empty file input after a save.
  const [logoInputKey, setLogoInputKey] = useState(0);
  const form = useForm<SponsorFormInput>({
    resolver: zodResolver(sponsorFormSchema),
    defaultValues: valuesOf(initial),
  });
  const { errors, isSubmitting } = form.formState;

  /** The form and the chosen logo, as the action takes them: multipart, for the file. */
  async function save(
    values: SponsorFormInput,
  ): Promise<ActionResult<{ sponsor: SponsorAdminView; created: boolean }>> {
    setLogoError(null);
    const file = logoFile;
    if (file) {
      const problem = await logoProblem(file);
      // The server's answer for such a file, without uploading it.
      if (problem)
        return { ok: false, code: "INVALID_INPUT", message: problem, fieldErrors: { logo: problem } };
    }
    const data = new FormData();
    data.set("domainId", domainId);
    for (const field of FIELDS) data.set(field, values[field]);
    data.set("removeLogo", String(removeLogo && !file));
    if (file) data.set("logo", file);
    return setDomainSponsorAction(data);
  }

  const submit = useFormAction(form, save, {
    fields: FIELDS,
    onSuccess: ({ sponsor, created }) => {
      setCurrent(sponsor);
      form.reset(valuesOf(sponsor));
      setRemoveLogo(false);
      setLogoFile(null);
      setLogoInputKey((key) => key + 1);
      toast.success(created ? "Sponsor booked." : "Sponsor saved.");
    },
    onFailure: (failure) => {
      const logo = failure.fieldErrors?.logo;
      if (!logo) return;
      setLogoError(logo);
      // The file input is no react-hook-form field: its error stands beside it, not also at the top.
      if (!FIELDS.some((field) => failure.fieldErrors?.[field])) {
        form.clearErrors("root");
        document.getElementById("logo")?.focus();
      }
    },
  });

  const { run: remove, pending: removing } = useAction(removeDomainSponsorAction, {
    onSuccess: () => {
      setCurrent(null);
      form.reset(valuesOf(null));
      setConfirmOpen(false);
      toast.success(`The sponsor of ${domainName} was removed.`);
    },
  });

  const showing = useSponsorActive(current?.startsAt ?? "", current?.endsAt ?? "", initialShowing);

  return (
    <div className="flex flex-col gap-6">
      <section aria-labelledby="current-sponsor" className="border-border bg-card rounded-lg border p-5">
        <h2 id="current-sponsor" className="font-semibold">
          Current sponsor
        </h2>
        {current ? (
          <div className="mt-3 flex flex-wrap items-center gap-4">
            {current.logoUrl ? (
              <Image
                src={current.logoUrl}
                alt={`${current.name} logo`}
                width={48}
                height={48}
                unoptimized
                className="border-border size-12 rounded border object-contain"
              />
            ) : null}
            <div className="mr-auto">
              <p className="flex flex-wrap items-center gap-2 font-medium">
                {current.name}
                <Badge variant={showing ? "success" : "secondary"}>{showing ? "Showing" : "Booked"}</Badge>
              </p>
              <p className="text-muted-foreground text-sm break-all">{current.url}</p>
            </div>
            <Dialog open={confirmOpen} onOpenChange={setConfirmOpen}>
              <DialogTrigger asChild>
                <Button variant="destructive" size="sm">
                  Remove sponsor
                </Button>
              </DialogTrigger>
              <DialogContent>
                <DialogHeader>
                  <DialogTitle>Remove {current.name}?</DialogTitle>
                  <DialogDescription>
                    Its line leaves {domainName} and its articles at once, and its logo is deleted.
                  </DialogDescription>
                </DialogHeader>
                <DialogFooter>
                  <DialogClose asChild>
                    <Button variant="outline">Keep it</Button>
                  </DialogClose>
                  <Button
                    variant="destructive"
                    disabled={removing}
                    aria-disabled={removing}
                    onClick={() => void remove({ sponsorId: current.id })}
                  >
                    {removing ? "Removing…" : "Remove"}
                  </Button>
                </DialogFooter>
              </DialogContent>
            </Dialog>
          </div>
        ) : (
          <p className="text-muted-foreground mt-2 text-sm">{domainName} has no sponsor now or booked.</p>
        )}
      </section>

      <form
        onSubmit={(event) => void submit(event)}
        noValidate
        aria-label="Sponsor details"
        className="flex flex-col gap-5"
      >
        <h2 className="text-xl font-semibold">{current ? "Change the sponsor" : "Set a sponsor"}</h2>
        {errors.root?.message ? (
          <Alert variant="destructive">
            <AlertDescription>{errors.root.message}</AlertDescription>
          </Alert>
        ) : null}
        <Field id="name" label="Sponsor name" error={errors.name?.message}>
          <Input
            maxLength={80}
            {...fieldControlProps("name", { error: errors.name })}
            {...form.register("name")}
          />
        </Field>
        <Field
          id="url"
          label="Link"
          description='The sponsor&apos;s page, starting with https://. It is marked rel="sponsored".'
          error={errors.url?.message}
        >
          <Input
            type="url"
            inputMode="url"
            placeholder="https://"
            {...fieldControlProps("url", { description: true, error: errors.url })}
            {...form.register("url")}
          />
        </Field>
        <Field
          id="tagline"
          label="Short line (optional)"
          description={`Up to ${SPONSOR_TAGLINE_MAX} characters, shown under the name.`}
          error={errors.tagline?.message}
        >
          <Input
            maxLength={SPONSOR_TAGLINE_MAX + 20}
            {...fieldControlProps("tagline", { description: true, error: errors.tagline })}
            {...form.register("tagline")}
          />
        </Field>
        <fieldset className="flex flex-col gap-3">
          <legend className="text-sm font-medium">When it shows</legend>
          <p id="window-zone" className="text-muted-foreground text-sm">
            Dates and times are in UTC (it is now {nowUtc}). It shows from the start until the end.
          </p>
          <div className="grid gap-5 sm:grid-cols-2">
            <Field id="startsAt" label="Starts (UTC)" error={errors.startsAt?.message}>
              <Input
                type="datetime-local"
                {...fieldControlProps("startsAt", { error: errors.startsAt })}
                {...form.register("startsAt")}
              />
            </Field>
            <Field id="endsAt" label="Ends (UTC)" error={errors.endsAt?.message}>
              <Input
                type="datetime-local"
                {...fieldControlProps("endsAt", { error: errors.endsAt })}
                {...form.register("endsAt")}
              />
            </Field>
          </div>
        </fieldset>
        <Field
          id="logo"
          label="Logo (optional)"
          description={
            current?.hasLogo
              ? "A PNG, JPEG or WebP image up to 512 KB, shown small and square. Choosing one replaces the current logo. SVG is not accepted."
              : "A PNG, JPEG or WebP image up to 512 KB, shown small and square. SVG is not accepted."
          }
          error={logoError}
        >
          <Input
            key={logoInputKey}
            type="file"
            accept={SPONSOR_LOGO_TYPES.join(",")}
            onChange={(event) => {
              setLogoError(null);
              setLogoFile(event.target.files?.[0] ?? null);
            }}
            {...fieldControlProps("logo", { description: true, error: logoError })}
          />
        </Field>
        {current?.hasLogo ? (
          <label className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              checked={removeLogo}
              onChange={(event) => setRemoveLogo(event.target.checked)}
              className="size-4"
            />
            Remove the current logo
          </label>
        ) : null}
        <div>
          <Button type="submit" size="lg" disabled={isSubmitting} aria-disabled={isSubmitting}>
            {isSubmitting ? "Saving…" : current ? "Save sponsor" : "Set sponsor"}
          </Button>
        </div>
      </form>
    </div>
  );
}
