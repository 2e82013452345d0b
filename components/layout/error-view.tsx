"use client";

import { Button } from "@/components/ui/button";

/** What every route group's error boundary shows: a plain apology and a retry, never a stack trace. */
export function ErrorView({ reset }: { reset: () => void }) {
  return (
    <div role="alert" className="mx-auto flex max-w-xl flex-col items-start gap-4 py-12">
      <h1 className="text-3xl font-bold tracking-tight">Something went wrong</h1>
      <p className="text-muted-foreground text-lg">
        We could not load this page. It may be a passing problem on our side: please try again in a moment.
      </p>
      <Button onClick={reset}>Try again</Button>
    </div>
  );
}
