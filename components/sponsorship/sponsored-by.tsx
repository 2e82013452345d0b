"use client";

import Image from "next/image";
import { useCallback, useSyncExternalStore } from "react";
import { isSponsorActive, msUntilNextChange, type SponsorView } from "@/lib/domain/sponsorship";
import { cn } from "@/lib/utils";

/**
 * Whether the sponsor's window contains the browser's clock, re-checked when it starts or ends. Pages are
 * cached, so the HTML may have been rendered before the end: this keeps an ended sponsor off the screen.
 * `renderedActive` is what the server rendered (pages pass only an active sponsor, hence true).
 */
export function useSponsorActive(startsAt: string, endsAt: string, renderedActive = true): boolean {
  const subscribe = useCallback(
    (onChange: () => void) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const arm = () => {
        const wait = msUntilNextChange({ startsAt, endsAt }, Date.now());
        if (wait === null) return;
        timer = setTimeout(() => {
          onChange();
          arm();
        }, wait + 50);
      };
      arm();
      return () => clearTimeout(timer);
    },
    [startsAt, endsAt],
  );
  return useSyncExternalStore(
    subscribe,
    () => isSponsorActive({ startsAt, endsAt }, Date.now()),
    () => renderedActive,
  );
}

/** The clearly labelled "Sponsored by …" line on a domain and its articles, shown only inside its window. */
export function SponsoredBy({ sponsor, className }: { sponsor: SponsorView; className?: string }) {
  const active = useSponsorActive(sponsor.startsAt, sponsor.endsAt);
  if (!active) return null;
  return (
    <div
      data-slot="sponsored-by"
      className={cn(
        "border-border bg-muted/40 flex items-center gap-3 rounded-lg border px-4 py-3 text-sm",
        className,
      )}
    >
      {sponsor.logoUrl ? (
        <Image
          src={sponsor.logoUrl}
          alt=""
          width={32}
          height={32}
          unoptimized
          className="size-8 shrink-0 rounded object-contain"
        />
      ) : null}
      <div className="min-w-0">
        <p>
          <span className="text-muted-foreground">Sponsored by </span>
          <a
            href={sponsor.url}
            rel="sponsored noopener"
            className="text-foreground rounded-sm font-medium underline-offset-4 hover:underline"
          >
            {sponsor.name}
          </a>
        </p>
        {sponsor.tagline ? <p className="text-muted-foreground mt-0.5 text-xs">{sponsor.tagline}</p> : null}
      </div>
    </div>
  );
}
