-- Near-duplicate detection looks for recent insights whose text resembles a new one among all members'
-- insights, not only the latest few: pg_trgm's similarity operator (%) with a trigram index finds them.
-- pg_trgm ships with PostgreSQL (contrib) and is a trusted extension: a database owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateIndex
CREATE INDEX "Insight_body_trgm_idx" ON "Insight" USING GIN ("body" gin_trgm_ops);
