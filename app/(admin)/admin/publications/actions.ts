"use server";
import { revalidatePath, revalidateTag } from "next/cache";
import { z } from "zod";
import { prisma } from "@/lib/db/prisma";
import { requireUser } from "@/lib/auth/session";
import { TAGS } from "@/lib/cache-tags";
import { formValues, invalid, isUniqueViolation, type FormState } from "@/lib/admin/form-state";
import { revalidateReader } from "@/lib/admin/revalidate";
import { id } from "@/lib/admin/schemas";

const publicationSchema = z.object({
  id: id.optional(),
  slug: z
    .string()
    .trim()
    .min(1, "请填写代号")
    .max(64)
    .regex(/^[a-z0-9-]+$/, "代号只能包含小写字母、数字和连字符"),
  name: z.string().trim().min(1, "请填写报纸名称").max(100),
  description: z.string().trim().max(500, "简介最多 500 个字符"),
  isDefault: z.literal("on").optional(),
});

/** Admins only: creates a publication, or changes one when `id` is given. */
export async function savePublication(_previous: FormState, formData: FormData): Promise<FormState> {
  await requireUser("ADMIN");
  const parsed = publicationSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalid(parsed.error, formData);
  const { id, slug, name, description, isDefault } = parsed.data;
  try {
    await prisma.$transaction(async (tx) => {
      // Exactly one publication is the default.
      if (isDefault) await tx.publication.updateMany({ where: { isDefault: true }, data: { isDefault: false } });
      const data = { slug, name, description, ...(isDefault ? { isDefault: true } : {}) };
      if (id) await tx.publication.update({ where: { id }, data });
      else
        await tx.publication.create({
          data: { ...data, isDefault: Boolean(isDefault) || (await tx.publication.count()) === 0 },
        });
    });
  } catch (error) {
    if (isUniqueViolation(error))
      return {
        message: "请修改标出的内容后再保存。",
        fieldErrors: { slug: [`代号 ${slug} 已被使用。`] },
        values: formValues(formData),
      };
    throw error;
  }
  revalidateTag(TAGS.publications, { expire: 0 });
  revalidateReader({ editions: true });
  revalidatePath("/admin/publications");
  return { ok: true, message: `已保存「${name}」。` };
}
