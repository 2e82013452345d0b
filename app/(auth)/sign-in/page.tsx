import type { Metadata } from "next";
import Link from "next/link";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { safeCallbackUrl } from "@/lib/domain/redirect";
import { isDemoMode } from "@/lib/env";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/prisma/seed/accounts";
import { SignInForm } from "./_components/sign-in-form";

export const metadata: Metadata = {
  title: "Sign in",
  description: "Sign in to Roundtable to add your insights to articles.",
  robots: { index: false },
};

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SignInPage({ searchParams }: Props) {
  const callbackUrl = safeCallbackUrl((await searchParams).callbackUrl);
  const signUpHref =
    callbackUrl === "/" ? "/sign-up" : `/sign-up?callbackUrl=${encodeURIComponent(callbackUrl)}`;
  return (
    <div className="mx-auto flex max-w-md flex-col gap-6">
      <Card>
        <CardHeader>
          <CardTitle asChild>
            <h1 className="text-2xl font-bold">Sign in</h1>
          </CardTitle>
          <CardDescription>Welcome back. Sign in to add your insights.</CardDescription>
        </CardHeader>
        <CardContent className="flex flex-col gap-6">
          <SignInForm callbackUrl={callbackUrl} />
          <p className="text-muted-foreground text-sm">
            New to Roundtable?{" "}
            <Link
              prefetch={false}
              href={signUpHref}
              className="text-accent rounded-sm font-medium underline underline-offset-4"
            >
              Create an account
            </Link>
          </p>
        </CardContent>
      </Card>
      {isDemoMode() ? (
        <section
          aria-labelledby="demo-accounts"
          className="border-border rounded-lg border border-dashed p-5 text-sm"
        >
          <h2 id="demo-accounts" className="font-semibold">
            Demo accounts
          </h2>
          <p className="text-muted-foreground mt-1">
            This is a demo installation. Every demo account uses the password{" "}
            <code className="bg-muted rounded px-1.5 py-0.5">{DEMO_PASSWORD}</code>.
          </p>
          <ul className="mt-3 flex flex-col gap-1">
            {DEMO_ACCOUNTS.map((account) => (
              <li key={account.email}>
                <span className="font-medium">{account.name}</span>:{" "}
                <code className="bg-muted rounded px-1.5 py-0.5">{account.email}</code>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
