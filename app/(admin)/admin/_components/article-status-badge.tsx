import { Badge } from "@/components/ui/badge";
import type { ArticleStatus } from "@/lib/generated/prisma/enums";

// UTC, so the server and every browser write the same words.
const dateTime = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "UTC",
});

export function formatUtc(iso: string): string {
  return `${dateTime.format(new Date(iso))} UTC`;
}

/** Draft, Scheduled (with its time) or Published, in words as well as colour. */
export function ArticleStatusBadge({
  status,
  scheduledAt,
}: {
  status: ArticleStatus;
  scheduledAt: string | null;
}) {
  if (status === "PUBLISHED") return <Badge variant="success">Published</Badge>;
  if (scheduledAt) {
    return (
      <Badge variant="warning">
        Scheduled <time dateTime={scheduledAt}>{formatUtc(scheduledAt)}</time>
      </Badge>
    );
  }
  return <Badge variant="secondary">Draft</Badge>;
}
