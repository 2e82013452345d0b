-- CreateEnum
CREATE TYPE "BadgeTier" AS ENUM ('NONE', 'BRONZE', 'SILVER', 'GOLD');

-- AlterEnum
ALTER TYPE "NotificationKind" ADD VALUE 'BADGE_GRANTED';

-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "userBadgeId" TEXT;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "leaderboardOptOut" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "Badge" (
    "slug" VARCHAR(60) NOT NULL,
    "family" VARCHAR(60) NOT NULL,
    "name" VARCHAR(80) NOT NULL,
    "description" VARCHAR(300) NOT NULL,
    "criteria" VARCHAR(500) NOT NULL,
    "tier" "BadgeTier" NOT NULL DEFAULT 'NONE',
    "perDomain" BOOLEAN NOT NULL DEFAULT false,
    "revocable" BOOLEAN NOT NULL DEFAULT false,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Badge_pkey" PRIMARY KEY ("slug")
);

-- CreateTable
CREATE TABLE "UserBadge" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "badgeSlug" VARCHAR(60) NOT NULL,
    "scope" VARCHAR(40) NOT NULL DEFAULT '',
    "domainId" TEXT,
    "grantedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "UserBadge_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "UserBadge_badgeSlug_revokedAt_grantedAt_idx" ON "UserBadge"("badgeSlug", "revokedAt", "grantedAt" DESC);

-- CreateIndex
CREATE INDEX "UserBadge_userId_revokedAt_idx" ON "UserBadge"("userId", "revokedAt");

-- CreateIndex
CREATE UNIQUE INDEX "UserBadge_userId_badgeSlug_scope_key" ON "UserBadge"("userId", "badgeSlug", "scope");

-- AddForeignKey
ALTER TABLE "UserBadge" ADD CONSTRAINT "UserBadge_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserBadge" ADD CONSTRAINT "UserBadge_badgeSlug_fkey" FOREIGN KEY ("badgeSlug") REFERENCES "Badge"("slug") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserBadge" ADD CONSTRAINT "UserBadge_domainId_fkey" FOREIGN KEY ("domainId") REFERENCES "Domain"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The badges, defined as data. Thresholds here and in lib/domain/badges.ts are the same numbers.
INSERT INTO "Badge" ("slug", "family", "name", "description", "criteria", "tier", "perDomain", "revocable", "position") VALUES
  ('first-insight', 'first-insight', 'First insight', 'Shared a first insight that readers can see.', 'Have one insight published.', 'NONE', false, false, 0),
  ('contributor-bronze', 'contributor', 'Contributor', 'Contributes across articles.', 'Published insights on 3 or more different articles, in any domain.', 'BRONZE', false, true, 10),
  ('contributor-silver', 'contributor', 'Contributor', 'Contributes regularly across articles.', 'Published insights on 10 or more different articles, in any domain.', 'SILVER', false, true, 11),
  ('contributor-gold', 'contributor', 'Contributor', 'One of the most prolific contributors.', 'Published insights on 25 or more different articles, in any domain.', 'GOLD', false, true, 12),
  ('top-voice', 'top-voice', 'Top Voice', 'Among the most valued contributors of a domain right now.', 'Among the five members with the highest quality score in a domain over the last 60 days: reactions received on insights there, Unhelpful counting against, with at most 6 points from any one reacting member. Held while you stay in the top five.', 'NONE', true, true, 20),
  ('helpful', 'helpful', 'Helpful', 'Wrote an insight many readers found useful.', 'Have an insight that received 10 Helpful or Insightful reactions.', 'NONE', false, false, 30);

ALTER TABLE "UserBadge" ADD CONSTRAINT "UserBadge_scope_matches_domain" CHECK (("domainId" IS NULL AND "scope" = '') OR "scope" = "domainId");
