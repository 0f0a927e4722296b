-- AlterTable
ALTER TABLE "pages" ADD COLUMN     "image_tiles" JSONB;

-- CreateTable
CREATE TABLE "page_texts" (
    "page_id" INTEGER NOT NULL,
    "layer" JSONB NOT NULL,
    "missing_fonts" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "page_texts_pkey" PRIMARY KEY ("page_id")
);

-- AddForeignKey
ALTER TABLE "page_texts" ADD CONSTRAINT "page_texts_page_id_fkey" FOREIGN KEY ("page_id") REFERENCES "pages"("id") ON DELETE CASCADE ON UPDATE CASCADE;
