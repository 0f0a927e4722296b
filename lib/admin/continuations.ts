// Continuation links between article parts ("（下转第8版）"): the one query
// the link pickers and the paste suggestions read, and the link writes. The
// rules are lib/continuation-links.ts; link changes in an edition happen one
// at a time (the edition's row is locked), so two editors linking the same
// part get a clear refusal instead of a database error.
import "server-only";
import type { Prisma } from "../generated/prisma/client";
import { validateContinuationLink, type LinkCandidate } from "../continuation-links";
import type { PrismaClient } from "../db/client";
import { isDbError } from "../db/errors";
import { audit } from "./audit";
import { lockEdition, type Actor, type Changed } from "./editions";
import { InputError } from "./form-state";

type Db = PrismaClient | Prisma.TransactionClient;

/** An edition's pages in order, each with its articles in order: what linking and pasting choose from. */
export type OutlinePage = {
  id: number;
  code: string;
  name: string;
  sortOrder: number;
  articles: { id: number; title: string; nextPartId: number | null; hasPrevious: boolean }[];
};

export async function loadEditionOutline(db: Db, editionId: number): Promise<OutlinePage[]> {
  const pages = await db.page.findMany({
    where: { editionId },
    orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
    select: {
      id: true,
      code: true,
      name: true,
      sortOrder: true,
      articles: {
        orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
        select: { id: true, title: true, nextPartId: true, previousPart: { select: { id: true } } },
      },
    },
  });
  return pages.map((page) => ({
    id: page.id,
    code: page.code,
    name: page.name,
    sortOrder: page.sortOrder,
    articles: page.articles.map((article) => ({
      id: article.id,
      title: article.title,
      nextPartId: article.nextPartId,
      hasPrevious: Boolean(article.previousPart),
    })),
  }));
}

export function linkCandidates(outline: OutlinePage[]): LinkCandidate[] {
  return outline.flatMap((page) =>
    page.articles.map((article) => ({
      id: article.id,
      title: article.title,
      pageCode: page.code,
      pageOrder: page.sortOrder,
      nextPartId: article.nextPartId,
    })),
  );
}

/** The articles `articleId` may continue on: on a later page, not yet continuing another part. */
export function linkTargets(
  outline: OutlinePage[],
  articleId: number,
): { id: number; pageId: number; pageCode: string; title: string }[] {
  const from = outline.find((page) => page.articles.some((article) => article.id === articleId));
  if (!from) return [];
  return outline
    .filter((page) => page.sortOrder > from.sortOrder)
    .flatMap((page) =>
      page.articles
        .filter((article) => !article.hasPrevious)
        .map((article) => ({ id: article.id, pageId: page.id, pageCode: page.code, title: article.title })),
    );
}

/**
 * Links `fromId` → `toId` inside a transaction, after the rules; throws the
 * refusal (on `field`) otherwise. The edition is locked first, so the rules
 * are checked against every link committed before.
 */
export async function linkInTransaction(
  tx: Prisma.TransactionClient,
  editionId: number,
  fromId: number,
  toId: number,
  field = "nextPartId",
): Promise<void> {
  await lockEdition(tx, editionId);
  const check = validateContinuationLink(fromId, toId, linkCandidates(await loadEditionOutline(tx, editionId)));
  if (!check.ok)
    throw InputError.on(field, check.reason, field === "links" ? `没有保存：${check.reason}` : check.reason);
  await tx.article.update({ where: { id: fromId }, data: { nextPartId: toId, version: { increment: 1 } } });
}

/** The message for a link that lost a race the lock could not see (a unique violation on next_part_id). */
function linkedMeanwhile(field: string): InputError {
  const message = "这篇续篇刚刚被别人接到了另一篇文章之后，请刷新页面后重新选择。";
  return InputError.on(field, message, message);
}

export async function linkNextPart(
  db: PrismaClient,
  actor: Actor,
  input: { editionId: number; articleId: number; nextPartId: number },
): Promise<Changed> {
  const { editionId, articleId, nextPartId } = input;
  try {
    return await db.$transaction(async (tx) => {
      await linkInTransaction(tx, editionId, articleId, nextPartId);
      const [from, to] = await Promise.all(
        [articleId, nextPartId].map((id) =>
          tx.article.findUniqueOrThrow({ where: { id }, include: { page: { select: { code: true } } } }),
        ),
      );
      await audit(tx, {
        userId: actor.id,
        editionId,
        action: "link",
        entityType: "article",
        entityId: articleId,
        summary: `「${from.title}」（第 ${from.page.code} 版）下转「${to.title}」（第 ${to.page.code} 版）`,
      });
      return { editionId, articleIds: [articleId, nextPartId] };
    });
  } catch (error) {
    if (isDbError(error, "unique", "articles_next_part_id_key")) throw linkedMeanwhile("nextPartId");
    throw error;
  }
}

/** Removes the link to the next part; both parts stay. Nothing to do when there is no link (any more). */
export async function unlinkNextPart(
  db: PrismaClient,
  actor: Actor,
  input: { editionId: number; pageId: number; articleId: number },
): Promise<Changed> {
  const { editionId, pageId, articleId } = input;
  return db.$transaction(async (tx) => {
    await lockEdition(tx, editionId);
    const article = await tx.article.findFirst({ where: { id: articleId, pageId, page: { editionId } } });
    if (!article) throw InputError.on("form", "这篇文章已不存在（可能刚被别人删除）。");
    if (article.nextPartId === null) return {};
    await tx.article.update({ where: { id: articleId }, data: { nextPartId: null, version: { increment: 1 } } });
    await audit(tx, {
      userId: actor.id,
      editionId,
      action: "unlink",
      entityType: "article",
      entityId: articleId,
      summary: `取消「${article.title}」的转版链接`,
    });
    return { editionId, articleIds: [articleId, article.nextPartId] };
  });
}

export { linkedMeanwhile };
