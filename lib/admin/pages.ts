// Pages in the admin: the page screen's read and every write (add, rename,
// reorder, delete, the regions of its articles), each in one transaction with
// its audit entry.
import "server-only";
import type { Prisma } from "../generated/prisma/client";
import { readImageVariants, readRegions, regionsSchema, type ImageVariant, type Region } from "../content";
import type { PrismaClient } from "../db/client";
import { isDbError } from "../db/errors";
import { prisma } from "../db/prisma";
import { LIMITS } from "../limits";
import { isoDate } from "../reading/dates";
import { clampRegions } from "../regions";
import { audit, lastChange } from "./audit";
import {
  editionGone,
  lockEdition,
  pageFileKeys,
  removeFiles,
  type Actor,
  type Changed,
  type SaveResult,
} from "./editions";
import { InputError, type PageValues } from "./form-state";
import { z } from "../validation";
import { id } from "./schemas";

type Tx = Prisma.TransactionClient;

export type AdminPageDetail = {
  id: number;
  editionId: number;
  editionDate: string;
  editionStatus: "DRAFT" | "PUBLISHED";
  code: string;
  name: string;
  sortOrder: number;
  version: number;
  regionsVersion: number;
  image: { key: string; width: number; height: number; variants: ImageVariant[] } | null;
  /** The 本版PDF's storage key. */
  pdfKey: string | null;
  articles: {
    id: number;
    title: string;
    kicker: string | null;
    byline: string | null;
    sortOrder: number;
    regions: Region[];
    version: number;
    nextPart: { id: number; title: string; pageCode: string } | null;
    previousPart: { id: number; title: string; pageCode: string } | null;
  }[];
  siblings: { id: number; code: string; name: string }[];
};

export async function getPageForEdit(editionId: number, pageId: number): Promise<AdminPageDetail | null> {
  const page = await prisma.page.findFirst({
    where: { id: pageId, editionId },
    include: {
      edition: {
        select: {
          issueDate: true,
          status: true,
          pages: { orderBy: { sortOrder: "asc" }, select: { id: true, code: true, name: true } },
        },
      },
      articles: {
        orderBy: { sortOrder: "asc" },
        include: {
          nextPart: { select: { id: true, title: true, page: { select: { code: true } } } },
          previousPart: { select: { id: true, title: true, page: { select: { code: true } } } },
        },
      },
    },
  });
  if (!page) return null;
  const variants = readImageVariants(page.imageVariants, `page ${page.id}`);
  return {
    id: page.id,
    editionId: page.editionId,
    editionDate: isoDate(page.edition.issueDate),
    editionStatus: page.edition.status,
    code: page.code,
    name: page.name,
    sortOrder: page.sortOrder,
    version: page.version,
    regionsVersion: page.regionsVersion,
    image:
      page.imageKey && page.imageWidth && page.imageHeight
        ? { key: page.imageKey, width: page.imageWidth, height: page.imageHeight, variants }
        : null,
    pdfKey: page.pdfKey,
    articles: page.articles.map((article) => ({
      id: article.id,
      title: article.title,
      kicker: article.kicker,
      byline: article.byline,
      sortOrder: article.sortOrder,
      regions: readRegions(article.regions, `article ${article.id}`),
      version: article.version,
      nextPart: article.nextPart
        ? { id: article.nextPart.id, title: article.nextPart.title, pageCode: article.nextPart.page.code }
        : null,
      previousPart: article.previousPart
        ? { id: article.previousPart.id, title: article.previousPart.title, pageCode: article.previousPart.page.code }
        : null,
    })),
    siblings: page.edition.pages,
  };
}

/** The refusal for a page that is gone (deleted by someone else meanwhile). */
export function pageGone(): InputError {
  return InputError.on("form", "这个版面已不存在（可能刚被别人删除）。请返回本期。");
}

function codeTaken(code: string): InputError {
  return InputError.on("code", `本期已有 ${code} 版（版号不区分大小写）。`);
}

async function assertCodeFree(tx: Tx, editionId: number, code: string, exceptPageId?: number): Promise<void> {
  const clash = await tx.page.findFirst({
    where: {
      editionId,
      code: { equals: code, mode: "insensitive" },
      ...(exceptPageId ? { id: { not: exceptPageId } } : {}),
    },
    select: { id: true },
  });
  if (clash) throw codeTaken(code);
}

/** Adds a page at the end of the edition. The code follows the page-code rule (checked by the schema and the database). */
export async function addPage(
  db: PrismaClient,
  actor: Actor,
  input: { editionId: number; code: string; name: string },
): Promise<{ pageId: number; changed: Changed }> {
  const { editionId, code, name } = input;
  try {
    return await db.$transaction(async (tx) => {
      const edition = await tx.edition.findUnique({ where: { id: editionId }, select: { status: true } });
      if (!edition) throw editionGone();
      await assertCodeFree(tx, editionId, code);
      const last = await tx.page.aggregate({ where: { editionId }, _max: { sortOrder: true } });
      const page = await tx.page.create({
        data: { editionId, code, name, sortOrder: (last._max.sortOrder ?? 0) + 1 },
      });
      await audit(tx, {
        userId: actor.id,
        editionId,
        action: "create",
        entityType: "page",
        entityId: page.id,
        summary: `新增第 ${code} 版「${name}」`,
      });
      return { pageId: page.id, changed: { editionId, pageIds: [page.id], editions: edition.status === "PUBLISHED" } };
    });
  } catch (error) {
    // Another editor added the same code at the same moment.
    if (isDbError(error, "unique")) throw codeTaken(code);
    throw error;
  }
}

/** Renames a page (code and name), only if it is still at the version the editor started from. */
export async function updatePage(
  db: PrismaClient,
  actor: Actor,
  input: { editionId: number; pageId: number; version: number; code: string; name: string },
): Promise<SaveResult<PageValues>> {
  const { editionId, pageId, version, code, name } = input;
  try {
    return await db.$transaction(async (tx) => {
      const before = await tx.page.findFirst({
        where: { id: pageId, editionId },
        include: { edition: { select: { status: true } } },
      });
      if (!before) throw pageGone();
      if (before.version !== version) {
        return {
          ok: false as const,
          conflict: {
            version: before.version,
            values: { code: before.code, name: before.name },
            ...(await lastChange(tx, "page", pageId, before.updatedAt)),
          },
        };
      }
      await assertCodeFree(tx, editionId, code, pageId);
      const updated = await tx.page.updateMany({
        where: { id: pageId, version },
        data: { code, name, version: { increment: 1 } },
      });
      if (updated.count === 0) throw InputError.on("form", "有人同时在修改这个版面，没有保存。请再试一次。");
      await audit(tx, {
        userId: actor.id,
        editionId,
        action: "update",
        entityType: "page",
        entityId: pageId,
        summary: `第 ${before.code} 版「${before.name}」改为第 ${code} 版「${name}」`,
      });
      return {
        ok: true as const,
        version: version + 1,
        changed: { editionId, pageIds: [pageId], editions: before.edition.status === "PUBLISHED" },
      };
    });
  } catch (error) {
    if (isDbError(error, "unique")) throw codeTaken(code);
    throw error;
  }
}

/** Moves a page one place up or down in the edition. */
export async function movePage(
  db: PrismaClient,
  actor: Actor,
  input: { editionId: number; pageId: number; direction: "up" | "down" },
): Promise<Changed> {
  const { editionId, pageId, direction } = input;
  return db.$transaction(async (tx) => {
    await lockEdition(tx, editionId);
    const pages = await tx.page.findMany({
      where: { editionId },
      orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
      select: { id: true, code: true },
    });
    const index = pages.findIndex((page) => page.id === pageId);
    if (index < 0) throw pageGone();
    const other = direction === "up" ? index - 1 : index + 1;
    if (other < 0 || other >= pages.length) return {};
    [pages[index], pages[other]] = [pages[other], pages[index]];
    for (const [position, page] of pages.entries())
      await tx.page.update({ where: { id: page.id }, data: { sortOrder: position + 1 } });
    await audit(tx, {
      userId: actor.id,
      editionId,
      action: "reorder",
      entityType: "page",
      entityId: pageId,
      summary: `版面顺序：${pages.map((page) => page.code).join("、")}`,
    });
    return { editionId, pageIds: pages.map((page) => page.id) };
  });
}

/** Deletes a page with its articles (and then its files). */
export async function deletePage(
  db: PrismaClient,
  actor: Actor,
  input: { editionId: number; pageId: number },
): Promise<Changed> {
  const { editionId, pageId } = input;
  const { keys, changed } = await db.$transaction(async (tx) => {
    const page = await tx.page.findFirst({
      where: { id: pageId, editionId },
      include: { articles: { select: { id: true, previousPart: { select: { id: true } } } } },
    });
    if (!page) throw pageGone();
    await tx.page.delete({ where: { id: page.id } });
    await audit(tx, {
      userId: actor.id,
      editionId,
      action: "delete",
      entityType: "page",
      entityId: page.id,
      summary: `删除第 ${page.code} 版「${page.name}」及其 ${page.articles.length} 篇文章`,
    });
    const articleIds = page.articles.flatMap((article) => [
      article.id,
      ...(article.previousPart ? [article.previousPart.id] : []),
    ]);
    return { keys: pageFileKeys(page), changed: { editionId, pageIds: [page.id], articleIds } };
  });
  await removeFiles(keys);
  return changed;
}

const regionsPayload = z.array(z.object({ articleId: id, regions: regionsSchema }), {
  message: "区域数据无效，请刷新页面后重试。",
});

/**
 * Saves the regions of every article on the page at once (the region editor's
 * "保存区域"), only if no one changed the page's regions or image since the
 * editor opened it; otherwise the current regions come back as the conflict.
 */
export async function savePageRegions(
  db: PrismaClient,
  actor: Actor,
  input: { editionId: number; pageId: number; version: number; regions: string },
): Promise<SaveResult<Record<string, Region[]>>> {
  const { editionId, pageId, version } = input;
  let json: unknown;
  try {
    json = JSON.parse(input.regions);
  } catch {
    throw InputError.on("form", "区域数据无效，请刷新页面后重试。");
  }
  const parsed = regionsPayload.safeParse(json);
  if (!parsed.success)
    throw InputError.on(
      "form",
      `区域数据无效：坐标须在图片范围内，每篇文章最多 ${LIMITS.regions.perArticle} 个区域，多边形最多 ${LIMITS.regions.polygonPoints} 个点。`,
    );
  const payload = parsed.data;
  return db.$transaction(async (tx) => {
    const page = await tx.page.findFirst({
      where: { id: pageId, editionId },
      include: { articles: { select: { id: true, regions: true } } },
    });
    if (!page) throw pageGone();
    if (page.regionsVersion !== version) {
      return {
        ok: false as const,
        conflict: {
          version: page.regionsVersion,
          values: Object.fromEntries(
            page.articles.map((article) => [String(article.id), readRegions(article.regions, `article ${article.id}`)]),
          ),
          ...(await lastChange(tx, "page", pageId, page.updatedAt)),
        },
      };
    }
    const onPage = new Set(page.articles.map((article) => article.id));
    if (payload.some((entry) => !onPage.has(entry.articleId)))
      throw InputError.on("form", "有区域属于不在本版的文章，请刷新页面后重试。");
    const width = page.imageWidth ?? LIMITS.regions.coordinate;
    const height = page.imageHeight ?? LIMITS.regions.coordinate;
    for (const entry of payload)
      await tx.article.update({
        where: { id: entry.articleId },
        data: { regions: clampRegions(entry.regions, { width, height }) },
      });
    const updated = await tx.page.updateMany({
      where: { id: pageId, regionsVersion: version },
      data: { regionsVersion: { increment: 1 } },
    });
    if (updated.count === 0) throw InputError.on("form", "有人同时在修改本版的区域，没有保存。请再试一次。");
    await audit(tx, {
      userId: actor.id,
      editionId,
      action: "update",
      entityType: "page",
      entityId: pageId,
      summary: `保存第 ${page.code} 版的文章区域（${payload.reduce((sum, entry) => sum + entry.regions.length, 0)} 个）`,
    });
    return {
      ok: true as const,
      version: version + 1,
      changed: { editionId, pageIds: [pageId], articleIds: payload.map((entry) => entry.articleId) },
    };
  });
}
