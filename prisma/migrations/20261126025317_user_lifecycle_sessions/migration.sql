-- AlterTable
ALTER TABLE "sessions" ADD COLUMN     "ip" VARCHAR(64) NOT NULL DEFAULT '',
ADD COLUMN     "last_used_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "user_agent" VARCHAR(200) NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "users" ADD COLUMN     "disabled_at" TIMESTAMPTZ(3);

-- CreateIndex
CREATE INDEX "login_throttle_updated_at_idx" ON "login_throttle"("updated_at");

-- CreateIndex
CREATE INDEX "sessions_expires_at_idx" ON "sessions"("expires_at");
