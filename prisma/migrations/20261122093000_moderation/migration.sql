-- CreateEnum
CREATE TYPE "TrustLevel" AS ENUM ('NEW', 'TRUSTED');

-- CreateEnum
CREATE TYPE "ReportReason" AS ENUM ('SPAM', 'HARASSMENT', 'MISLEADING', 'OFF_TOPIC', 'OTHER');

-- CreateEnum
CREATE TYPE "ReportResolution" AS ENUM ('UPHELD', 'DISMISSED');

-- CreateEnum
CREATE TYPE "DecisionReason" AS ENUM ('SPAM', 'HARASSMENT', 'MISLEADING', 'OFF_TOPIC', 'LOW_QUALITY', 'SELF_PROMOTION', 'PERSONAL_INFORMATION', 'OTHER');

-- CreateEnum
CREATE TYPE "AppealStatus" AS ENUM ('OPEN', 'UPHELD', 'OVERTURNED');

-- CreateEnum
CREATE TYPE "SanctionKind" AS ENUM ('WARNING', 'SUSPENSION', 'BAN');

-- AlterEnum
ALTER TYPE "InsightStatus" ADD VALUE 'HIDDEN';

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "NotificationKind" ADD VALUE 'INSIGHT_APPROVED';
ALTER TYPE "NotificationKind" ADD VALUE 'INSIGHT_REJECTED';
ALTER TYPE "NotificationKind" ADD VALUE 'INSIGHT_REMOVED';
ALTER TYPE "NotificationKind" ADD VALUE 'INSIGHT_RESTORED';
ALTER TYPE "NotificationKind" ADD VALUE 'INSIGHT_HIDDEN';
ALTER TYPE "NotificationKind" ADD VALUE 'APPEAL_DECIDED';
ALTER TYPE "NotificationKind" ADD VALUE 'MEMBER_WARNED';
ALTER TYPE "NotificationKind" ADD VALUE 'MEMBER_SUSPENDED';
ALTER TYPE "NotificationKind" ADD VALUE 'SANCTION_LIFTED';
ALTER TYPE "NotificationKind" ADD VALUE 'FOLLOWED_DOMAIN_ARTICLE';
ALTER TYPE "NotificationKind" ADD VALUE 'FOLLOWED_ARTICLE_INSIGHT';

-- AlterTable
ALTER TABLE "Insight" ADD COLUMN     "autoFlags" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "decidedAt" TIMESTAMP(3),
ADD COLUMN     "decidedById" TEXT,
ADD COLUMN     "decisionNote" VARCHAR(500),
ADD COLUMN     "decisionReason" "DecisionReason",
ADD COLUMN     "openReportCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "queuedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "articleId" TEXT,
ADD COLUMN     "message" VARCHAR(1000),
ADD COLUMN     "reason" VARCHAR(100);

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "trustOverride" "TrustLevel";

-- CreateTable
CREATE TABLE "Report" (
    "id" TEXT NOT NULL,
    "insightId" TEXT NOT NULL,
    "reporterId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "reason" "ReportReason" NOT NULL,
    "note" VARCHAR(500),
    "resolution" "ReportResolution",
    "resolvedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Report_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Appeal" (
    "id" TEXT NOT NULL,
    "insightId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "moderatorId" TEXT,
    "message" VARCHAR(500) NOT NULL,
    "status" "AppealStatus" NOT NULL DEFAULT 'OPEN',
    "resolvedById" TEXT,
    "resolvedAt" TIMESTAMP(3),
    "outcomeNote" VARCHAR(500),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Appeal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Sanction" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" "SanctionKind" NOT NULL,
    "reason" VARCHAR(500) NOT NULL,
    "endsAt" TIMESTAMP(3),
    "issuedById" TEXT NOT NULL,
    "removedInsightIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "liftedAt" TIMESTAMP(3),
    "liftedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Sanction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEntry" (
    "id" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "action" VARCHAR(60) NOT NULL,
    "targetType" VARCHAR(30) NOT NULL,
    "targetId" VARCHAR(60) NOT NULL,
    "reason" VARCHAR(100),
    "note" VARCHAR(1000),
    "data" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BlockedTerm" (
    "id" TEXT NOT NULL,
    "term" VARCHAR(100) NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BlockedTerm_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Report_insightId_resolvedAt_idx" ON "Report"("insightId", "resolvedAt");

-- CreateIndex
CREATE INDEX "Report_authorId_resolution_resolvedAt_idx" ON "Report"("authorId", "resolution", "resolvedAt");

-- CreateIndex
CREATE INDEX "Report_reporterId_createdAt_idx" ON "Report"("reporterId", "createdAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "Report_insightId_reporterId_key" ON "Report"("insightId", "reporterId");

-- CreateIndex
CREATE UNIQUE INDEX "Appeal_insightId_key" ON "Appeal"("insightId");

-- CreateIndex
CREATE INDEX "Appeal_status_createdAt_idx" ON "Appeal"("status", "createdAt");

-- CreateIndex
CREATE INDEX "Appeal_authorId_idx" ON "Appeal"("authorId");

-- CreateIndex
CREATE INDEX "Sanction_userId_createdAt_idx" ON "Sanction"("userId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "AuditEntry_createdAt_idx" ON "AuditEntry"("createdAt" DESC);

-- CreateIndex
CREATE INDEX "AuditEntry_targetType_targetId_createdAt_idx" ON "AuditEntry"("targetType", "targetId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEntry_actorId_createdAt_idx" ON "AuditEntry"("actorId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "AuditEntry_action_createdAt_idx" ON "AuditEntry"("action", "createdAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "BlockedTerm_term_key" ON "BlockedTerm"("term");

-- CreateIndex
CREATE INDEX "Insight_queuedAt_idx" ON "Insight"("queuedAt");

-- CreateIndex
CREATE INDEX "Insight_status_createdAt_idx" ON "Insight"("status", "createdAt");

-- CreateIndex
CREATE INDEX "User_role_idx" ON "User"("role");

-- CreateIndex
CREATE INDEX "User_status_statusUntil_idx" ON "User"("status", "statusUntil");

-- AddForeignKey
ALTER TABLE "Insight" ADD CONSTRAINT "Insight_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Report" ADD CONSTRAINT "Report_insightId_fkey" FOREIGN KEY ("insightId") REFERENCES "Insight"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Report" ADD CONSTRAINT "Report_reporterId_fkey" FOREIGN KEY ("reporterId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Report" ADD CONSTRAINT "Report_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Appeal" ADD CONSTRAINT "Appeal_insightId_fkey" FOREIGN KEY ("insightId") REFERENCES "Insight"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Appeal" ADD CONSTRAINT "Appeal_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Appeal" ADD CONSTRAINT "Appeal_moderatorId_fkey" FOREIGN KEY ("moderatorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Appeal" ADD CONSTRAINT "Appeal_resolvedById_fkey" FOREIGN KEY ("resolvedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Sanction" ADD CONSTRAINT "Sanction_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Sanction" ADD CONSTRAINT "Sanction_issuedById_fkey" FOREIGN KEY ("issuedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEntry" ADD CONSTRAINT "AuditEntry_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BlockedTerm" ADD CONSTRAINT "BlockedTerm_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Constraints Prisma cannot express.
ALTER TABLE "Insight" ADD CONSTRAINT "Insight_open_report_count_nonnegative" CHECK ("openReportCount" >= 0);
ALTER TABLE "BlockedTerm" ADD CONSTRAINT "BlockedTerm_lowercase" CHECK ("term" = lower("term") AND char_length(btrim("term")) > 0);
ALTER TABLE "Sanction" ADD CONSTRAINT "Sanction_suspension_has_end" CHECK ("kind" <> 'SUSPENSION' OR "endsAt" IS NOT NULL);

-- The audit log is append-only: no update or delete, whoever asks.
CREATE FUNCTION "audit_entry_immutable"() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'audit entries cannot be changed or deleted' USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "AuditEntry_immutable" BEFORE UPDATE OR DELETE ON "AuditEntry"
  FOR EACH ROW EXECUTE FUNCTION "audit_entry_immutable"();

-- Insights already held for review join the queue.
UPDATE "Insight" SET "queuedAt" = "createdAt" WHERE "status" = 'PENDING' AND "deletedAt" IS NULL;
