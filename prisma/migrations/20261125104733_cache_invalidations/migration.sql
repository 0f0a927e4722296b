-- CreateTable
CREATE TABLE "cache_invalidations" (
    "id" BIGSERIAL NOT NULL,
    "tags" TEXT[],
    "expire_seconds" INTEGER,
    "instance" VARCHAR(64) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "cache_invalidations_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "cache_invalidations_created_at_idx" ON "cache_invalidations"("created_at");
