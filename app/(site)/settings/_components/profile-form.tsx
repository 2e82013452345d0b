"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { useFormAction } from "@/components/hooks/use-action";
import { Alert, AlertDescription } from "@/components/ui/alert";
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

  const onSubmit = useFormAction(form, updateProfileAction, {
    fields: ["name", "handle", "headline"],
    onSuccess: async ({ handle }) => {
      form.reset({ ...form.getValues(), handle });
      toast.success("Profile saved");
      await refresh();
    },
  });

  return (
    <form
      onSubmit={(event) => void onSubmit(event)}
      noValidate
      className="flex flex-col gap-5"
      aria-label="Profile"
    >
      {errors.root?.message ? (
        <Alert variant="destructive">
          <AlertDescription>{errors.root.message}</AlertDescription>
        </Alert>
      ) : null}
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
