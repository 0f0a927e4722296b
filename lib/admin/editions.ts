import "server-only";
import type { z } from "zod";
import { parseJsonColumn, imageVariantsSchema } from "../content";
import type { PrismaClient } from "../db/client";
import { isDbError } from "../db/errors";
import { prisma } from "../db/prisma";
import { audit } from "./audit";
import { dateFromIso, isoDate } from "./dates";
import { InputError } from "./form-state";
import type { editionSchema } from "./schemas";

export type Actor = { id: number };
export type EditionInput = z.output<typeof editionSchema>;

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

export async function listPublications() {
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
  publicationId: number;
  publicationName: string;
  date: string;
  issueNumber: number;
  status: "DRAFT" | "PUBLISHED";
  publishedAt: Date | null;
  updatedAt: Date;
  pages: AdminPage[];
};

export async function getEdition(id: number): Promise<AdminEdition | null> {
  const row = await prisma.edition.findUnique({
    where: { id },
    include: {
      publication: { select: { name: true } },
      pages: { orderBy: { sortOrder: "asc" }, include: { _count: { select: { articles: true } } } },
    },
  });
  if (!row) return null;
  return {
    id: row.id,
    publicationId: row.publicationId,
    publicationName: row.publication.name,
    date: isoDate(row.issueDate),
    issueNumber: row.issueNumber,
    status: row.status,
    publishedAt: row.publishedAt,
    updatedAt: row.updatedAt,
    pages: row.pages.map((page) => {
      const variants = parseJsonColumn(imageVariantsSchema, page.imageVariants);
      return {
        id: page.id,
        code: page.code,
        name: page.name,
        sortOrder: page.sortOrder,
        thumbKey: variants.find((variant) => variant.name === "thumb")?.key ?? null,
        hasImage: Boolean(page.imageKey),
        articleCount: page._count.articles,
      };
    }),
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

/** Creates a draft edition; a date the publication already has is refused on the date field. */
export async function createEdition(db: PrismaClient, actor: Actor, input: EditionInput): Promise<{ id: number }> {
  const { publicationId, issueDate, issueNumber } = input;
  try {
    return await db.$transaction(async (tx) => {
      const edition = await tx.edition.create({
        data: { publicationId, issueDate: dateFromIso(issueDate), issueNumber },
      });
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
    if (isDbError(error, "unique", "editions_publication_id_issue_date_key"))
      throw InputError.on("issueDate", `${issueDate} 已经有一期报纸了，请选择其他日期或打开那一期。`);
    throw error;
  }
}
