import type { Metadata } from "next";
import Link from "next/link";
import { SiteShell } from "@/components/layout/site-shell";
import { Button } from "@/components/ui/button";

export const metadata: Metadata = { title: "Not allowed", robots: { index: false } };

// What `forbidden()` renders: a signed-in member opening a page meant for moderators or admins.
export default function Forbidden() {
  return (
    <SiteShell>
      <div className="mx-auto flex max-w-xl flex-col items-start gap-4 py-12">
        <p className="text-accent text-sm font-semibold">403</p>
        <h1 className="text-3xl font-bold tracking-tight">This page is not open to you</h1>
        <p className="text-muted-foreground text-lg">
          Only moderators and admins can see it. If you think you should have access, ask an admin.
        </p>
        <Button asChild>
          <Link href="/">Back to the home page</Link>
        </Button>
      </div>
    </SiteShell>
  );
}
