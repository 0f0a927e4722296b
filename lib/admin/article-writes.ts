// Writes shared by the article actions (form, paste, import), inside a transaction.
import type { Prisma } from "../generated/prisma/client";
import { articleBodySchema, type BodyBlock } from "../content";
import { validateContinuationLink, type LinkCheck } from "../continuation-links";

type Tx = Prisma.TransactionClient;

export type ArticleFields = {
  kicker: string | null;
  title: string;
  subtitle: string | null;
  byline: string | null;
  body: BodyBlock[];
};

export async function insertArticle(tx: Tx, pageId: number, fields: ArticleFields) {
  const last = await tx.article.findFirst({
    where: { pageId },
    orderBy: { sortOrder: "desc" },
    select: { sortOrder: true },
  });
  return tx.article.create({
    data: { pageId, sortOrder: (last?.sortOrder ?? 0) + 1, ...fields, body: articleBodySchema.parse(fields.body) },
  });
}

export async function linkCandidates(tx: Tx, editionId: number) {
  const rows = await tx.article.findMany({
    where: { page: { editionId } },
    select: { id: true, title: true, nextPartId: true, page: { select: { code: true, sortOrder: true } } },
  });
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    nextPartId: row.nextPartId,
    pageCode: row.page.code,
    pageOrder: row.page.sortOrder,
  }));
}

/** Links `fromId` → `toId` after checking the rules; returns the refusal otherwise. */
export async function linkContinuation(tx: Tx, editionId: number, fromId: number, toId: number): Promise<LinkCheck> {
  const check = validateContinuationLink(fromId, toId, await linkCandidates(tx, editionId));
  if (!check.ok) return check;
  await tx.article.update({ where: { id: fromId }, data: { nextPartId: toId, version: { increment: 1 } } });
  return check;
}

/**
 * A resubmitted form (a double click that got through, a retried request)
 * must not create the article twice: the same title on the same page, created
 * moments ago, is taken to be the same submission.
 */
export async function recentDuplicate(tx: Tx, pageId: number, title: string, withinSeconds = 20) {
  return tx.article.findFirst({
    where: { pageId, title, createdAt: { gt: new Date(Date.now() - withinSeconds * 1000) } },
    select: { id: true },
  });
}
