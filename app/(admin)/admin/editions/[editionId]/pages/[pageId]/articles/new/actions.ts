"use server";
import { redirect } from "next/navigation";
import { prisma } from "@/lib/db/prisma";
import { requireUser } from "@/lib/auth/session";
import { audit } from "@/lib/admin/audit";
import { textToBody } from "@/lib/admin/body-text";
import { insertArticle, recentDuplicate } from "@/lib/admin/article-writes";
import { invalid, type ArticleFormState } from "@/lib/admin/form-state";
import { revalidateReader } from "@/lib/admin/revalidate";
import { articleFieldsSchema, id } from "@/lib/admin/schemas";

export async function createArticle(_previous: ArticleFormState, formData: FormData): Promise<ArticleFormState> {
  const user = await requireUser();
  const parsed = articleFieldsSchema.extend({ editionId: id, pageId: id }).safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalid(parsed.error, formData);
  const { editionId, pageId, body, ...fields } = parsed.data;
  const page = await prisma.page.findFirst({ where: { id: pageId, editionId } });
  if (!page) redirect(`/admin/editions/${editionId}`);
  const article = await prisma.$transaction(async (tx) => {
    const duplicate = await recentDuplicate(tx, pageId, fields.title);
    if (duplicate) return duplicate;
    const created = await insertArticle(tx, pageId, { ...fields, body: textToBody(body) });
    await audit(tx, {
      userId: user.id,
      editionId,
      action: "create",
      entityType: "article",
      entityId: created.id,
      summary: `在第 ${page.code} 版新建文章「${fields.title}」`,
    });
    return created;
  });
  revalidateReader({ editionId, pageIds: [pageId], articleIds: [article.id] });
  redirect(`/admin/editions/${editionId}/pages/${pageId}/articles/${article.id}?notice=article-created`);
}
