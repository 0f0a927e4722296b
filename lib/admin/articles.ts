import "server-only";
import { articleBodySchema, parseJsonColumn, regionsSchema } from "../content";
import type { PrismaClient } from "../db/client";
import { prisma } from "../db/prisma";
import { bodyToText } from "./body-text";
import { isoDate } from "./dates";
import type { ArticleValues } from "./form-state";

export function articleFormValues(article: {
  kicker: string | null;
  title: string;
  subtitle: string | null;
  byline: string | null;
  body: unknown;
}): ArticleValues {
  return {
    kicker: article.kicker ?? "",
    title: article.title,
    subtitle: article.subtitle ?? "",
    byline: article.byline ?? "",
    body: bodyToText(parseJsonColumn(articleBodySchema, article.body)),
  };
}

export async function getArticle(editionId: number, pageId: number, articleId: number) {
  const article = await prisma.article.findFirst({
    where: { id: articleId, pageId, page: { editionId } },
    include: {
      page: {
        select: { id: true, code: true, name: true, edition: { select: { id: true, issueDate: true, status: true } } },
      },
      nextPart: { select: { id: true, title: true, pageId: true, page: { select: { code: true } } } },
      previousPart: { select: { id: true, title: true, pageId: true, page: { select: { code: true } } } },
    },
  });
  if (!article) return null;
  return {
    id: article.id,
    version: article.version,
    values: articleFormValues(article),
    regions: parseJsonColumn(regionsSchema, article.regions),
    page: { id: article.page.id, code: article.page.code, name: article.page.name },
    edition: {
      id: article.page.edition.id,
      date: isoDate(article.page.edition.issueDate),
      status: article.page.edition.status,
    },
    nextPart: article.nextPart && {
      id: article.nextPart.id,
      title: article.nextPart.title,
      pageId: article.nextPart.pageId,
      pageCode: article.nextPart.page.code,
    },
    previousPart: article.previousPart && {
      id: article.previousPart.id,
      title: article.previousPart.title,
      pageId: article.previousPart.pageId,
      pageCode: article.previousPart.page.code,
    },
  };
}

/** Every article of an edition, in reading order, for the link pickers. */
export async function listEditionArticles(editionId: number) {
  const rows = await prisma.article.findMany({
    where: { page: { editionId } },
    orderBy: [{ page: { sortOrder: "asc" } }, { sortOrder: "asc" }],
    select: {
      id: true,
      title: true,
      nextPartId: true,
      pageId: true,
      sortOrder: true,
      page: { select: { code: true, sortOrder: true } },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    pageId: row.pageId,
    pageCode: row.page.code,
    pageOrder: row.page.sortOrder,
    sortOrder: row.sortOrder,
    nextPartId: row.nextPartId,
  }));
}

export async function articleExists(db: PrismaClient, articleId: number): Promise<boolean> {
  return (await db.article.count({ where: { id: articleId } })) > 0;
}
