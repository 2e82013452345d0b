"use client";

import { ErrorView } from "@/components/layout/error-view";
import "./globals.css";

export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body className="bg-background text-foreground font-sans">
        <main className="px-4">
          <ErrorView reset={reset} />
        </main>
      </body>
    </html>
  );
}
