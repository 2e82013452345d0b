-- Cache tag expirations shared by every web instance (lib/next-cache): written with a NOTIFY on the
-- cache_tag_expirations channel, read back at start and after a lost LISTEN connection.
-- CreateTable
CREATE TABLE "cache_tag_expirations" (
    "tag" TEXT NOT NULL,
    "stale_at" TIMESTAMPTZ(3),
    "expired_at" TIMESTAMPTZ(3),
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "cache_tag_expirations_pkey" PRIMARY KEY ("tag")
);

-- CreateIndex
CREATE INDEX "cache_tag_expirations_updated_at_idx" ON "cache_tag_expirations"("updated_at");
