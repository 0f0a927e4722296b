"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { prisma } from "@/lib/db/prisma";
import { requireUser } from "@/lib/auth/session";
import { regionsSchema } from "@/lib/content";
import { audit } from "@/lib/admin/audit";
import { formValues, invalid, isUniqueViolation, type FormState } from "@/lib/admin/form-state";
import { revalidateReader } from "@/lib/admin/revalidate";
import { id, pageSchema } from "@/lib/admin/schemas";

const pageRef = z.object({ editionId: id, pageId: id });

async function pageOrRedirect(editionId: number, pageId: number) {
  const page = await prisma.page.findFirst({
    where: { id: pageId, editionId },
    include: { edition: { select: { status: true } } },
  });
  if (!page) redirect(`/admin/editions/${editionId}`);
  return page;
}

export async function renamePage(_previous: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  const parsed = pageSchema.extend({ editionId: id, pageId: id }).safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalid(parsed.error, formData);
  const { editionId, pageId, code, name } = parsed.data;
  const page = await pageOrRedirect(editionId, pageId);
  const taken = {
    message: "请修改标出的内容后再保存。",
    fieldErrors: { code: [`本期已有 ${code} 版。`] },
    values: formValues(formData),
  };
  const clash = await prisma.page.findFirst({
    where: { editionId, id: { not: pageId }, code: { equals: code, mode: "insensitive" } },
  });
  if (clash) return taken;
  try {
    await prisma.$transaction(async (tx) => {
      await tx.page.update({ where: { id: pageId }, data: { code, name } });
      await audit(tx, {
        userId: user.id,
        editionId,
        action: "update",
        entityType: "page",
        entityId: pageId,
        summary: `第 ${page.code} 版「${page.name}」改为第 ${code} 版「${name}」`,
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) return taken;
    throw error;
  }
  revalidateReader({ editionId, pageIds: [pageId], editions: page.edition.status === "PUBLISHED" });
  revalidatePath(`/admin/editions/${editionId}`, "layout");
  return { ok: true, message: "版面信息已保存。", values: formValues(formData) };
}

export async function moveArticle(formData: FormData): Promise<void> {
  const user = await requireUser();
  const parsed = pageRef
    .extend({ articleId: id, direction: z.enum(["up", "down"]) })
    .safeParse(Object.fromEntries(formData));
  if (!parsed.success) redirect("/admin");
  const { editionId, pageId, articleId, direction } = parsed.data;
  await pageOrRedirect(editionId, pageId);
  const articles = await prisma.article.findMany({
    where: { pageId },
    orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
    select: { id: true, title: true },
  });
  const index = articles.findIndex((article) => article.id === articleId);
  const other = direction === "up" ? index - 1 : index + 1;
  if (index >= 0 && other >= 0 && other < articles.length) {
    [articles[index], articles[other]] = [articles[other], articles[index]];
    await prisma.$transaction(async (tx) => {
      for (const [position, article] of articles.entries())
        await tx.article.update({ where: { id: article.id }, data: { sortOrder: position + 1 } });
      await audit(tx, {
        userId: user.id,
        editionId,
        action: "reorder",
        entityType: "article",
        entityId: articleId,
        summary: `调整文章顺序：${articles.map((article) => article.title).join("、")}`.slice(0, 500),
      });
    });
    revalidateReader({ editionId, pageIds: [pageId], articleIds: articles.map((article) => article.id) });
  }
  revalidatePath(`/admin/editions/${editionId}/pages/${pageId}`);
}

const regionsInput = z.object({ editionId: id, pageId: id, regions: z.string().max(2_000_000) });
const regionsPayload = z.array(z.object({ articleId: id, regions: regionsSchema }));

/** Saves every article's regions on the page at once (the region editor's "保存区域"). */
export async function saveRegions(_previous: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  const parsed = regionsInput.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { message: "区域数据无效。" };
  const { editionId, pageId } = parsed.data;
  const page = await pageOrRedirect(editionId, pageId);
  let payload: z.infer<typeof regionsPayload>;
  try {
    const result = regionsPayload.safeParse(JSON.parse(parsed.data.regions));
    if (!result.success) return { message: "区域数据无效：坐标须在图片范围内，每篇文章最多 50 个区域。" };
    payload = result.data;
  } catch {
    return { message: "区域数据无效。" };
  }
  const articles = await prisma.article.findMany({ where: { pageId }, select: { id: true } });
  const onPage = new Set(articles.map((article) => article.id));
  if (payload.some((entry) => !onPage.has(entry.articleId)))
    return { message: "有区域属于不在本版的文章，请刷新页面后重试。" };
  const clamp = (value: number, max: number) => Math.min(Math.max(0, value), max);
  const width = page.imageWidth ?? 100_000;
  const height = page.imageHeight ?? 100_000;
  await prisma.$transaction(async (tx) => {
    for (const entry of payload) {
      const regions = entry.regions.map((region) =>
        region.type === "rect"
          ? {
              ...region,
              x: clamp(region.x, width),
              y: clamp(region.y, height),
              w: Math.min(region.w, width - clamp(region.x, width)) || 1,
              h: Math.min(region.h, height - clamp(region.y, height)) || 1,
            }
          : {
              ...region,
              points: region.points.map(([x, y]) => [clamp(x, width), clamp(y, height)] as [number, number]),
            },
      );
      await tx.article.update({ where: { id: entry.articleId }, data: { regions } });
    }
    await audit(tx, {
      userId: user.id,
      editionId,
      action: "update",
      entityType: "page",
      entityId: pageId,
      summary: `保存第 ${page.code} 版的文章区域（${payload.reduce((sum, entry) => sum + entry.regions.length, 0)} 个）`,
    });
  });
  revalidateReader({ editionId, pageIds: [pageId], articleIds: payload.map((entry) => entry.articleId) });
  return { ok: true, message: "区域已保存。" };
}
