import "server-only";
import { changed, type Changed } from "@/lib/cache-expiry";
import { tags } from "@/lib/cache-tags";
import { db } from "@/lib/db";
import { mayReact } from "@/lib/domain/permissions";
import { EMPTY_COUNTS, type ReactionCounts } from "@/lib/domain/ranking";
import { AppError } from "@/lib/errors";
import type { ReactionKind } from "@/lib/generated/prisma/enums";
import type { ArticleFeedbackInput, ReactInput } from "@/lib/validation/reaction";
import { syncReactionNotification } from "./notifications";
import { assertPermitted } from "./permissions";
import type { Tx } from "./transaction";
import type { SessionUser } from "./users";

/** The insight's totals and the actor's reaction now; its article page shows the totals. */
export type ReactionResult = Changed<{
  counts: ReactionCounts;
  mine: ReactionKind | null;
  authorId: string;
  /** the kinds whose totals changed (the author's grouped notifications follow them) */
  changedKinds: ReactionKind[];
}>;

const COUNT_COLUMNS = {
  LIKE: "likeCount",
  INSIGHTFUL: "insightfulCount",
  HELPFUL: "helpfulCount",
  CELEBRATE: "celebrateCount",
  UNHELPFUL: "unhelpfulCount",
} as const satisfies Record<ReactionKind, string>;

/** The counters stored on an insight, as the ranking's counts. */
export function countsOf(row: Record<(typeof COUNT_COLUMNS)[ReactionKind], number>): ReactionCounts {
  return {
    LIKE: row.likeCount,
    INSIGHTFUL: row.insightfulCount,
    HELPFUL: row.helpfulCount,
    CELEBRATE: row.celebrateCount,
    UNHELPFUL: row.unhelpfulCount,
  };
}

async function recount(tx: Tx, insightId: string): Promise<ReactionCounts> {
  const groups = await tx.reaction.groupBy({ by: ["kind"], where: { insightId }, _count: { _all: true } });
  const counts = { ...EMPTY_COUNTS };
  for (const group of groups) counts[group.kind] = group._count._all;
  await tx.insight.update({
    where: { id: insightId },
    data: Object.fromEntries(
      (Object.keys(COUNT_COLUMNS) as ReactionKind[]).map((kind) => [COUNT_COLUMNS[kind], counts[kind]]),
    ),
  });
  return counts;
}

/**
 * Sets, changes or (kind null) removes the actor's reaction to a published insight. The insight's row is
 * locked and its counters recounted from the reaction rows in the same transaction, so concurrent
 * reactions never lose an update and the counters always equal the rows.
 */
export async function setReaction(actor: SessionUser, input: ReactInput): Promise<ReactionResult> {
  return db.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: string }[]>`
      SELECT "id" FROM "Insight" WHERE "id" = ${input.insightId} FOR UPDATE`;
    const insight = locked.length
      ? await tx.insight.findUnique({
          where: { id: input.insightId },
          select: {
            authorId: true,
            status: true,
            deletedAt: true,
            author: { select: { status: true } },
            section: { select: { articleId: true, article: { select: { status: true } } } },
          },
        })
      : null;
    // Only what readers can see (content.ts's visibleInsight) can be reacted to.
    if (
      !insight ||
      insight.status !== "PUBLISHED" ||
      insight.deletedAt ||
      insight.author.status !== "ACTIVE" ||
      insight.section.article.status !== "PUBLISHED"
    ) {
      throw new AppError("NOT_FOUND", "This insight is not available for reactions.");
    }
    assertPermitted(mayReact(actor, insight), "You cannot react to your own insight.");

    const key = { insightId_userId: { insightId: input.insightId, userId: actor.id } };
    const previous = await tx.reaction.findUnique({ where: key, select: { kind: true } });
    if (input.kind === null) {
      if (previous) await tx.reaction.delete({ where: key });
    } else {
      await tx.reaction.upsert({
        where: key,
        create: { insightId: input.insightId, userId: actor.id, kind: input.kind },
        update: { kind: input.kind },
      });
    }
    const counts = await recount(tx, input.insightId);
    const changedKinds = [...new Set([previous?.kind, input.kind])].filter(
      (kind): kind is ReactionKind => Boolean(kind) && previous?.kind !== input.kind,
    );
    // The author's grouped "N people found your insight …" notifications follow the totals.
    for (const kind of changedKinds) {
      await syncReactionNotification(tx, { id: input.insightId, authorId: insight.authorId }, kind);
    }
    return changed({ counts, mine: input.kind, authorId: insight.authorId, changedKinds }, [
      tags.article(insight.section.articleId),
    ]);
  });
}

/** The actor's reactions on an article's insights: insight id → kind. */
export async function listOwnReactionsOnArticle(
  actor: SessionUser,
  articleId: string,
): Promise<Record<string, ReactionKind>> {
  const rows = await db.reaction.findMany({
    where: { userId: actor.id, insight: { section: { articleId } } },
    select: { insightId: true, kind: true },
  });
  return Object.fromEntries(rows.map((row) => [row.insightId, row.kind]));
}

/**
 * "Like this article?": records or changes the actor's answer; a reason is kept only with a No. The article
 * page shows how many said yes.
 */
export async function setArticleFeedback(
  actor: SessionUser,
  input: ArticleFeedbackInput,
): Promise<Changed<{ liked: boolean; yesCount: number }>> {
  const article = await db.article.findFirst({
    where: { id: input.articleId, status: "PUBLISHED" },
    select: { id: true },
  });
  if (!article) throw new AppError("NOT_FOUND", "Article not found.");
  const reason = input.liked ? null : input.reason || null;
  await db.articleFeedback.upsert({
    where: { articleId_userId: { articleId: article.id, userId: actor.id } },
    create: { articleId: article.id, userId: actor.id, liked: input.liked, reason },
    update: { liked: input.liked, reason },
  });
  const yesCount = await db.articleFeedback.count({ where: { articleId: article.id, liked: true } });
  return changed({ liked: input.liked, yesCount }, [tags.article(article.id)]);
}

export async function getOwnArticleFeedback(actor: SessionUser, articleId: string) {
  const row = await db.articleFeedback.findUnique({
    where: { articleId_userId: { articleId, userId: actor.id } },
    select: { liked: true, reason: true },
  });
  return row ?? null;
}
