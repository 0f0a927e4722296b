"use server";
import { revalidatePath } from "next/cache";
import { adminAction } from "@/lib/admin/action";
import type { FormState } from "@/lib/admin/form-state";
import { adminUrls } from "@/lib/admin/urls";
import {
  createAccount as create,
  passwordResetSchema,
  resetUserPassword,
  revokeUserSessions,
  setUserEnabled,
  setUserRole,
  userEnabledSchema,
  userRef,
  userRoleSchema,
} from "@/lib/admin/users";
import { newUserSchema } from "@/lib/auth/users";

const admins = { role: "ADMIN" } as const;

/** Admins only: creates an editor or admin account. */
export const createAccount = adminAction(
  newUserSchema,
  async (input, { db, user }): Promise<FormState> => {
    await create(db, user, input);
    revalidatePath(adminUrls.users);
    return { ok: true, message: `已创建账号 ${input.email}。` };
  },
  { ...admins, secretFields: ["password"] },
);

export const setAccountEnabled = adminAction(
  userEnabledSchema,
  async (input, { db, user }): Promise<FormState> => {
    const { changed, email } = await setUserEnabled(db, user, input);
    revalidatePath(adminUrls.users);
    if (!changed) return { ok: true, message: `${email} 已经是${input.enabled ? "启用" : "停用"}状态。` };
    return { ok: true, message: input.enabled ? `已启用 ${email}。` : `已停用 ${email}，其登录已全部结束。` };
  },
  admins,
);

export const setAccountRole = adminAction(
  userRoleSchema,
  async (input, { db, user }): Promise<FormState> => {
    const { changed, email } = await setUserRole(db, user, input);
    revalidatePath(adminUrls.users);
    return { ok: true, message: changed ? `已修改 ${email} 的角色，其登录已全部结束。` : "角色没有变化。" };
  },
  admins,
);

export const resetAccountPassword = adminAction(
  passwordResetSchema,
  async (input, { db, user }): Promise<FormState> => {
    const { email } = await resetUserPassword(db, user, input);
    revalidatePath(adminUrls.users);
    return { ok: true, message: `已重设 ${email} 的密码，其登录已全部结束。请通过安全的渠道告诉对方。` };
  },
  { ...admins, secretFields: ["password"] },
);

export const revokeAccountSessions = adminAction(
  userRef,
  async (input, { db, user }): Promise<FormState> => {
    const { email, count } = await revokeUserSessions(db, user, input);
    revalidatePath(adminUrls.users);
    return { ok: true, message: `已结束 ${email} 的 ${count} 个登录。` };
  },
  admins,
);
