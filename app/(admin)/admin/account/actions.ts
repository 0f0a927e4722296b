"use server";
import { revalidatePath } from "next/cache";
import { adminAction } from "@/lib/admin/action";
import type { FormState } from "@/lib/admin/form-state";
import { adminUrls } from "@/lib/admin/urls";
import { changeOwnPassword, endOwnSessionAudited, ownPasswordSchema, sessionRef } from "@/lib/admin/users";
import { currentSessionToken } from "@/lib/auth/session";

/** Every signed-in user: their own password, with the current one; their other sessions end. */
export const changePassword = adminAction(
  ownPasswordSchema,
  async (input, { db, user }): Promise<FormState> => {
    await changeOwnPassword(db, user, input, await currentSessionToken());
    revalidatePath(adminUrls.account);
    return { ok: true, message: "密码已修改，其他设备上的登录已结束。" };
  },
  { secretFields: ["currentPassword", "password", "confirm"] },
);

export const endSession = adminAction(sessionRef, async (input, { db, user }): Promise<FormState> => {
  const ended = await endOwnSessionAudited(db, user, input);
  revalidatePath(adminUrls.account);
  return ended ? { ok: true, message: "已结束这个登录。" } : { message: "这个登录已经结束了。" };
});
