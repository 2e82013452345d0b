-- Admins search members by any part of their name, handle or email (/admin/members): trigram indexes
-- (pg_trgm, created by the insight_trigrams migration) serve LIKE '%…%' on each column.
-- CreateIndex
CREATE INDEX "User_name_trgm_idx" ON "User" USING GIN ("name" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "User_handle_trgm_idx" ON "User" USING GIN ("handle" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "User_email_trgm_idx" ON "User" USING GIN ("email" gin_trgm_ops);

