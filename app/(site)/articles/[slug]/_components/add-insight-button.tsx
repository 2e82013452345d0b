"use client";

import { MessageSquarePlus } from "lucide-react";
import Link from "next/link";
import { useViewer } from "@/components/layout/viewer-provider";
import { Button } from "@/components/ui/button";

type Props = { articleSlug: string; sectionAnchor: string; sectionTitle: string };

/**
 * The call to action on every section that accepts insights. Readers who are not signed in go to
 * sign-in and come back to this very section.
 */
export function AddInsightButton({ articleSlug, sectionAnchor, sectionTitle }: Props) {
  const { viewer } = useViewer();
  const returnTo = `/articles/${articleSlug}#${sectionAnchor}`;
  if (viewer.status !== "signed-in") {
    return (
      <Button asChild variant="outline" size="sm">
        <Link
          href={`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`}
          aria-label={`Add your insights on “${sectionTitle}”`}
        >
          <MessageSquarePlus aria-hidden="true" /> Add your insights
        </Link>
      </Button>
    );
  }
  return (
    <Button variant="outline" size="sm" aria-label={`Add your insights on “${sectionTitle}”`}>
      <MessageSquarePlus aria-hidden="true" /> Add your insights
    </Button>
  );
}
