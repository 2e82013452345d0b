-- AlterTable
ALTER TABLE "Insight" ADD COLUMN     "bodyHash" VARCHAR(64),
ADD COLUMN     "deletedAt" TIMESTAMP(3),
ADD COLUMN     "editedAt" TIMESTAMP(3),
ADD COLUMN     "idempotencyKey" VARCHAR(64),
ADD COLUMN     "liveSectionId" TEXT;

-- Existing insights: live in their section, keyed by their id, hashed as lib/domain/insight-rules.ts does.
UPDATE "Insight" SET
  "liveSectionId" = "sectionId",
  "idempotencyKey" = "id",
  "bodyHash" = encode(sha256(convert_to(lower(regexp_replace(btrim("body"), '\s+', ' ', 'g')), 'UTF8')), 'hex');

ALTER TABLE "Insight" ALTER COLUMN "bodyHash" SET NOT NULL, ALTER COLUMN "idempotencyKey" SET NOT NULL;

-- CreateTable
CREATE TABLE "InsightRevision" (
    "id" TEXT NOT NULL,
    "insightId" TEXT NOT NULL,
    "body" VARCHAR(2000) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InsightRevision_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "InsightRevision_insightId_createdAt_idx" ON "InsightRevision"("insightId", "createdAt");

-- CreateIndex
CREATE INDEX "Insight_authorId_createdAt_idx" ON "Insight"("authorId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "Insight_authorId_bodyHash_idx" ON "Insight"("authorId", "bodyHash");

-- CreateIndex
CREATE UNIQUE INDEX "Insight_authorId_liveSectionId_key" ON "Insight"("authorId", "liveSectionId");

-- CreateIndex
CREATE UNIQUE INDEX "Insight_authorId_idempotencyKey_key" ON "Insight"("authorId", "idempotencyKey");

-- AddForeignKey
ALTER TABLE "InsightRevision" ADD CONSTRAINT "InsightRevision_insightId_fkey" FOREIGN KEY ("insightId") REFERENCES "Insight"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- A live insight sits in its own section; a deleted one in none.
ALTER TABLE "Insight" ADD CONSTRAINT "Insight_live_section_matches" CHECK ("liveSectionId" IS NULL OR "liveSectionId" = "sectionId");
ALTER TABLE "Insight" ADD CONSTRAINT "Insight_deleted_not_live" CHECK ("deletedAt" IS NULL OR "liveSectionId" IS NULL);
