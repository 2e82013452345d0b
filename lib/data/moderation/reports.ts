import "server-only";
import { changed, type Changed } from "@/lib/cache-expiry";
import { db } from "@/lib/db";
import { REPORTS_TO_HIDE } from "@/lib/domain/moderation";
import { mayReport } from "@/lib/domain/permissions";
import { AppError, uniqueViolation } from "@/lib/errors";
import type { ReportReason } from "@/lib/generated/prisma/enums";
import { recordAudit } from "../audit";
import { insightPageTags } from "../insights";
import { assertPermitted } from "../permissions";
import type { SessionUser } from "../users";
import { assertActiveAccount, lockInsight, notifyAuthor } from "./shared";

// Members' reports of insights they read. Reports are members' doing, not moderation: the audit log records
// only the hiding that enough of them cause.

/**
 * A member reports a published insight once, with a reason. Every report joins the queue; at the
 * REPORTS_TO_HIDE-th open report from different members the insight is hidden at once, pending review.
 * The audit log records that hiding as "insight.hide" with the member whose report triggered it as the
 * actor (no moderator acted). Only a report that hides the insight changes what readers see: it answers
 * with the tags of the insight's pages, and the author whose badges may change.
 */
export async function reportInsight(
  actor: SessionUser,
  input: { insightId: string; reason: ReportReason; note?: string },
): Promise<Changed<{ hidden: boolean; authorId: string }>> {
  try {
    return await db.$transaction(async (tx) => {
      await assertActiveAccount(tx, actor.id);
      const insight = await lockInsight(tx, input.insightId);
      // Only what readers can see can be reported.
      if (
        !insight ||
        insight.deletedAt ||
        insight.authorStatus !== "ACTIVE" ||
        insight.articleStatus !== "PUBLISHED" ||
        (insight.status !== "PUBLISHED" && insight.status !== "HIDDEN")
      ) {
        throw new AppError("NOT_FOUND", "Insight not found.");
      }
      assertPermitted(mayReport(actor, insight), "You cannot report your own insight.");
      const earlier = await tx.report.findUnique({
        where: { insightId_reporterId: { insightId: insight.id, reporterId: actor.id } },
        select: { id: true },
      });
      if (earlier) throw new AppError("CONFLICT", "You have already reported this insight.");
      if (insight.status === "HIDDEN") {
        throw new AppError("CONFLICT", "This insight is already hidden pending review.");
      }

      await tx.report.create({
        data: {
          insightId: insight.id,
          reporterId: actor.id,
          authorId: insight.authorId,
          reason: input.reason,
          note: input.note ?? null,
        },
        select: { id: true },
      });
      // One report per member per insight (unique index): the open reports come from as many members.
      const openReports = insight.openReportCount + 1;
      const hide = openReports >= REPORTS_TO_HIDE;
      await tx.insight.update({
        where: { id: insight.id },
        data: {
          openReportCount: openReports,
          queuedAt: insight.queuedAt ?? new Date(),
          ...(hide ? { status: "HIDDEN" } : {}),
        },
      });
      if (!hide) return changed({ hidden: false, authorId: insight.authorId }, []);
      await recordAudit(tx, {
        actorId: actor.id,
        action: "insight.hide",
        targetType: "insight",
        targetId: insight.id,
        data: { openReports, automatic: true },
      });
      await notifyAuthor(tx, insight, "INSIGHT_HIDDEN");
      return changed({ hidden: true, authorId: insight.authorId }, insightPageTags(insight));
    });
  } catch (error) {
    if (uniqueViolation(error)?.includes("reporterId")) {
      throw new AppError("CONFLICT", "You have already reported this insight.");
    }
    throw error;
  }
}

/**
 * Which insights on an article the viewer has already reported: every one, not only those the cached page
 * lists first, so insights loaded later ("Show more") know too, without the page's list being read here.
 */
export async function listViewerReportsOnArticle(actor: SessionUser, articleId: string): Promise<string[]> {
  const rows = await db.report.findMany({
    where: { reporterId: actor.id, insight: { section: { articleId } } },
    select: { insightId: true },
  });
  return rows.map((row) => row.insightId);
}
