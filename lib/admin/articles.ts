// Articles in the admin: the article screen's read and every write (create,
// save, paste, delete, reorder, move to another page), each in one
// transaction with its audit entry. The body goes through prepareBody on
// every path, so what is stored is what the reader shows.
import "server-only";
import type { Prisma } from "../generated/prisma/client";
import { readBody, type BodyBlock } from "../content";
import type { PrismaClient } from "../db/client";
import { isDbError } from "../db/errors";
import { prisma } from "../db/prisma";
import { isoDate } from "../reading/dates";
import { audit, lastChange } from "./audit";
import { bodyFromText, bodyToText } from "./body-text";
import { linkedMeanwhile, linkInTransaction, linkTargets, loadEditionOutline } from "./continuations";
import type { Actor, Changed, SaveResult } from "./editions";
import { InputError, type ArticleValues } from "./form-state";
import { pageGone } from "./pages";
import type { ArticleFields } from "./schemas";

type Tx = Prisma.TransactionClient;

export function articleFormValues(
  article: { kicker: string | null; title: string; subtitle: string | null; byline: string | null; body: unknown },
  where = "article",
): ArticleValues & { damaged: number } {
  const { blocks, damaged } = readBody(article.body, where);
  return {
    kicker: article.kicker ?? "",
    title: article.title,
    subtitle: article.subtitle ?? "",
    byline: article.byline ?? "",
    body: bodyToText(blocks),
    damaged,
  };
}

export type ArticlePart = { id: number; title: string; pageId: number; pageCode: string };

export type AdminArticle = {
  id: number;
  version: number;
  values: ArticleValues;
  /** Body blocks that did not match the schema and are shown as text (see readBody). */
  damagedBlocks: number;
  page: { id: number; code: string; name: string };
  edition: { id: number; date: string; status: "DRAFT" | "PUBLISHED" };
  nextPart: ArticlePart | null;
  previousPart: ArticlePart | null;
  /** What this article may continue on (for the link picker). */
  linkTargets: { id: number; pageCode: string; title: string }[];
  /** The other pages of the edition (for "move to another page"). */
  otherPages: { id: number; code: string; name: string }[];
};

export async function getArticleForEdit(
  editionId: number,
  pageId: number,
  articleId: number,
): Promise<AdminArticle | null> {
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
  const outline = await loadEditionOutline(prisma, editionId);
  const part = (other: typeof article.nextPart): ArticlePart | null =>
    other && { id: other.id, title: other.title, pageId: other.pageId, pageCode: other.page.code };
  const { damaged, ...values } = articleFormValues(article, `article ${article.id}`);
  return {
    id: article.id,
    version: article.version,
    values,
    damagedBlocks: damaged,
    page: { id: article.page.id, code: article.page.code, name: article.page.name },
    edition: {
      id: article.page.edition.id,
      date: isoDate(article.page.edition.issueDate),
      status: article.page.edition.status,
    },
    nextPart: part(article.nextPart),
    previousPart: part(article.previousPart),
    linkTargets: linkTargets(outline, article.id),
    otherPages: outline
      .filter((page) => page.id !== article.pageId)
      .map((page) => ({ id: page.id, code: page.code, name: page.name })),
  };
}

export async function articleExists(db: PrismaClient, articleId: number): Promise<boolean> {
  return (await db.article.count({ where: { id: articleId } })) > 0;
}

/** The refusal for an article that is gone (deleted by someone else meanwhile). */
export function articleGone(): InputError {
  return InputError.on("form", "这篇文章已不存在（可能刚被别人删除）。请返回版面。");
}

/** The article's fields as stored: the body checked and prepared, or refused on the body field with every problem. */
function storable(fields: ArticleFields): {
  data: Omit<ArticleFields, "body"> & { body: BodyBlock[] };
  notes: string[];
} {
  const { blocks, notes, problems } = bodyFromText(fields.body);
  if (problems.length) throw new InputError({ body: problems }, "正文有内容超出限制，没有保存：请按标出的提示修改。");
  return { data: { ...fields, body: blocks }, notes };
}

async function pageInEdition(tx: Tx, editionId: number, pageId: number) {
  const page = await tx.page.findFirst({ where: { id: pageId, editionId }, select: { id: true, code: true } });
  if (!page) throw pageGone();
  return page;
}

async function insertArticle(
  tx: Tx,
  pageId: number,
  data: Omit<ArticleFields, "body"> & { body: BodyBlock[] },
  submissionKey: string | null,
) {
  const last = await tx.article.aggregate({ where: { pageId }, _max: { sortOrder: true } });
  return tx.article.create({
    data: { pageId, sortOrder: (last._max.sortOrder ?? 0) + 1, ...data, submissionKey },
  });
}

/**
 * A form sent twice (a double click that got through, a retried request)
 * carries the same submission key: the second send finds the article the first
 * one created instead of creating it again.
 */
async function alreadySubmitted(db: PrismaClient, submissionKey: string, pageId: number): Promise<number | null> {
  const existing = await db.article.findUnique({ where: { submissionKey }, select: { id: true, pageId: true } });
  return existing && existing.pageId === pageId ? existing.id : null;
}

export type Created = { articleId: number; notes: string[]; changed: Changed };

export async function createArticle(
  db: PrismaClient,
  actor: Actor,
  input: ArticleFields & { editionId: number; pageId: number; submissionKey: string },
): Promise<Created> {
  const { editionId, pageId, submissionKey, ...fields } = input;
  const { data, notes } = storable(fields);
  const repeated = await alreadySubmitted(db, submissionKey, pageId);
  if (repeated) return { articleId: repeated, notes: [], changed: {} };
  try {
    return await db.$transaction(async (tx) => {
      const page = await pageInEdition(tx, editionId, pageId);
      const article = await insertArticle(tx, pageId, data, submissionKey);
      await audit(tx, {
        userId: actor.id,
        editionId,
        action: "create",
        entityType: "article",
        entityId: article.id,
        summary: `在第 ${page.code} 版新建文章「${data.title}」`,
      });
      return { articleId: article.id, notes, changed: { editionId, pageIds: [pageId], articleIds: [article.id] } };
    });
  } catch (error) {
    if (isDbError(error, "unique", "articles_submission_key_key")) {
      const articleId = await alreadySubmitted(db, submissionKey, pageId);
      if (articleId) return { articleId, notes: [], changed: {} };
    }
    throw error;
  }
}

export type ArticleSaved =
  | (Extract<SaveResult<ArticleValues>, { ok: true }> & { notes: string[]; body: string })
  | Extract<SaveResult<ArticleValues>, { ok: false }>;

/**
 * Saves an article only if it is still at the version the editor started
 * from; otherwise writes nothing and answers with the other editor's version.
 */
export async function saveArticle(
  db: PrismaClient,
  actor: Actor,
  input: ArticleFields & { editionId: number; pageId: number; articleId: number; version: number },
): Promise<ArticleSaved> {
  const { editionId, pageId, articleId, version, ...fields } = input;
  const { data, notes } = storable(fields);
  return db.$transaction(async (tx) => {
    const article = await tx.article.findFirst({
      where: { id: articleId, pageId, page: { editionId } },
      include: { page: { select: { code: true } } },
    });
    if (!article) throw articleGone();
    const updated = await tx.article.updateMany({
      where: { id: articleId, version },
      data: { ...data, version: { increment: 1 } },
    });
    if (updated.count === 0) {
      const { damaged: _damaged, ...values } = articleFormValues(article, `article ${article.id}`);
      return {
        ok: false as const,
        conflict: {
          version: article.version,
          values,
          ...(await lastChange(tx, "article", articleId, article.updatedAt)),
        },
      };
    }
    await audit(tx, {
      userId: actor.id,
      editionId,
      action: "update",
      entityType: "article",
      entityId: articleId,
      summary: `修改文章「${data.title}」（第 ${article.page.code} 版）`,
    });
    return {
      ok: true as const,
      version: version + 1,
      notes,
      body: bodyToText(data.body),
      changed: {
        editionId,
        pageIds: [pageId],
        articleIds: [articleId, ...(article.nextPartId ? [article.nextPartId] : [])],
      },
    };
  });
}

export async function deleteArticle(
  db: PrismaClient,
  actor: Actor,
  input: { editionId: number; pageId: number; articleId: number },
): Promise<Changed> {
  const { editionId, pageId, articleId } = input;
  return db.$transaction(async (tx) => {
    const article = await tx.article.findFirst({
      where: { id: articleId, pageId, page: { editionId } },
      include: { page: { select: { code: true } }, previousPart: { select: { id: true } } },
    });
    if (!article) throw articleGone();
    await tx.article.delete({ where: { id: articleId } });
    // The region editor open on this page must not save regions for an article that is gone.
    await tx.page.update({ where: { id: pageId }, data: { regionsVersion: { increment: 1 } } });
    await audit(tx, {
      userId: actor.id,
      editionId,
      action: "delete",
      entityType: "article",
      entityId: articleId,
      summary: `删除文章「${article.title}」（第 ${article.page.code} 版）`,
    });
    return {
      editionId,
      pageIds: [pageId],
      articleIds: [
        articleId,
        ...(article.previousPart ? [article.previousPart.id] : []),
        ...(article.nextPartId ? [article.nextPartId] : []),
      ],
    };
  });
}

/** Moves an article one place up or down on its page. */
export async function reorderArticle(
  db: PrismaClient,
  actor: Actor,
  input: { editionId: number; pageId: number; articleId: number; direction: "up" | "down" },
): Promise<Changed> {
  const { editionId, pageId, articleId, direction } = input;
  return db.$transaction(async (tx) => {
    await pageInEdition(tx, editionId, pageId);
    // One reorder of a page at a time: two at once would interleave their sort orders.
    await tx.$queryRaw`SELECT id FROM pages WHERE id = ${pageId} FOR NO KEY UPDATE`;
    const articles = await tx.article.findMany({
      where: { pageId },
      orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
      select: { id: true, title: true },
    });
    const index = articles.findIndex((article) => article.id === articleId);
    if (index < 0) throw articleGone();
    const other = direction === "up" ? index - 1 : index + 1;
    if (other < 0 || other >= articles.length) return {};
    [articles[index], articles[other]] = [articles[other], articles[index]];
    for (const [position, article] of articles.entries())
      await tx.article.update({ where: { id: article.id }, data: { sortOrder: position + 1 } });
    await audit(tx, {
      userId: actor.id,
      editionId,
      action: "reorder",
      entityType: "article",
      entityId: articleId,
      summary: `调整文章顺序：${articles.map((article) => article.title).join("、")}`,
    });
    return { editionId, pageIds: [pageId], articleIds: articles.map((article) => article.id) };
  });
}

/** Moves an article to another page of the edition, at the end; its regions stay behind (they belong to the old image). */
export async function moveArticleToPage(
  db: PrismaClient,
  actor: Actor,
  input: { editionId: number; pageId: number; articleId: number; targetPageId: number },
): Promise<Changed & { targetPageId: number }> {
  const { editionId, pageId, articleId, targetPageId } = input;
  if (targetPageId === pageId) throw InputError.on("targetPageId", "文章已在这个版面，请选择其他版面。");
  return db.$transaction(async (tx) => {
    const article = await tx.article.findFirst({
      where: { id: articleId, pageId, page: { editionId } },
      include: { page: { select: { code: true } } },
    });
    if (!article) throw articleGone();
    const target = await tx.page.findFirst({ where: { id: targetPageId, editionId } });
    if (!target) throw InputError.on("targetPageId", "目标版面不存在（可能刚被删除），请选择本期的其他版面。");
    const last = await tx.article.aggregate({ where: { pageId: target.id }, _max: { sortOrder: true } });
    await tx.article.update({
      where: { id: articleId },
      data: { pageId: target.id, sortOrder: (last._max.sortOrder ?? 0) + 1, regions: [], version: { increment: 1 } },
    });
    await tx.page.update({ where: { id: pageId }, data: { regionsVersion: { increment: 1 } } });
    await audit(tx, {
      userId: actor.id,
      editionId,
      action: "move",
      entityType: "article",
      entityId: articleId,
      summary: `文章「${article.title}」从第 ${article.page.code} 版移到第 ${target.code} 版`,
    });
    return { editionId, pageIds: [pageId, target.id], articleIds: [articleId], targetPageId: target.id };
  });
}

/** "none", "create" (a new continuation on the named page) or "link:{articleId}". */
export type LinkChoice = "none" | "create" | `link:${number}`;

/**
 * Stores a pasted article and the continuation links the editor confirmed,
 * all or nothing: a link the rules refuse leaves nothing stored.
 */
export async function createPastedArticle(
  db: PrismaClient,
  actor: Actor,
  input: ArticleFields & {
    editionId: number;
    pageId: number;
    submissionKey: string;
    toChoice: LinkChoice;
    toPageId?: number;
    fromChoice: LinkChoice;
  },
): Promise<Created> {
  const { editionId, pageId, submissionKey, toChoice, toPageId, fromChoice, ...fields } = input;
  const { data, notes } = storable(fields);
  const repeated = await alreadySubmitted(db, submissionKey, pageId);
  if (repeated) return { articleId: repeated, notes: [], changed: {} };
  try {
    return await db.$transaction(async (tx) => {
      const page = await pageInEdition(tx, editionId, pageId);
      const article = await insertArticle(tx, pageId, data, submissionKey);
      const touched = [article.id];
      const pageIds = [pageId];
      await audit(tx, {
        userId: actor.id,
        editionId,
        action: "create",
        entityType: "article",
        entityId: article.id,
        summary: `粘贴文章「${data.title}」到第 ${page.code} 版`,
      });
      if (toChoice === "create") {
        const target = toPageId ? await tx.page.findFirst({ where: { id: toPageId, editionId } }) : null;
        if (!target)
          throw InputError.on("links", "续篇所在的版面不存在（可能刚被删除）。", "没有保存：续篇所在的版面不存在。");
        const next = await insertArticle(
          tx,
          target.id,
          { kicker: null, title: data.title, subtitle: null, byline: null, body: [] },
          null,
        );
        await audit(tx, {
          userId: actor.id,
          editionId,
          action: "create",
          entityType: "article",
          entityId: next.id,
          summary: `在第 ${target.code} 版新建续篇「${data.title}」`,
        });
        await linkInTransaction(tx, editionId, article.id, next.id, "links");
        touched.push(next.id);
        pageIds.push(target.id);
      } else if (toChoice.startsWith("link:")) {
        const nextId = Number(toChoice.slice(5));
        await linkInTransaction(tx, editionId, article.id, nextId, "links");
        await audit(tx, {
          userId: actor.id,
          editionId,
          action: "link",
          entityType: "article",
          entityId: article.id,
          summary: `「${data.title}」下转文章 #${nextId}`,
        });
        touched.push(nextId);
      }
      if (fromChoice.startsWith("link:")) {
        const previousId = Number(fromChoice.slice(5));
        await linkInTransaction(tx, editionId, previousId, article.id, "links");
        await audit(tx, {
          userId: actor.id,
          editionId,
          action: "link",
          entityType: "article",
          entityId: previousId,
          summary: `文章 #${previousId} 下转「${data.title}」`,
        });
        touched.push(previousId);
      }
      return { articleId: article.id, notes, changed: { editionId, pageIds, articleIds: touched } };
    });
  } catch (error) {
    if (isDbError(error, "unique", "articles_submission_key_key")) {
      const articleId = await alreadySubmitted(db, submissionKey, pageId);
      if (articleId) return { articleId, notes: [], changed: {} };
    }
    if (isDbError(error, "unique", "articles_next_part_id_key")) throw linkedMeanwhile("links");
    throw error;
  }
}
