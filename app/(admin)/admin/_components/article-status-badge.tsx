import { formatUtc } from "@/app/(admin)/admin/_lib/format";
import { Badge } from "@/components/ui/badge";
import type { ArticleStatus } from "@/lib/generated/prisma/enums";

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
