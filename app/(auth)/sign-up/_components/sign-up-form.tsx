"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { useFormAction } from "@/components/hooks/use-action";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, fieldControlProps } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { PASSWORD_MIN, signUpSchema, type SignUpInput } from "@/lib/validation/account";
import { signInWithPassword } from "@/app/(auth)/_lib/sign-in";
import { signUpAction } from "../actions";

export function SignUpForm({ callbackUrl }: { callbackUrl: string }) {
  const form = useForm<SignUpInput>({
    resolver: zodResolver(signUpSchema),
    defaultValues: { name: "", email: "", password: "" },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = useFormAction(form, signUpAction, {
    // The account exists now: sign in with what was typed, then go where the visitor was heading.
    onSuccess: async () => {
      const { email, password } = form.getValues();
      const signedIn = await signInWithPassword({ email, password });
      if (!signedIn.ok && signedIn.code === "OFFLINE") form.setError("root", { message: signedIn.message });
      else window.location.assign(signedIn.ok ? callbackUrl : "/sign-in");
    },
  });

  return (
    <form
      onSubmit={(event) => void onSubmit(event)}
      noValidate
      className="flex flex-col gap-5"
      aria-label="Create account"
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
