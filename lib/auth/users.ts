// Creating accounts, shared by the CLI, the demo script and the admin's user screen.
import { z } from "zod";
import type { PrismaClient } from "../db/client";
import { MIN_PASSWORD_LENGTH, hashPassword } from "./password";

export const newUserSchema = z.object({
  email: z.string().trim().toLowerCase().email("请输入有效的邮箱地址").max(200),
  name: z.string().trim().min(1, "请填写姓名").max(100),
  password: z.string().min(MIN_PASSWORD_LENGTH, `密码至少 ${MIN_PASSWORD_LENGTH} 个字符`).max(200),
  role: z.enum(["ADMIN", "EDITOR"]),
});
export type NewUser = z.infer<typeof newUserSchema>;

export async function createUser(prisma: PrismaClient, input: NewUser) {
  return prisma.user.create({
    data: { email: input.email, name: input.name, role: input.role, passwordHash: await hashPassword(input.password) },
    select: { id: true, email: true, name: true, role: true },
  });
}

export const DEMO_ACCOUNT = {
  email: "demo@banmian.local",
  password: "banmian-demo",
  name: "演示编辑",
  role: "ADMIN",
} as const;

/** Creates the documented demo account (demo@banmian.local / banmian-demo, role admin) if it is missing. For demos only. */
export async function ensureDemoAccount(prisma: PrismaClient): Promise<{ created: boolean; email: string }> {
  const existing = await prisma.user.findUnique({ where: { email: DEMO_ACCOUNT.email } });
  if (existing) return { created: false, email: DEMO_ACCOUNT.email };
  await createUser(prisma, { ...DEMO_ACCOUNT });
  return { created: true, email: DEMO_ACCOUNT.email };
}
