"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { adminAction } from "@/lib/admin/action";
import {
  deleteEdition as removeEdition,
  publishEdition as publish,
  unpublishEdition as unpublish,
  updateEdition as update,
} from "@/lib/admin/editions";
import { formValues, type EditionFormState, type FormState } from "@/lib/admin/form-state";
import { addPage as add, deletePage as removePage, movePage as move } from "@/lib/admin/pages";
import { revalidateReader } from "@/lib/admin/revalidate";
import { direction, editionRef, editionUpdateSchema, newPageSchema, pageRef } from "@/lib/admin/schemas";
import { adminUrls, withNotice } from "@/lib/admin/urls";

export const updateEdition = adminAction(
  editionUpdateSchema,
  async (input, { db, user, formData }): Promise<EditionFormState> => {
    const result = await update(db, user, input);
    const values = formValues(formData);
    if (!result.ok)
      return { message: "没有保存：这一期的信息在你编辑期间被别人修改过。", values, conflict: result.conflict };
    revalidateReader(result.changed);
    revalidatePath(adminUrls.edition(input.editionId));
    return { ok: true, message: "已保存。", values: { ...values, version: String(result.version) } };
  },
);

export const publishEdition = adminAction(editionRef, async ({ editionId }, { db, user }): Promise<FormState> => {
  const result = await publish(db, user, editionId);
  revalidateReader(result.pages);
  redirect(withNotice(adminUrls.edition(editionId), result.changed ? "published" : "already-published"));
});

export const unpublishEdition = adminAction(editionRef, async ({ editionId }, { db, user }): Promise<FormState> => {
  const result = await unpublish(db, user, editionId);
  revalidateReader(result.pages);
  redirect(withNotice(adminUrls.edition(editionId), result.changed ? "unpublished" : "already-draft"));
});

export const deleteEdition = adminAction(editionRef, async ({ editionId }, { db, user }): Promise<FormState> => {
  revalidateReader(await removeEdition(db, user, editionId));
  redirect(withNotice(adminUrls.home, "edition-deleted"));
});

export const addPage = adminAction(newPageSchema, async (input, { db, user }): Promise<FormState> => {
  const { changed } = await add(db, user, input);
  revalidateReader(changed);
  revalidatePath(adminUrls.edition(input.editionId));
  return { ok: true, message: `已新增第 ${input.code} 版。` };
});

export const movePage = adminAction(pageRef.extend({ direction }), async (input, { db, user }): Promise<FormState> => {
  revalidateReader(await move(db, user, input));
  revalidatePath(adminUrls.edition(input.editionId));
  return { ok: true };
});

export const deletePage = adminAction(pageRef, async (input, { db, user }): Promise<FormState> => {
  revalidateReader(await removePage(db, user, input));
  redirect(withNotice(adminUrls.edition(input.editionId), "page-deleted"));
});
