"use server";
import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/session";
import { prisma } from "@/lib/db/prisma";
import { createUser, newUserSchema } from "@/lib/auth/users";
import { audit } from "@/lib/admin/audit";
import { formValues, invalid, isUniqueViolation, type FormState } from "@/lib/admin/form-state";

/** Admins only: creates an editor or admin account. */
export async function createAccount(_previous: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser("ADMIN");
  const parsed = newUserSchema.safeParse(Object.fromEntries(formData));
  const { password: _password, ...kept } = formValues(formData);
  if (!parsed.success) return { ...invalid(parsed.error, formData), values: kept };
  try {
    const created = await createUser(prisma, parsed.data);
    await audit(prisma, {
      userId: user.id,
      action: "create",
      entityType: "user",
      entityId: created.id,
      summary: `新建账号 ${created.email}（${created.role === "ADMIN" ? "管理员" : "编辑"}）`,
    });
  } catch (error) {
    if (isUniqueViolation(error))
      return { message: "请修改标出的内容后再保存。", fieldErrors: { email: ["这个邮箱已有账号。"] }, values: kept };
    throw error;
  }
  revalidatePath("/admin/users");
  return { ok: true, message: `已创建账号 ${parsed.data.email}。` };
}
