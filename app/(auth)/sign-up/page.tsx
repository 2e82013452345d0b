import type { Metadata } from "next";
import Link from "next/link";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { safeCallbackUrl } from "@/lib/domain/redirect";
import { SignUpForm } from "./_components/sign-up-form";

export const metadata: Metadata = {
  title: "Create your account",
  description: "Join Roundtable to add your insights to articles and guides.",
  robots: { index: false },
};

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SignUpPage({ searchParams }: Props) {
  const callbackUrl = safeCallbackUrl((await searchParams).callbackUrl);
  const signInHref =
    callbackUrl === "/" ? "/sign-in" : `/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`;
  return (
    <div className="mx-auto max-w-md">
      <Card>
        <CardHeader>
          <CardTitle asChild>
            <h1 className="text-2xl font-bold">Create your account</h1>
          </CardTitle>
          <CardDescription>
            Join to add your insights. We suggest a handle from your name; you can change it later in
            settings.
          </CardDescription>
        </CardHeader>
        <CardContent className="flex flex-col gap-6">
          <SignUpForm callbackUrl={callbackUrl} />
          <p className="text-muted-foreground text-sm">
            Already have an account?{" "}
            <Link
              prefetch={false}
              href={signInHref}
              className="text-accent rounded-sm font-medium underline underline-offset-4"
            >
              Sign in
            </Link>
          </p>
        </CardContent>
      </Card>
    </div>
  );
}
