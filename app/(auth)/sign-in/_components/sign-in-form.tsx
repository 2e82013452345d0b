"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, fieldControlProps } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { signInSchema, type SignInInput } from "@/lib/validation/account";

const INCORRECT = "Email or password is incorrect.";

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<SignInInput>({
    resolver: zodResolver(signInSchema),
    defaultValues: { email: "", password: "" },
  });
  const { errors, isSubmitting } = form.formState;

  async function onSubmit(values: SignInInput) {
    setFormError(null);
    try {
      const result = await signIn("credentials", { ...values, redirect: false });
      if (!result || result.error) {
        // next-auth reports a wrong email or password as "CredentialsSignin"; other messages are ours
        // (too many attempts, a suspended account) and safe to show.
        setFormError(!result || result.error === "CredentialsSignin" ? INCORRECT : result.error);
        return;
      }
      window.location.assign(callbackUrl);
    } catch {
      setFormError("We could not reach Roundtable. Check your connection and try again.");
    }
  }

  return (
    <form
      onSubmit={form.handleSubmit(onSubmit)}
      noValidate
      className="flex flex-col gap-5"
      aria-label="Sign in"
    >
      {formError ? (
        <Alert variant="destructive">
          <AlertDescription>{formError}</AlertDescription>
        </Alert>
      ) : null}
      <Field id="email" label="Email" error={errors.email?.message}>
        <Input
          type="email"
          autoComplete="email"
          {...fieldControlProps("email", { error: errors.email })}
          {...form.register("email")}
        />
      </Field>
      <Field id="password" label="Password" error={errors.password?.message}>
        <Input
          type="password"
          autoComplete="current-password"
          {...fieldControlProps("password", { error: errors.password })}
          {...form.register("password")}
        />
      </Field>
      <Button type="submit" size="lg" disabled={isSubmitting} aria-disabled={isSubmitting}>
        {isSubmitting ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
