"use server";
import { redirect } from "next/navigation";
import { z } from "zod";
import { safeNextPath, signIn } from "@/lib/auth/session";
import { formValues, invalid, type FormState } from "@/lib/admin/form-state";

const loginSchema = z.object({
  email: z.string().trim().min(1, "请填写邮箱").max(200, "邮箱太长"),
  password: z.string().min(1, "请填写密码").max(200, "密码太长"),
  next: z.string().max(1000).optional(),
});

/** The login form's action; it is the one admin action open to anonymous visitors. */
export async function login(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = loginSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalid(parsed.error, formData, "请填写邮箱和密码。");
  const result = await signIn(parsed.data.email, parsed.data.password);
  const { password: _password, ...kept } = formValues(formData);
  if (!result.ok) {
    const message =
      result.reason === "throttled"
        ? `登录失败次数过多，请 ${Math.ceil(result.retryAfterSeconds / 60)} 分钟后再试。`
        : "邮箱或密码不正确。";
    return { message, values: kept };
  }
  redirect(safeNextPath(parsed.data.next));
}
