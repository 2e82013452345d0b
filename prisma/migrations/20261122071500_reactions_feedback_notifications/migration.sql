-- CreateEnum
CREATE TYPE "ReactionKind" AS ENUM ('LIKE', 'INSIGHTFUL', 'HELPFUL', 'CELEBRATE', 'UNHELPFUL');

-- CreateEnum
CREATE TYPE "NotificationKind" AS ENUM ('INSIGHT_PUBLISHED', 'INSIGHT_REACTIONS');

-- AlterTable
ALTER TABLE "Insight" ADD COLUMN     "celebrateCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "helpfulCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "insightfulCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "likeCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "unhelpfulCount" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "Reaction" (
    "insightId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" "ReactionKind" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Reaction_pkey" PRIMARY KEY ("insightId","userId")
);

-- CreateTable
CREATE TABLE "ArticleFeedback" (
    "articleId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "liked" BOOLEAN NOT NULL,
    "reason" VARCHAR(200),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ArticleFeedback_pkey" PRIMARY KEY ("articleId","userId")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" "NotificationKind" NOT NULL,
    "groupKey" VARCHAR(200) NOT NULL,
    "insightId" TEXT,
    "reactionKind" "ReactionKind",
    "actorCount" INTEGER NOT NULL DEFAULT 1,
    "readAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Reaction_userId_createdAt_idx" ON "Reaction"("userId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "Reaction_insightId_kind_idx" ON "Reaction"("insightId", "kind");

-- CreateIndex
CREATE INDEX "ArticleFeedback_articleId_liked_idx" ON "ArticleFeedback"("articleId", "liked");

-- CreateIndex
CREATE INDEX "ArticleFeedback_userId_idx" ON "ArticleFeedback"("userId");

-- CreateIndex
CREATE INDEX "Notification_userId_readAt_idx" ON "Notification"("userId", "readAt");

-- CreateIndex
CREATE INDEX "Notification_userId_updatedAt_idx" ON "Notification"("userId", "updatedAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "Notification_userId_groupKey_key" ON "Notification"("userId", "groupKey");

-- AddForeignKey
ALTER TABLE "Reaction" ADD CONSTRAINT "Reaction_insightId_fkey" FOREIGN KEY ("insightId") REFERENCES "Insight"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Reaction" ADD CONSTRAINT "Reaction_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArticleFeedback" ADD CONSTRAINT "ArticleFeedback_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArticleFeedback" ADD CONSTRAINT "ArticleFeedback_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;


ALTER TABLE "Insight" ADD CONSTRAINT "Insight_reaction_counts_nonnegative" CHECK (
  "likeCount" >= 0 AND "insightfulCount" >= 0 AND "helpfulCount" >= 0 AND "celebrateCount" >= 0 AND "unhelpfulCount" >= 0
);
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_actor_count_positive" CHECK ("actorCount" >= 1);
