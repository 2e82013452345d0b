import Link from "next/link";
import { SiteShell } from "@/components/layout/site-shell";
import { Button } from "@/components/ui/button";

export const metadata = { title: "Page not found" };

export default function NotFound() {
  return (
    <SiteShell>
      <div className="mx-auto flex max-w-xl flex-col items-start gap-4 py-12">
        <p className="text-accent text-sm font-semibold">404</p>
        <h1 className="text-3xl font-bold tracking-tight">We couldn&rsquo;t find that page</h1>
        <p className="text-muted-foreground text-lg">
          The article or page may have moved, or the link may be mistyped.
        </p>
        <Button asChild>
          <Link href="/">Back to the home page</Link>
        </Button>
      </div>
    </SiteShell>
  );
}
