// Accounts, for admins at /admin/users and for every editor at /admin/account:
// creating, disabling and enabling, changing the role, resetting a password,
// ending sessions, and an editor's own password change. Disabling, a password
// change and a role change end that user's sessions at once. The last active
// admin can be neither disabled nor demoted. Every change is audited.
import "server-only";
import { z } from "zod";
import type { PrismaClient } from "../db/client";
import { prisma } from "../db/prisma";
import { hashPassword, verifyPassword } from "../auth/password";
import { checkPasswordAgainst, newPasswordField } from "../auth/password-policy";
import { endUserSessions, type SessionUser } from "../auth/sessions";
import { createUser, roleField, type NewUser } from "../auth/users";
import { audit } from "./audit";
import { InputError } from "./form-state";
import { id } from "./schemas";

type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

export const userRef = z.object({ userId: id });
export const userRoleSchema = userRef.extend({ role: roleField });
export const userEnabledSchema = userRef.extend({ enabled: z.enum(["true", "false"]).transform((v) => v === "true") });
export const passwordResetSchema = userRef.extend({ password: newPasswordField });
export const ownPasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "请填写现在的密码").max(200, "密码太长"),
    password: newPasswordField,
    confirm: z.string().max(200),
  })
  .refine((input) => input.password === input.confirm, { path: ["confirm"], message: "两次输入的新密码不一样。" });
export const sessionRef = z.object({ sessionId: id });

const roleName = (role: "ADMIN" | "EDITOR") => (role === "ADMIN" ? "管理员" : "编辑");

export type AccountRow = {
  id: number;
  name: string;
  email: string;
  role: "ADMIN" | "EDITOR";
  disabled: boolean;
  createdAt: Date;
  sessionCount: number;
};

export async function listUsers(db: PrismaClient, now = new Date()): Promise<AccountRow[]> {
  const rows = await db.user.findMany({
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      disabledAt: true,
      createdAt: true,
      _count: { select: { sessions: { where: { expiresAt: { gt: now } } } } },
    },
  });
  return rows.map(({ disabledAt, _count, ...row }) => ({
    ...row,
    disabled: disabledAt !== null,
    sessionCount: _count.sessions,
  }));
}

/** The /admin/users list. */
export function listAccounts(): Promise<AccountRow[]> {
  return listUsers(prisma);
}

export async function createAccount(db: PrismaClient, actor: SessionUser, input: NewUser) {
  return db.$transaction(async (tx) => {
    const created = await createUser(tx, input);
    await audit(tx, {
      userId: actor.id,
      action: "create",
      entityType: "user",
      entityId: created.id,
      summary: `新建账号 ${created.email}（${roleName(created.role)}）`,
    });
    return created;
  });
}

/**
 * Locks the active admins' rows for the rest of the transaction, so two admins
 * demoting or disabling each other at the same moment cannot both succeed.
 */
async function lockActiveAdmins(tx: Tx): Promise<number[]> {
  const rows = await tx.$queryRaw<{ id: number }[]>`
    SELECT id FROM users WHERE role = 'ADMIN' AND disabled_at IS NULL ORDER BY id FOR UPDATE`;
  return rows.map((row) => row.id);
}

async function targetOf(tx: Tx, userId: number) {
  const target = await tx.user.findUnique({ where: { id: userId } });
  if (!target) throw InputError.on("form", "这个账号已不存在，请刷新页面。");
  return target;
}

const LAST_ADMIN = "这是最后一个可用的管理员账号：请先让另一个账号成为管理员。";

export async function setUserEnabled(
  db: PrismaClient,
  actor: SessionUser,
  input: z.output<typeof userEnabledSchema>,
): Promise<{ changed: boolean; email: string }> {
  return db.$transaction(async (tx) => {
    const admins = await lockActiveAdmins(tx);
    const target = await targetOf(tx, input.userId);
    if (input.enabled === (target.disabledAt === null)) return { changed: false, email: target.email };
    if (!input.enabled) {
      if (target.id === actor.id) throw InputError.on("form", "不能停用自己的账号。");
      if (admins.length === 1 && admins[0] === target.id) throw InputError.on("form", LAST_ADMIN);
    }
    await tx.user.update({ where: { id: target.id }, data: { disabledAt: input.enabled ? null : new Date() } });
    if (!input.enabled) await endUserSessions(tx, target.id);
    await audit(tx, {
      userId: actor.id,
      action: input.enabled ? "enable" : "disable",
      entityType: "user",
      entityId: target.id,
      summary: input.enabled ? `启用账号 ${target.email}` : `停用账号 ${target.email}，并结束其全部登录`,
    });
    return { changed: true, email: target.email };
  });
}

export async function setUserRole(
  db: PrismaClient,
  actor: SessionUser,
  input: z.output<typeof userRoleSchema>,
): Promise<{ changed: boolean; email: string }> {
  return db.$transaction(async (tx) => {
    const admins = await lockActiveAdmins(tx);
    const target = await targetOf(tx, input.userId);
    if (target.role === input.role) return { changed: false, email: target.email };
    if (input.role === "EDITOR" && admins.length === 1 && admins[0] === target.id)
      throw InputError.on("form", LAST_ADMIN);
    await tx.user.update({ where: { id: target.id }, data: { role: input.role } });
    await endUserSessions(tx, target.id);
    await audit(tx, {
      userId: actor.id,
      action: "role",
      entityType: "user",
      entityId: target.id,
      summary: `把 ${target.email} 的角色从${roleName(target.role)}改为${roleName(input.role)}，并结束其全部登录`,
    });
    return { changed: true, email: target.email };
  });
}

/** An admin sets a new password for someone (who forgot theirs); their sessions end. */
export async function resetUserPassword(
  db: PrismaClient,
  actor: SessionUser,
  input: z.output<typeof passwordResetSchema>,
): Promise<{ email: string }> {
  const target = await db.user.findUnique({ where: { id: input.userId } });
  if (!target) throw InputError.on("form", "这个账号已不存在，请刷新页面。");
  const ownWords = z.object({ password: z.string() }).superRefine((value, context) => {
    checkPasswordAgainst(value.password, [target.email, target.name], context);
  });
  const checked = ownWords.safeParse({ password: input.password });
  if (!checked.success) throw InputError.on("password", checked.error.issues[0]!.message);
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({ where: { id: target.id }, data: { passwordHash } });
    if (!count) throw InputError.on("form", "这个账号已不存在，请刷新页面。");
    await endUserSessions(tx, target.id);
    await audit(tx, {
      userId: actor.id,
      action: "password",
      entityType: "user",
      entityId: target.id,
      summary: `重设 ${target.email} 的密码，并结束其全部登录`,
    });
    return { email: target.email };
  });
}

/** Signs a user out everywhere (a lost laptop). */
export async function revokeUserSessions(
  db: PrismaClient,
  actor: SessionUser,
  input: z.output<typeof userRef>,
): Promise<{ email: string; count: number }> {
  return db.$transaction(async (tx) => {
    const target = await targetOf(tx, input.userId);
    const count = await endUserSessions(tx, target.id);
    await audit(tx, {
      userId: actor.id,
      action: "revoke",
      entityType: "user",
      entityId: target.id,
      summary: `结束 ${target.email} 的全部登录（${count} 个）`,
    });
    return { email: target.email, count };
  });
}

/**
 * An editor's own password change: the current password is required, the new
 * one follows the rule, and every other session of theirs ends (this one stays).
 */
export async function changeOwnPassword(
  db: PrismaClient,
  user: SessionUser,
  input: z.output<typeof ownPasswordSchema>,
  currentToken: string | undefined,
): Promise<void> {
  const row = await db.user.findUnique({ where: { id: user.id } });
  if (!row || !(await verifyPassword(row.passwordHash, input.currentPassword)))
    throw InputError.on("currentPassword", "现在的密码不正确。");
  const ownWords = z.object({ password: z.string() }).superRefine((value, context) => {
    checkPasswordAgainst(value.password, [row.email, row.name], context);
  });
  const checked = ownWords.safeParse({ password: input.password });
  if (!checked.success) throw InputError.on("password", checked.error.issues[0]!.message);
  if (await verifyPassword(row.passwordHash, input.password))
    throw InputError.on("password", "新密码不能和现在的一样。");
  const passwordHash = await hashPassword(input.password);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
    await endUserSessions(tx, user.id, currentToken);
    await audit(tx, {
      userId: user.id,
      action: "password",
      entityType: "user",
      entityId: user.id,
      summary: `${row.email} 修改了自己的密码，并结束了其他登录`,
    });
  });
}

/** Ends one of the caller's own sessions (another browser); audited. */
export async function endOwnSessionAudited(
  db: PrismaClient,
  user: SessionUser,
  input: z.output<typeof sessionRef>,
): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.session.deleteMany({ where: { id: input.sessionId, userId: user.id } });
    if (count)
      await audit(tx, {
        userId: user.id,
        action: "revoke",
        entityType: "user",
        entityId: user.id,
        summary: `${user.email} 结束了自己的一个登录`,
      });
    return count > 0;
  });
}
