"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, fieldControlProps } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { PASSWORD_MIN, signUpSchema, type SignUpInput } from "@/lib/validation/account";
import { signUpAction } from "../actions";

export function SignUpForm({ callbackUrl }: { callbackUrl: string }) {
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<SignUpInput>({
    resolver: zodResolver(signUpSchema),
    defaultValues: { name: "", email: "", password: "" },
  });
  const { errors, isSubmitting } = form.formState;

  async function onSubmit(values: SignUpInput) {
    setFormError(null);
    try {
      const result = await signUpAction(values);
      if (!result.ok) {
        for (const [field, message] of Object.entries(result.fieldErrors ?? {})) {
          if (field === "name" || field === "email" || field === "password")
            form.setError(field, { message });
        }
        if (!result.fieldErrors) setFormError(result.message);
        return;
      }
      const signedIn = await signIn("credentials", {
        email: values.email,
        password: values.password,
        redirect: false,
      });
      window.location.assign(signedIn?.ok ? callbackUrl : "/sign-in");
    } catch {
      setFormError("We could not reach Roundtable. Check your connection and try again.");
    }
  }

  return (
    <form
      onSubmit={form.handleSubmit(onSubmit)}
      noValidate
      className="flex flex-col gap-5"
      aria-label="Create account"
    >
      {formError ? (
        <Alert variant="destructive">
          <AlertDescription>{formError}</AlertDescription>
        </Alert>
      ) : null}
      <Field id="name" label="Name" error={errors.name?.message}>
        <Input
          autoComplete="name"
          {...fieldControlProps("name", { error: errors.name })}
          {...form.register("name")}
        />
      </Field>
      <Field id="email" label="Email" error={errors.email?.message}>
        <Input
          type="email"
          autoComplete="email"
          {...fieldControlProps("email", { error: errors.email })}
          {...form.register("email")}
        />
      </Field>
      <Field
        id="password"
        label="Password"
        description={`At least ${PASSWORD_MIN} characters.`}
        error={errors.password?.message}
      >
        <Input
          type="password"
          autoComplete="new-password"
          {...fieldControlProps("password", { description: true, error: errors.password })}
          {...form.register("password")}
        />
      </Field>
      <Button type="submit" size="lg" disabled={isSubmitting} aria-disabled={isSubmitting}>
        {isSubmitting ? "Creating your account…" : "Create account"}
      </Button>
    </form>
  );
}
