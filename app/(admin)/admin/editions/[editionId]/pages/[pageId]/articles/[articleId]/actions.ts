"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { prisma } from "@/lib/db/prisma";
import { requireUser } from "@/lib/auth/session";
import { audit } from "@/lib/admin/audit";
import { articleFormValues } from "@/lib/admin/articles";
import { linkContinuation } from "@/lib/admin/article-writes";
import { textToBody } from "@/lib/admin/body-text";
import { formatDateTime } from "@/lib/admin/dates";
import { formValues, invalid, type ArticleFormState, type FormState } from "@/lib/admin/form-state";
import { revalidateReader } from "@/lib/admin/revalidate";
import { articleFieldsSchema, id, ID_MAX } from "@/lib/admin/schemas";

const articleRef = z.object({ editionId: id, pageId: id, articleId: id });

async function articleOrRedirect(editionId: number, pageId: number, articleId: number) {
  const article = await prisma.article.findFirst({
    where: { id: articleId, pageId, page: { editionId } },
    include: { page: { select: { code: true } } },
  });
  if (!article) redirect(`/admin/editions/${editionId}/pages/${pageId}?notice=article-deleted`);
  return article;
}

/**
 * Saves only if the article is still at the version the editor started from;
 * otherwise answers with both versions and writes nothing.
 */
export async function saveArticle(_previous: ArticleFormState, formData: FormData): Promise<ArticleFormState> {
  const user = await requireUser();
  const parsed = articleFieldsSchema
    .extend({ editionId: id, pageId: id, articleId: id, version: z.coerce.number().int().positive().max(ID_MAX) })
    .safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalid(parsed.error, formData);
  const { editionId, pageId, articleId, version, body, ...fields } = parsed.data;
  const article = await articleOrRedirect(editionId, pageId, articleId);
  const saved = await prisma.$transaction(async (tx) => {
    const result = await tx.article.updateMany({
      where: { id: articleId, version },
      data: { ...fields, body: textToBody(body), version: { increment: 1 } },
    });
    if (result.count === 0) return false;
    await audit(tx, {
      userId: user.id,
      editionId,
      action: "update",
      entityType: "article",
      entityId: articleId,
      summary: `修改文章「${fields.title}」（第 ${article.page.code} 版）`,
    });
    return true;
  });
  if (!saved) {
    const current = await prisma.article.findUnique({ where: { id: articleId } });
    if (!current) redirect(`/admin/editions/${editionId}/pages/${pageId}?notice=article-deleted`);
    const last = await prisma.auditEntry.findFirst({
      where: { entityType: "article", entityId: articleId },
      orderBy: { createdAt: "desc" },
      include: { user: { select: { name: true } } },
    });
    return {
      message: "没有保存：这篇文章在你编辑期间被别人修改过。",
      values: formValues(formData),
      conflict: {
        version: current.version,
        values: articleFormValues(current),
        savedBy: last?.user?.name ?? "另一位编辑",
        savedAt: formatDateTime(last?.createdAt ?? current.updatedAt),
      },
    };
  }
  revalidateReader({
    editionId,
    pageIds: [pageId],
    articleIds: [articleId, ...(article.nextPartId ? [article.nextPartId] : [])],
  });
  revalidatePath(`/admin/editions/${editionId}/pages/${pageId}`);
  const values = formValues(formData);
  return { ok: true, message: "已保存。", values: { ...values, version: String(version + 1) } };
}

export async function deleteArticle(formData: FormData): Promise<void> {
  const user = await requireUser();
  const parsed = articleRef.safeParse(Object.fromEntries(formData));
  if (!parsed.success) redirect("/admin");
  const { editionId, pageId, articleId } = parsed.data;
  const article = await articleOrRedirect(editionId, pageId, articleId);
  const previous = await prisma.article.findFirst({ where: { nextPartId: articleId }, select: { id: true } });
  await prisma.$transaction(async (tx) => {
    await tx.article.delete({ where: { id: articleId } });
    await audit(tx, {
      userId: user.id,
      editionId,
      action: "delete",
      entityType: "article",
      entityId: articleId,
      summary: `删除文章「${article.title}」（第 ${article.page.code} 版）`,
    });
  });
  revalidateReader({
    editionId,
    pageIds: [pageId],
    articleIds: [articleId, ...(previous ? [previous.id] : []), ...(article.nextPartId ? [article.nextPartId] : [])],
  });
  redirect(`/admin/editions/${editionId}/pages/${pageId}?notice=article-deleted`);
}

export async function moveArticleToPage(_previous: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  const parsed = articleRef.extend({ targetPageId: id }).safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalid(parsed.error, formData, "请选择目标版面。");
  const { editionId, pageId, articleId, targetPageId } = parsed.data;
  const article = await articleOrRedirect(editionId, pageId, articleId);
  const target = await prisma.page.findFirst({ where: { id: targetPageId, editionId } });
  if (!target) return { message: "目标版面不存在。", fieldErrors: { targetPageId: ["请选择本期的版面"] } };
  if (target.id === pageId) return { message: "文章已在这个版面。", fieldErrors: { targetPageId: ["请选择其他版面"] } };
  const last = await prisma.article.findFirst({
    where: { pageId: target.id },
    orderBy: { sortOrder: "desc" },
    select: { sortOrder: true },
  });
  await prisma.$transaction(async (tx) => {
    // Regions belong to the old page's image, so they do not move with the article.
    await tx.article.update({
      where: { id: articleId },
      data: { pageId: target.id, sortOrder: (last?.sortOrder ?? 0) + 1, regions: [], version: { increment: 1 } },
    });
    await audit(tx, {
      userId: user.id,
      editionId,
      action: "move",
      entityType: "article",
      entityId: articleId,
      summary: `文章「${article.title}」从第 ${article.page.code} 版移到第 ${target.code} 版`,
    });
  });
  revalidateReader({ editionId, pageIds: [pageId, target.id], articleIds: [articleId] });
  redirect(`/admin/editions/${editionId}/pages/${target.id}/articles/${articleId}`);
}

export async function linkNextPart(_previous: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  const parsed = articleRef.extend({ nextPartId: id }).safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalid(parsed.error, formData, "请选择续篇文章。");
  const { editionId, pageId, articleId, nextPartId } = parsed.data;
  const article = await articleOrRedirect(editionId, pageId, articleId);
  const result = await prisma.$transaction(async (tx) => {
    const check = await linkContinuation(tx, editionId, articleId, nextPartId);
    if (check.ok) {
      const next = await tx.article.findUniqueOrThrow({
        where: { id: nextPartId },
        include: { page: { select: { code: true } } },
      });
      await audit(tx, {
        userId: user.id,
        editionId,
        action: "link",
        entityType: "article",
        entityId: articleId,
        summary: `「${article.title}」（第 ${article.page.code} 版）下转「${next.title}」（第 ${next.page.code} 版）`,
      });
    }
    return check;
  });
  if (!result.ok)
    return { message: result.reason, fieldErrors: { nextPartId: [result.reason] }, values: formValues(formData) };
  revalidateReader({ editionId, articleIds: [articleId, nextPartId] });
  revalidatePath(`/admin/editions/${editionId}`, "layout");
  return { ok: true, message: "已链接续篇。" };
}

export async function unlinkNextPart(formData: FormData): Promise<void> {
  const user = await requireUser();
  const parsed = articleRef.safeParse(Object.fromEntries(formData));
  if (!parsed.success) redirect("/admin");
  const { editionId, pageId, articleId } = parsed.data;
  const article = await articleOrRedirect(editionId, pageId, articleId);
  if (article.nextPartId) {
    await prisma.$transaction(async (tx) => {
      await tx.article.update({ where: { id: articleId }, data: { nextPartId: null, version: { increment: 1 } } });
      await audit(tx, {
        userId: user.id,
        editionId,
        action: "unlink",
        entityType: "article",
        entityId: articleId,
        summary: `取消「${article.title}」的转版链接`,
      });
    });
    revalidateReader({ editionId, articleIds: [articleId, article.nextPartId] });
  }
  revalidatePath(`/admin/editions/${editionId}`, "layout");
}
