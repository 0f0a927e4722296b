"use server";
import { redirect } from "next/navigation";
import { z } from "zod";
import { prisma } from "@/lib/db/prisma";
import { requireUser } from "@/lib/auth/session";
import { audit } from "@/lib/admin/audit";
import { insertArticle, linkContinuation, recentDuplicate } from "@/lib/admin/article-writes";
import { textToBody } from "@/lib/admin/body-text";
import { formValues, invalid, type PasteConfirmState, type PasteParseState } from "@/lib/admin/form-state";
import { suggestContinuation } from "@/lib/admin/paste-suggestions";
import { revalidateReader } from "@/lib/admin/revalidate";
import { articleFieldsSchema, id, ID_MAX } from "@/lib/admin/schemas";
import { parsePastedArticle } from "@/lib/paste/parse";

const pasteInput = z.object({
  editionId: id,
  pageId: id,
  raw: z.string().trim().min(1, "请粘贴文章内容").max(500_000, "内容太长"),
});

/** Step 1: split the pasted text and look for the pages and articles its continuation notes name. Nothing is stored. */
export async function parsePaste(_previous: PasteParseState, formData: FormData): Promise<PasteParseState> {
  await requireUser();
  const parsed = pasteInput.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalid(parsed.error, formData, "请先粘贴文章内容。");
  const { editionId, pageId, raw } = parsed.data;
  const article = parsePastedArticle(raw);
  const pages = await prisma.page.findMany({
    where: { editionId },
    orderBy: { sortOrder: "asc" },
    include: {
      articles: {
        orderBy: { sortOrder: "asc" },
        select: { id: true, title: true, nextPartId: true, previousPart: { select: { id: true } } },
      },
    },
  });
  const withArticles = pages.map((page) => ({
    id: page.id,
    code: page.code,
    name: page.name,
    sortOrder: page.sortOrder,
    articles: page.articles.map((a) => ({
      id: a.id,
      title: a.title,
      nextPartId: a.nextPartId,
      hasPrevious: Boolean(a.previousPart),
    })),
  }));
  return {
    parsed: {
      values: {
        kicker: "",
        title: article.title,
        subtitle: "",
        byline: article.byline ?? "",
        body: article.paragraphs.join("\n\n"),
      },
      continuedTo: suggestContinuation(article.continuedTo, article.title, withArticles, pageId),
      continuedFrom: suggestContinuation(article.continuedFrom, article.title, withArticles, pageId),
    },
    values: formValues(formData),
  };
}

const choice = z.union([z.literal("none"), z.literal("create"), z.string().regex(/^link:\d+$/)]).default("none");

/** Step 2: store the confirmed article and the chosen continuation links, all or nothing. */
export async function savePastedArticle(_previous: PasteConfirmState, formData: FormData): Promise<PasteConfirmState> {
  const user = await requireUser();
  const parsed = articleFieldsSchema
    .extend({
      editionId: id,
      pageId: id,
      toChoice: choice,
      toPageId: z.coerce.number().int().min(0).max(ID_MAX).optional(),
      fromChoice: choice,
    })
    .safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalid(parsed.error, formData);
  const { editionId, pageId, toChoice, toPageId, fromChoice, body, ...fields } = parsed.data;
  const page = await prisma.page.findFirst({ where: { id: pageId, editionId } });
  if (!page) redirect(`/admin/editions/${editionId}`);
  const outcome = await prisma
    .$transaction(async (tx) => {
      const duplicate = await recentDuplicate(tx, pageId, fields.title);
      if (duplicate) return { articleId: duplicate.id, touched: [duplicate.id] };
      const article = await insertArticle(tx, pageId, { ...fields, body: textToBody(body) });
      const touched = [article.id];
      await audit(tx, {
        userId: user.id,
        editionId,
        action: "create",
        entityType: "article",
        entityId: article.id,
        summary: `粘贴文章「${fields.title}」到第 ${page.code} 版`,
      });
      if (toChoice === "create" && toPageId) {
        const target = await tx.page.findFirst({ where: { id: toPageId, editionId } });
        if (!target) throw new LinkRefused("续篇所在的版面不存在。");
        const next = await insertArticle(tx, target.id, {
          kicker: null,
          title: fields.title,
          subtitle: null,
          byline: null,
          body: [],
        });
        await audit(tx, {
          userId: user.id,
          editionId,
          action: "create",
          entityType: "article",
          entityId: next.id,
          summary: `在第 ${target.code} 版新建续篇「${fields.title}」`,
        });
        const check = await linkContinuation(tx, editionId, article.id, next.id);
        if (!check.ok) throw new LinkRefused(check.reason);
        touched.push(next.id);
      } else if (toChoice.startsWith("link:")) {
        const nextId = Number(toChoice.slice(5));
        const check = await linkContinuation(tx, editionId, article.id, nextId);
        if (!check.ok) throw new LinkRefused(check.reason);
        await audit(tx, {
          userId: user.id,
          editionId,
          action: "link",
          entityType: "article",
          entityId: article.id,
          summary: `「${fields.title}」下转文章 #${nextId}`,
        });
        touched.push(nextId);
      }
      if (fromChoice.startsWith("link:")) {
        const previousId = Number(fromChoice.slice(5));
        const check = await linkContinuation(tx, editionId, previousId, article.id);
        if (!check.ok) throw new LinkRefused(check.reason);
        await audit(tx, {
          userId: user.id,
          editionId,
          action: "link",
          entityType: "article",
          entityId: previousId,
          summary: `文章 #${previousId} 下转「${fields.title}」`,
        });
        touched.push(previousId);
      }
      return { articleId: article.id, touched };
    })
    .catch((error: unknown) => {
      if (error instanceof LinkRefused) return { refused: error.message };
      throw error;
    });
  if ("refused" in outcome) {
    return {
      message: `没有保存：${outcome.refused}`,
      fieldErrors: { links: [outcome.refused] },
      values: formValues(formData),
    };
  }
  revalidateReader({ editionId, pageIds: [pageId], articleIds: outcome.touched });
  redirect(`/admin/editions/${editionId}/pages/${pageId}/articles/${outcome.articleId}?notice=article-created`);
}

class LinkRefused extends Error {}
