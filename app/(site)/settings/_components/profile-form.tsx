"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Field, fieldControlProps } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/toaster";
import { useViewer } from "@/components/layout/viewer-provider";
import { profileSchema, type ProfileInput } from "@/lib/validation/account";
import { updateProfileAction } from "../actions";

export function ProfileForm({ defaults }: { defaults: ProfileInput }) {
  const { refresh } = useViewer();
  const form = useForm<ProfileInput>({ resolver: zodResolver(profileSchema), defaultValues: defaults });
  const { errors, isSubmitting, isDirty } = form.formState;

  async function onSubmit(values: ProfileInput) {
    const result = await updateProfileAction(values).catch(() => null);
    if (!result) {
      toast.error("We could not reach Roundtable. Your changes are still here: try again.");
      return;
    }
    if (!result.ok) {
      for (const [field, message] of Object.entries(result.fieldErrors ?? {})) {
        if (field === "name" || field === "handle" || field === "headline") form.setError(field, { message });
      }
      if (!result.fieldErrors) toast.error(result.message);
      return;
    }
    form.reset({ ...values, handle: result.data.handle });
    toast.success("Profile saved");
    await refresh();
  }

  return (
    <form
      onSubmit={form.handleSubmit(onSubmit)}
      noValidate
      className="flex flex-col gap-5"
      aria-label="Profile"
    >
      <Field id="name" label="Name" error={errors.name?.message}>
        <Input
          autoComplete="name"
          {...fieldControlProps("name", { error: errors.name })}
          {...form.register("name")}
        />
      </Field>
      <Field
        id="handle"
        label="Handle"
        description="Your profile lives at /members/your-handle. Lower-case letters, digits and hyphens."
        error={errors.handle?.message}
      >
        <Input
          autoComplete="username"
          {...fieldControlProps("handle", { description: true, error: errors.handle })}
          {...form.register("handle")}
        />
      </Field>
      <Field
        id="headline"
        label="Headline"
        description="One line about what you do, shown next to your insights."
        error={errors.headline?.message}
      >
        <Input
          {...fieldControlProps("headline", { description: true, error: errors.headline })}
          {...form.register("headline")}
        />
      </Field>
      <fieldset className="grid gap-1.5">
        <legend className="mb-1.5 text-sm font-medium">Leaderboards</legend>
        <div className="flex items-start gap-3">
          <input
            id="showOnLeaderboards"
            type="checkbox"
            aria-describedby="showOnLeaderboards-description"
            className="accent-accent mt-0.5 size-4 shrink-0"
            {...form.register("showOnLeaderboards")}
          />
          <div className="grid gap-1">
            <label htmlFor="showOnLeaderboards" className="text-sm leading-tight font-medium">
              Show me on leaderboards
            </label>
            <p id="showOnLeaderboards-description" className="text-muted-foreground text-sm">
              Each domain ranks the members whose insights readers value most. Untick to keep your name off
              every leaderboard; your insights and badges stay as they are.
            </p>
          </div>
        </div>
      </fieldset>
      <div>
        <Button type="submit" disabled={isSubmitting || !isDirty} aria-disabled={isSubmitting || !isDirty}>
          {isSubmitting ? "Saving…" : "Save changes"}
        </Button>
      </div>
    </form>
  );
}
