-- AlterTable
ALTER TABLE "cache_invalidations" ADD COLUMN     "xid" xid8 NOT NULL DEFAULT pg_current_xact_id();

-- CreateIndex
CREATE INDEX "cache_invalidations_xid_idx" ON "cache_invalidations"("xid");
