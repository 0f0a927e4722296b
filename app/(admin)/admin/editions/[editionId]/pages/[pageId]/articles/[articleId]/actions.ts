"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { adminAction } from "@/lib/admin/action";
import { deleteArticle as remove, moveArticleToPage as moveToPage, saveArticle as save } from "@/lib/admin/articles";
import { linkNextPart as link, unlinkNextPart as unlink } from "@/lib/admin/continuations";
import { formValues, type ArticleFormState, type FormState } from "@/lib/admin/form-state";
import { revalidateReader } from "@/lib/admin/revalidate";
import { articleFieldsSchema, articleRef, id, version } from "@/lib/admin/schemas";
import { adminUrls, withNotice } from "@/lib/admin/urls";

/**
 * Saves only if the article is still at the version the editor started from;
 * otherwise answers with both versions and writes nothing.
 */
export const saveArticle = adminAction(
  articleFieldsSchema.extend({ ...articleRef.shape, version }),
  async (input, { db, user, formData }): Promise<ArticleFormState> => {
    const result = await save(db, user, input);
    const values = formValues(formData);
    if (!result.ok)
      return { message: "没有保存：这篇文章在你编辑期间被别人修改过。", values, conflict: result.conflict };
    revalidateReader(result.changed);
    revalidatePath(adminUrls.page(input.editionId, input.pageId));
    // The form shows the body as stored (e.g. a long paragraph split at its line breaks).
    return {
      ok: true,
      message: ["已保存。", ...result.notes].join(""),
      values: { ...values, version: String(result.version), body: result.body },
    };
  },
);

export const deleteArticle = adminAction(articleRef, async (input, { db, user }): Promise<FormState> => {
  revalidateReader(await remove(db, user, input));
  redirect(withNotice(adminUrls.page(input.editionId, input.pageId), "article-deleted"));
});

export const moveArticleToPage = adminAction(
  articleRef.extend({ targetPageId: id }),
  async (input, { db, user }): Promise<FormState> => {
    const { targetPageId, ...changed } = await moveToPage(db, user, input);
    revalidateReader(changed);
    redirect(adminUrls.article(input.editionId, targetPageId, input.articleId));
  },
  { invalidMessage: "请选择目标版面。" },
);

export const linkNextPart = adminAction(
  articleRef.extend({ nextPartId: id }),
  async (input, { db, user }): Promise<FormState> => {
    revalidateReader(await link(db, user, input));
    revalidatePath(adminUrls.edition(input.editionId), "layout");
    return { ok: true, message: "已链接续篇。" };
  },
  { invalidMessage: "请选择续篇文章。" },
);

export const unlinkNextPart = adminAction(articleRef, async (input, { db, user }): Promise<FormState> => {
  revalidateReader(await unlink(db, user, input));
  revalidatePath(adminUrls.edition(input.editionId), "layout");
  return { ok: true, message: "已取消下转链接。" };
});
