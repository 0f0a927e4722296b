-- AlterTable
ALTER TABLE "articles" ADD COLUMN     "submission_key" VARCHAR(64);

-- AlterTable
ALTER TABLE "editions" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "pages" ADD COLUMN     "regions_version" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- CreateIndex
CREATE UNIQUE INDEX "articles_submission_key_key" ON "articles"("submission_key");

-- The page-code rule, as lib/reading/page-codes.ts states it (PAGE_CODE_PATTERN; lib/db/constraints.test.ts
-- compares the two): up to three letters, then one to three digits, not all zero. It was
-- '^[A-Za-z]{0,3}[0-9]{1,3}$', so only codes for a page 0 ("a0", "000") become invalid; the admin never offered those.
ALTER TABLE "pages" DROP CONSTRAINT "pages_code_format";
ALTER TABLE "pages" ADD CONSTRAINT "pages_code_format" CHECK ("code" ~ '^[A-Za-z]{0,3}(?=[0-9]*[1-9])[0-9]{1,3}$');
