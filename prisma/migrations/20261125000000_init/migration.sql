-- CreateEnum
CREATE TYPE "edition_status" AS ENUM ('DRAFT', 'PUBLISHED');

-- CreateEnum
CREATE TYPE "user_role" AS ENUM ('ADMIN', 'EDITOR');

-- CreateTable
CREATE TABLE "publications" (
    "id" SERIAL NOT NULL,
    "slug" VARCHAR(64) NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "description" VARCHAR(500) NOT NULL DEFAULT '',
    "is_default" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "publications_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "editions" (
    "id" SERIAL NOT NULL,
    "publication_id" INTEGER NOT NULL,
    "issue_date" DATE NOT NULL,
    "issue_number" INTEGER NOT NULL,
    "status" "edition_status" NOT NULL DEFAULT 'DRAFT',
    "published_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "editions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "pages" (
    "id" SERIAL NOT NULL,
    "edition_id" INTEGER NOT NULL,
    "code" VARCHAR(16) NOT NULL,
    "sort_order" INTEGER NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "image_key" VARCHAR(300),
    "image_width" INTEGER,
    "image_height" INTEGER,
    "image_variants" JSONB NOT NULL DEFAULT '[]',
    "pdf_key" VARCHAR(300),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "pages_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "articles" (
    "id" SERIAL NOT NULL,
    "page_id" INTEGER NOT NULL,
    "sort_order" INTEGER NOT NULL,
    "kicker" VARCHAR(200),
    "title" VARCHAR(300) NOT NULL,
    "subtitle" VARCHAR(300),
    "byline" VARCHAR(200),
    "body" JSONB NOT NULL DEFAULT '[]',
    "regions" JSONB NOT NULL DEFAULT '[]',
    "next_part_id" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "articles_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "users" (
    "id" SERIAL NOT NULL,
    "email" VARCHAR(200) NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "password_hash" VARCHAR(200) NOT NULL,
    "role" "user_role" NOT NULL DEFAULT 'EDITOR',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sessions" (
    "id" SERIAL NOT NULL,
    "token_hash" VARCHAR(64) NOT NULL,
    "user_id" INTEGER NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sessions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "login_throttle" (
    "key" VARCHAR(250) NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "locked_until" TIMESTAMPTZ(3),
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "login_throttle_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "audit_entries" (
    "id" SERIAL NOT NULL,
    "user_id" INTEGER,
    "edition_id" INTEGER,
    "action" VARCHAR(40) NOT NULL,
    "entity_type" VARCHAR(40) NOT NULL,
    "entity_id" INTEGER,
    "summary" VARCHAR(500) NOT NULL DEFAULT '',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_entries_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "publications_slug_key" ON "publications"("slug");

-- CreateIndex
CREATE INDEX "editions_publication_id_status_issue_date_idx" ON "editions"("publication_id", "status", "issue_date");

-- CreateIndex
CREATE UNIQUE INDEX "editions_publication_id_issue_date_key" ON "editions"("publication_id", "issue_date");

-- CreateIndex
CREATE INDEX "pages_edition_id_sort_order_idx" ON "pages"("edition_id", "sort_order");

-- CreateIndex
CREATE UNIQUE INDEX "pages_edition_id_code_key" ON "pages"("edition_id", "code");

-- CreateIndex
CREATE UNIQUE INDEX "articles_next_part_id_key" ON "articles"("next_part_id");

-- CreateIndex
CREATE INDEX "articles_page_id_sort_order_idx" ON "articles"("page_id", "sort_order");

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex
CREATE UNIQUE INDEX "sessions_token_hash_key" ON "sessions"("token_hash");

-- CreateIndex
CREATE INDEX "sessions_user_id_idx" ON "sessions"("user_id");

-- CreateIndex
CREATE INDEX "audit_entries_edition_id_created_at_idx" ON "audit_entries"("edition_id", "created_at");

-- AddForeignKey
ALTER TABLE "editions" ADD CONSTRAINT "editions_publication_id_fkey" FOREIGN KEY ("publication_id") REFERENCES "publications"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pages" ADD CONSTRAINT "pages_edition_id_fkey" FOREIGN KEY ("edition_id") REFERENCES "editions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "articles" ADD CONSTRAINT "articles_page_id_fkey" FOREIGN KEY ("page_id") REFERENCES "pages"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "articles" ADD CONSTRAINT "articles_next_part_id_fkey" FOREIGN KEY ("next_part_id") REFERENCES "articles"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_entries" ADD CONSTRAINT "audit_entries_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_entries" ADD CONSTRAINT "audit_entries_edition_id_fkey" FOREIGN KEY ("edition_id") REFERENCES "editions"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Rules Prisma's schema language cannot state; Prisma's diff leaves them alone.
ALTER TABLE "articles" ADD CONSTRAINT "articles_next_part_not_self" CHECK ("next_part_id" IS NULL OR "next_part_id" <> "id");
ALTER TABLE "pages" ADD CONSTRAINT "pages_code_format" CHECK ("code" ~ '^[A-Za-z]{0,3}[0-9]{1,3}$');
ALTER TABLE "articles" ADD CONSTRAINT "articles_title_not_blank" CHECK (btrim("title") <> '');
-- "A08" and "a08" are the same printed page; readers' URLs use the lower-case code.
CREATE UNIQUE INDEX "pages_edition_id_lower_code_key" ON "pages"("edition_id", lower("code"));
CREATE UNIQUE INDEX "publications_one_default" ON "publications"("is_default") WHERE "is_default";
