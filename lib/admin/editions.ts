// Editions in the admin: the reads its screens show and every write, each in
// one transaction with its audit entry. Writes take the database client (the
// action helper passes it), so the tests run them against a fresh database.
import "server-only";
import type { z } from "zod";
import type { Prisma } from "../generated/prisma/client";
import { readImageVariants } from "../content";
import type { PrismaClient } from "../db/client";
import { isDbError } from "../db/errors";
import { prisma } from "../db/prisma";
import { dbDate, isoDate, type IsoDate } from "../reading/dates";
import { editionBase } from "../reading/urls";
import { removeFile } from "../storage";
import { audit, lastChange } from "./audit";
import { InputError, type Conflict, type EditionValues } from "./form-state";
import type { editionSchema } from "./schemas";

/** Who is making a change (the signed-in user). */
export type Actor = { id: number };
export type EditionInput = z.output<typeof editionSchema>;
/** What a write changed, for revalidateReader(). */
export type Changed = { editions?: boolean; editionId?: number; pageIds?: number[]; articleIds?: number[] };

export type EditionListItem = {
  id: number;
  date: string;
  issueNumber: number;
  status: "DRAFT" | "PUBLISHED";
  publicationName: string;
  pageCount: number;
  publishedAt: Date | null;
};

export async function listEditions(): Promise<EditionListItem[]> {
  const rows = await prisma.edition.findMany({
    orderBy: [{ issueDate: "desc" }, { id: "desc" }],
    take: 200,
    include: { publication: { select: { name: true } }, _count: { select: { pages: true } } },
  });
  return rows.map((row) => ({
    id: row.id,
    date: isoDate(row.issueDate),
    issueNumber: row.issueNumber,
    status: row.status,
    publicationName: row.publication.name,
    pageCount: row._count.pages,
    publishedAt: row.publishedAt,
  }));
}

/** The publications an edition can belong to (the edition form's choices). */
export async function listPublicationChoices() {
  return prisma.publication.findMany({
    orderBy: [{ isDefault: "desc" }, { name: "asc" }],
    select: { id: true, name: true, isDefault: true },
  });
}

/** Suggested values for a new edition: the day after the newest, the next issue number. */
export async function nextEditionDefaults(publicationId?: number): Promise<{ date: string; issueNumber: number }> {
  const latest = await prisma.edition.findFirst({
    where: publicationId ? { publicationId } : {},
    orderBy: { issueDate: "desc" },
  });
  if (!latest) return { date: isoDate(new Date()), issueNumber: 1 };
  const next = new Date(latest.issueDate.getTime() + 24 * 60 * 60 * 1000);
  return { date: isoDate(next), issueNumber: latest.issueNumber + 1 };
}

export type AdminPage = {
  id: number;
  code: string;
  name: string;
  sortOrder: number;
  thumbKey: string | null;
  hasImage: boolean;
  articleCount: number;
};

export type AdminEdition = {
  id: number;
  version: number;
  publicationId: number;
  publicationName: string;
  date: IsoDate;
  issueNumber: number;
  status: "DRAFT" | "PUBLISHED";
  publishedAt: Date | null;
  updatedAt: Date;
  /** Where readers find this edition (for the default publication without /p/{slug}). */
  readerUrl: string;
  pages: AdminPage[];
};

/** One edition with its pages, as the admin's edition screen shows it; any status. */
export async function getEditionForEdit(id: number): Promise<AdminEdition | null> {
  const row = await prisma.edition.findUnique({
    where: { id },
    include: {
      publication: { select: { name: true, slug: true, isDefault: true } },
      pages: { orderBy: { sortOrder: "asc" }, include: { _count: { select: { articles: true } } } },
    },
  });
  if (!row) return null;
  const date = isoDate(row.issueDate);
  return {
    id: row.id,
    version: row.version,
    publicationId: row.publicationId,
    publicationName: row.publication.name,
    date,
    issueNumber: row.issueNumber,
    status: row.status,
    publishedAt: row.publishedAt,
    updatedAt: row.updatedAt,
    readerUrl: editionBase(row.publication.isDefault ? null : row.publication.slug, date),
    pages: row.pages.map((page) => ({
      id: page.id,
      code: page.code,
      name: page.name,
      sortOrder: page.sortOrder,
      thumbKey:
        readImageVariants(page.imageVariants, `page ${page.id}`).find((variant) => variant.name === "thumb")?.key ??
        null,
      hasImage: Boolean(page.imageKey),
      articleCount: page._count.articles,
    })),
  };
}

export async function getAuditLog(editionId: number) {
  const rows = await prisma.auditEntry.findMany({
    where: { editionId },
    orderBy: { createdAt: "desc" },
    take: 500,
    include: { user: { select: { name: true, email: true } } },
  });
  return rows.map((row) => ({
    id: row.id,
    at: row.createdAt,
    who: row.user ? `${row.user.name}（${row.user.email}）` : "已删除的账号",
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    summary: row.summary,
  }));
}

/** The refusal for an edition that is gone (deleted by someone else meanwhile). */
export function editionGone(): InputError {
  return InputError.on("form", "这一期已不存在（可能刚被别人删除）。请返回期次列表。");
}

function duplicateDate(date: string): InputError {
  return InputError.on("issueDate", `${date} 已经有一期报纸了，请选择其他日期或打开那一期。`);
}

/**
 * Locks the edition's row for the rest of the transaction, so changes to the
 * order of its pages and to its continuation links happen one at a time.
 */
export async function lockEdition(tx: Prisma.TransactionClient, editionId: number): Promise<void> {
  const rows = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM editions WHERE id = ${editionId} FOR NO KEY UPDATE`;
  if (rows.length === 0) throw editionGone();
}

/** Creates a draft edition; a date the publication already has is refused on the date field. */
export async function createEdition(db: PrismaClient, actor: Actor, input: EditionInput): Promise<{ id: number }> {
  const { publicationId, issueDate, issueNumber } = input;
  try {
    return await db.$transaction(async (tx) => {
      const edition = await tx.edition.create({ data: { publicationId, issueDate: dbDate(issueDate), issueNumber } });
      await audit(tx, {
        userId: actor.id,
        editionId: edition.id,
        action: "create",
        entityType: "edition",
        entityId: edition.id,
        summary: `新建期次 ${issueDate}（第 ${issueNumber} 期）`,
      });
      return { id: edition.id };
    });
  } catch (error) {
    if (isDbError(error, "unique", "editions_publication_id_issue_date_key")) throw duplicateDate(issueDate);
    throw error;
  }
}

export type SaveResult<Values> =
  { ok: true; version: number; changed: Changed } | { ok: false; conflict: Conflict<Values> };

/**
 * Changes an edition's publication, date or issue number, only if it is still
 * at the version the editor started from; otherwise nothing is written and the
 * other editor's values come back.
 */
export async function updateEdition(
  db: PrismaClient,
  actor: Actor,
  input: EditionInput & { editionId: number; version: number },
): Promise<SaveResult<EditionValues>> {
  const { editionId, version, publicationId, issueDate, issueNumber } = input;
  try {
    return await db.$transaction(async (tx) => {
      const before = await tx.edition.findUnique({
        where: { id: editionId },
        include: { pages: { select: { id: true } }, publication: { select: { name: true } } },
      });
      if (!before) throw editionGone();
      const updated = await tx.edition.updateMany({
        where: { id: editionId, version },
        data: { publicationId, issueDate: dbDate(issueDate), issueNumber, version: { increment: 1 } },
      });
      if (updated.count === 0) {
        return {
          ok: false as const,
          conflict: {
            version: before.version,
            values: {
              publication: before.publication.name,
              issueDate: isoDate(before.issueDate),
              issueNumber: String(before.issueNumber),
            },
            ...(await lastChange(tx, "edition", editionId, before.updatedAt)),
          },
        };
      }
      await audit(tx, {
        userId: actor.id,
        editionId,
        action: "update",
        entityType: "edition",
        entityId: editionId,
        summary: `修改期次：${isoDate(before.issueDate)} 第 ${before.issueNumber} 期 → ${issueDate} 第 ${issueNumber} 期`,
      });
      return {
        ok: true as const,
        version: version + 1,
        changed: { editions: true, editionId, pageIds: before.pages.map((page) => page.id) },
      };
    });
  } catch (error) {
    if (isDbError(error, "unique", "editions_publication_id_issue_date_key")) throw duplicateDate(issueDate);
    throw error;
  }
}

/** Publishing and unpublishing: whether the status changed (false when it already was so), and what to revalidate. */
export type StatusChange = {
  changed: boolean;
  status: "DRAFT" | "PUBLISHED";
  publishedAt: Date | null;
  pages: Changed;
};

/**
 * Publishes a draft. Publishing an edition that is already published changes
 * nothing: publishedAt stays, no second audit entry. An edition without pages
 * cannot be published.
 */
export async function publishEdition(db: PrismaClient, actor: Actor, editionId: number): Promise<StatusChange> {
  return setStatus(db, actor, editionId, "PUBLISHED");
}

/** Takes an edition back to draft; unpublishing a draft changes nothing. */
export async function unpublishEdition(db: PrismaClient, actor: Actor, editionId: number): Promise<StatusChange> {
  return setStatus(db, actor, editionId, "DRAFT");
}

async function setStatus(
  db: PrismaClient,
  actor: Actor,
  editionId: number,
  status: "DRAFT" | "PUBLISHED",
): Promise<StatusChange> {
  return db.$transaction(async (tx) => {
    const publishing = status === "PUBLISHED";
    // The condition on the current status makes the check and the change one step: of two editors
    // publishing at once, exactly one publishes.
    const updated = await tx.edition.updateMany({
      where: {
        id: editionId,
        status: publishing ? "DRAFT" : "PUBLISHED",
        ...(publishing ? { pages: { some: {} } } : {}),
      },
      data: { status, publishedAt: publishing ? new Date() : null },
    });
    const edition = await tx.edition.findUnique({
      where: { id: editionId },
      include: { pages: { select: { id: true } } },
    });
    if (!edition) throw editionGone();
    const pages: Changed = { editions: true, editionId, pageIds: edition.pages.map((page) => page.id) };
    if (updated.count === 0) {
      if (publishing && edition.status === "DRAFT")
        throw InputError.on("form", "本期还没有版面，不能发布。请先添加版面。");
      return { changed: false, status: edition.status, publishedAt: edition.publishedAt, pages };
    }
    await audit(tx, {
      userId: actor.id,
      editionId,
      action: publishing ? "publish" : "unpublish",
      entityType: "edition",
      entityId: editionId,
      summary: `${publishing ? "发布" : "撤回"} ${isoDate(edition.issueDate)}`,
    });
    return { changed: true, status, publishedAt: edition.publishedAt, pages };
  });
}

/** Stored files of a page (image and its sizes), to remove after the rows are gone. */
export function pageFileKeys(page: {
  imageKey: string | null;
  imageVariants: unknown;
  pdfKey?: string | null;
}): string[] {
  return [
    page.imageKey,
    page.pdfKey ?? null,
    ...readImageVariants(page.imageVariants, "page files").map((variant) => variant.key),
  ].filter((key): key is string => typeof key === "string");
}

export async function removeFiles(keys: string[]): Promise<void> {
  // A file left behind costs disk space only; the rows are what matter, and they are gone.
  for (const key of keys) await removeFile(key).catch(() => undefined);
}

/** Deletes a draft with its pages and articles (and then their files). A published edition is refused. */
export async function deleteEdition(db: PrismaClient, actor: Actor, editionId: number): Promise<Changed> {
  const keys = await db.$transaction(async (tx) => {
    const edition = await tx.edition.findUnique({
      where: { id: editionId },
      include: { pages: { select: { imageKey: true, imageVariants: true, pdfKey: true } } },
    });
    if (!edition) throw editionGone();
    // Only drafts can be deleted; the condition holds against a publish at the same moment.
    const deleted = await tx.edition.deleteMany({ where: { id: editionId, status: "DRAFT" } });
    if (deleted.count === 0) throw InputError.on("form", "已发布的期次不能删除，请先撤回发布。");
    await audit(tx, {
      userId: actor.id,
      editionId: null,
      action: "delete",
      entityType: "edition",
      entityId: editionId,
      summary: `删除草稿期次 ${isoDate(edition.issueDate)}（第 ${edition.issueNumber} 期）`,
    });
    return edition.pages.flatMap(pageFileKeys);
  });
  await removeFiles(keys);
  return { editions: true, editionId };
}
