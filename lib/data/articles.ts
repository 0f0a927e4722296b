import "server-only";
import { cacheLife, cacheTag } from "next/cache";
import { prisma } from "@/lib/db/prisma";
import { TAGS } from "@/lib/cache-tags";
import { readBody } from "@/lib/content";
import { mediaUrl } from "@/lib/storage";
import type { ArticleBlock, ArticleBody } from "@/lib/reading/types";

/** An article's body, uncached (the admin's preview). */
export async function loadArticleBody(articleId: number): Promise<ArticleBody | null> {
  const row = await prisma.article.findUnique({ where: { id: articleId }, select: { id: true, body: true } });
  if (!row) return null;
  // A stored block that does not match the schema is shown as text (and logged), never dropped with the rest.
  const blocks = readBody(row.body, `article ${row.id}`).blocks.map((block): ArticleBlock =>
    block.type === "image"
      ? { type: "image", src: mediaUrl(block.key), caption: block.caption, width: block.width, height: block.height }
      : block,
  );
  return { id: row.id, blocks };
}

export async function getArticleBody(articleId: number): Promise<ArticleBody | null> {
  "use cache";
  cacheTag(TAGS.article(articleId));
  cacheLife("reader");
  return loadArticleBody(articleId);
}

/** The edition an article is in (any status), for looking an article up by id (the API). */
export async function getArticleEditionId(articleId: number): Promise<number | null> {
  "use cache";
  cacheTag(TAGS.article(articleId));
  cacheLife("reader");
  const row = await prisma.article.findUnique({
    where: { id: articleId },
    select: { page: { select: { editionId: true } } },
  });
  return row?.page.editionId ?? null;
}
