"use server";
import { revalidatePath } from "next/cache";
import { adminAction } from "@/lib/admin/action";
import { reorderArticle } from "@/lib/admin/articles";
import { formValues, type FormState, type PageFormState, type RegionsFormState } from "@/lib/admin/form-state";
import { savePageRegions, updatePage } from "@/lib/admin/pages";
import { revalidateReader } from "@/lib/admin/revalidate";
import { articleRef, direction, pageUpdateSchema, regionsFormSchema } from "@/lib/admin/schemas";
import { adminUrls } from "@/lib/admin/urls";

export const renamePage = adminAction(
  pageUpdateSchema,
  async (input, { db, user, formData }): Promise<PageFormState> => {
    const result = await updatePage(db, user, input);
    const values = formValues(formData);
    if (!result.ok)
      return { message: "没有保存：这个版面在你编辑期间被别人修改过。", values, conflict: result.conflict };
    revalidateReader(result.changed);
    revalidatePath(adminUrls.edition(input.editionId), "layout");
    return {
      ok: true,
      message: "版面信息已保存。",
      values: { ...values, code: input.code, version: String(result.version) },
    };
  },
);

export const moveArticle = adminAction(
  articleRef.extend({ direction }),
  async (input, { db, user }): Promise<FormState> => {
    revalidateReader(await reorderArticle(db, user, input));
    revalidatePath(adminUrls.page(input.editionId, input.pageId));
    return { ok: true };
  },
);

/** Saves every article's regions on the page at once (the region editor's "保存区域"). */
export const saveRegions = adminAction(
  regionsFormSchema,
  async (input, { db, user }): Promise<RegionsFormState> => {
    const result = await savePageRegions(db, user, input);
    if (!result.ok)
      return {
        message: `没有保存：${result.conflict.savedBy} 在 ${result.conflict.savedAt} 修改了本版的区域或版面图。`,
        conflict: result.conflict,
      };
    revalidateReader(result.changed);
    return { ok: true, message: "区域已保存。", version: result.version };
  },
  { invalidMessage: "区域数据无效，请刷新页面后重试。" },
);
