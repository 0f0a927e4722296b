// Creating accounts, shared by the CLI, the demo script and the admin's user screen.
import { z } from "zod";
import type { PrismaClient } from "../db/client";
import { isEmbedded } from "../db/url";
import { hashPassword } from "./password";
import { checkPasswordAgainst, newPasswordField } from "./password-policy";

export const emailField = z.string().trim().toLowerCase().email("请输入有效的邮箱地址").max(200);
export const nameField = z.string().trim().min(1, "请填写姓名").max(100);
export const roleField = z.enum(["ADMIN", "EDITOR"], "请选择角色");

export const newUserSchema = z
  .object({ email: emailField, name: nameField, password: newPasswordField, role: roleField })
  .superRefine((input, context) => checkPasswordAgainst(input.password, [input.email, input.name], context));
export type NewUser = z.infer<typeof newUserSchema>;

/** Stores a validated new account (the password rule is newUserSchema's). */
export async function createUser(prisma: Pick<PrismaClient, "user">, input: NewUser) {
  return prisma.user.create({
    data: { email: input.email, name: input.name, role: input.role, passwordHash: await hashPassword(input.password) },
    select: { id: true, email: true, name: true, role: true },
  });
}

/** The documented demo account: it exists only on the embedded database of `npm run demo`. */
export const DEMO_ACCOUNT = {
  email: "demo@banmian.local",
  password: "banmian-demo",
  name: "演示编辑",
  role: "ADMIN",
} as const;

export function isDemoAccount(email: string): boolean {
  return email.trim().toLowerCase() === DEMO_ACCOUNT.email;
}

export type DemoAccountResult = { created: boolean; email: string } | { refused: "not-embedded" };

/**
 * Creates the demo account (demo@banmian.local / banmian-demo, role admin) if
 * it is missing — only on the embedded database. A real database (DATABASE_URL
 * set) never gets it, and it cannot sign in there (lib/auth/login.ts).
 */
export async function ensureDemoAccount(
  prisma: Pick<PrismaClient, "user">,
  embedded = isEmbedded(),
): Promise<DemoAccountResult> {
  if (!embedded) return { refused: "not-embedded" };
  const existing = await prisma.user.findUnique({ where: { email: DEMO_ACCOUNT.email } });
  if (existing) return { created: false, email: DEMO_ACCOUNT.email };
  // The demo password is public and deliberately exempt from the password rule.
  await createUser(prisma, { ...DEMO_ACCOUNT });
  return { created: true, email: DEMO_ACCOUNT.email };
}
