"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { prisma } from "@/lib/db/prisma";
import { requireUser } from "@/lib/auth/session";
import { audit } from "@/lib/admin/audit";
import { dateFromIso, isoDate } from "@/lib/admin/dates";
import { formValues, invalid, isUniqueViolation, type FormState } from "@/lib/admin/form-state";
import { revalidateReader } from "@/lib/admin/revalidate";
import { editionSchema, id, pageSchema } from "@/lib/admin/schemas";
import { removeFile } from "@/lib/storage";

const editionRef = z.object({ editionId: id });

function noticeRedirect(editionId: number, notice: string): never {
  redirect(`/admin/editions/${editionId}?notice=${notice}`);
}

async function editionOr404(editionId: number) {
  const edition = await prisma.edition.findUnique({
    where: { id: editionId },
    include: { pages: { select: { id: true } } },
  });
  if (!edition) redirect("/admin?notice=edition-missing");
  return edition;
}

export async function updateEdition(_previous: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  const parsed = editionSchema.extend({ editionId: id }).safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalid(parsed.error, formData);
  const { editionId, publicationId, issueDate, issueNumber } = parsed.data;
  const before = await editionOr404(editionId);
  try {
    await prisma.$transaction(async (tx) => {
      await tx.edition.update({
        where: { id: editionId },
        data: { publicationId, issueDate: dateFromIso(issueDate), issueNumber },
      });
      await audit(tx, {
        userId: user.id,
        editionId,
        action: "update",
        entityType: "edition",
        entityId: editionId,
        summary: `修改期次：${isoDate(before.issueDate)} 第 ${before.issueNumber} 期 → ${issueDate} 第 ${issueNumber} 期`,
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      return {
        message: "请修改标出的内容后再保存。",
        fieldErrors: { issueDate: [`${issueDate} 已经有一期报纸了。`] },
        values: formValues(formData),
      };
    }
    throw error;
  }
  revalidateReader({ editions: true, editionId, pageIds: before.pages.map((page) => page.id) });
  revalidatePath(`/admin/editions/${editionId}`);
  return { ok: true, message: "已保存。", values: formValues(formData) };
}

export async function publishEdition(formData: FormData): Promise<void> {
  const user = await requireUser();
  const parsed = editionRef.safeParse(Object.fromEntries(formData));
  if (!parsed.success) redirect("/admin");
  const edition = await editionOr404(parsed.data.editionId);
  if (edition.pages.length === 0) noticeRedirect(edition.id, "publish-empty");
  await prisma.$transaction(async (tx) => {
    await tx.edition.update({ where: { id: edition.id }, data: { status: "PUBLISHED", publishedAt: new Date() } });
    await audit(tx, {
      userId: user.id,
      editionId: edition.id,
      action: "publish",
      entityType: "edition",
      entityId: edition.id,
      summary: `发布 ${isoDate(edition.issueDate)}`,
    });
  });
  revalidateReader({ editions: true, editionId: edition.id, pageIds: edition.pages.map((page) => page.id) });
  noticeRedirect(edition.id, "published");
}

export async function unpublishEdition(formData: FormData): Promise<void> {
  const user = await requireUser();
  const parsed = editionRef.safeParse(Object.fromEntries(formData));
  if (!parsed.success) redirect("/admin");
  const edition = await editionOr404(parsed.data.editionId);
  await prisma.$transaction(async (tx) => {
    await tx.edition.update({ where: { id: edition.id }, data: { status: "DRAFT", publishedAt: null } });
    await audit(tx, {
      userId: user.id,
      editionId: edition.id,
      action: "unpublish",
      entityType: "edition",
      entityId: edition.id,
      summary: `撤回 ${isoDate(edition.issueDate)}`,
    });
  });
  revalidateReader({ editions: true, editionId: edition.id, pageIds: edition.pages.map((page) => page.id) });
  noticeRedirect(edition.id, "unpublished");
}

export async function deleteEdition(formData: FormData): Promise<void> {
  const user = await requireUser();
  const parsed = editionRef.safeParse(Object.fromEntries(formData));
  if (!parsed.success) redirect("/admin");
  const edition = await editionOr404(parsed.data.editionId);
  if (edition.status !== "DRAFT") noticeRedirect(edition.id, "delete-published");
  const pages = await prisma.page.findMany({
    where: { editionId: edition.id },
    select: { imageKey: true, imageVariants: true },
  });
  await prisma.$transaction(async (tx) => {
    // Only drafts can be deleted (checked again inside the transaction, against a concurrent publish).
    const deleted = await tx.edition.deleteMany({ where: { id: edition.id, status: "DRAFT" } });
    if (deleted.count === 0) return;
    await audit(tx, {
      userId: user.id,
      editionId: null,
      action: "delete",
      entityType: "edition",
      entityId: edition.id,
      summary: `删除草稿期次 ${isoDate(edition.issueDate)}（第 ${edition.issueNumber} 期）`,
    });
  });
  for (const page of pages) await removePageFiles(page);
  revalidateReader({ editions: true, editionId: edition.id });
  redirect("/admin?notice=edition-deleted");
}

async function removePageFiles(page: { imageKey: string | null; imageVariants: unknown }): Promise<void> {
  const keys = [
    page.imageKey,
    ...(Array.isArray(page.imageVariants)
      ? page.imageVariants.map((variant) => (variant as { key?: string }).key)
      : []),
  ];
  for (const key of keys) if (typeof key === "string") await removeFile(key).catch(() => undefined);
}

export async function addPage(_previous: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  const parsed = pageSchema.extend({ editionId: id }).safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalid(parsed.error, formData);
  const { editionId, code, name } = parsed.data;
  const edition = await editionOr404(editionId);
  const codeTaken = () => ({
    message: "请修改标出的内容后再保存。",
    fieldErrors: { code: [`本期已有 ${code} 版（版号不区分大小写）。`] },
    values: formValues(formData),
  });
  const existing = await prisma.page.findMany({ where: { editionId }, select: { code: true, sortOrder: true } });
  if (existing.some((page) => page.code.toLowerCase() === code.toLowerCase())) return codeTaken();
  let pageId: number;
  try {
    pageId = await prisma.$transaction(async (tx) => {
      const page = await tx.page.create({
        data: { editionId, code, name, sortOrder: Math.max(0, ...existing.map((page) => page.sortOrder)) + 1 },
      });
      await audit(tx, {
        userId: user.id,
        editionId,
        action: "create",
        entityType: "page",
        entityId: page.id,
        summary: `新增第 ${code} 版「${name}」`,
      });
      return page.id;
    });
  } catch (error) {
    if (isUniqueViolation(error)) return codeTaken();
    throw error;
  }
  revalidateReader({ editionId, pageIds: [pageId], editions: edition.status === "PUBLISHED" });
  revalidatePath(`/admin/editions/${editionId}`);
  return { ok: true, message: `已新增第 ${code} 版。` };
}

const pageRef = z.object({ editionId: id, pageId: id });

export async function movePage(formData: FormData): Promise<void> {
  const user = await requireUser();
  const parsed = pageRef.extend({ direction: z.enum(["up", "down"]) }).safeParse(Object.fromEntries(formData));
  if (!parsed.success) redirect("/admin");
  const { editionId, pageId, direction } = parsed.data;
  const pages = await prisma.page.findMany({
    where: { editionId },
    orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
    select: { id: true, code: true },
  });
  const index = pages.findIndex((page) => page.id === pageId);
  const other = direction === "up" ? index - 1 : index + 1;
  if (index < 0 || other < 0 || other >= pages.length) redirect(`/admin/editions/${editionId}`);
  [pages[index], pages[other]] = [pages[other], pages[index]];
  await prisma.$transaction(async (tx) => {
    for (const [position, page] of pages.entries())
      await tx.page.update({ where: { id: page.id }, data: { sortOrder: position + 1 } });
    await audit(tx, {
      userId: user.id,
      editionId,
      action: "reorder",
      entityType: "page",
      entityId: pageId,
      summary: `版面顺序：${pages.map((page) => page.code).join("、")}`,
    });
  });
  revalidateReader({ editionId, pageIds: pages.map((page) => page.id) });
  revalidatePath(`/admin/editions/${editionId}`);
}

export async function deletePage(formData: FormData): Promise<void> {
  const user = await requireUser();
  const parsed = pageRef.safeParse(Object.fromEntries(formData));
  if (!parsed.success) redirect("/admin");
  const { editionId, pageId } = parsed.data;
  const page = await prisma.page.findFirst({
    where: { id: pageId, editionId },
    include: { articles: { select: { id: true } } },
  });
  if (!page) redirect(`/admin/editions/${editionId}`);
  await prisma.$transaction(async (tx) => {
    await tx.page.delete({ where: { id: page.id } });
    await audit(tx, {
      userId: user.id,
      editionId,
      action: "delete",
      entityType: "page",
      entityId: page.id,
      summary: `删除第 ${page.code} 版「${page.name}」及其 ${page.articles.length} 篇文章`,
    });
  });
  await removePageFiles(page);
  revalidateReader({ editionId, pageIds: [page.id], articleIds: page.articles.map((article) => article.id) });
  noticeRedirect(editionId, "page-deleted");
}
