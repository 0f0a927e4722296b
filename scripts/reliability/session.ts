// The harness's editor: an account made through the auth module and signed in
// through the real login form in Chromium, so the harness uses whatever cookie
// the app sets (its name and flags belong to the app, not to the harness).
import { randomBytes } from "node:crypto";
import type { Browser } from "@playwright/test";
import type { PrismaClient } from "../../lib/db/client";
import { createUser } from "../../lib/auth/users";

export type Cookie = { name: string; value: string };

export type Account = { email: string; password: string };

export async function createAccount(prisma: PrismaClient, role: "ADMIN" | "EDITOR" = "ADMIN"): Promise<Account> {
  const suffix = randomBytes(6).toString("hex");
  const account = {
    email: `rel-${suffix}@reliability.banmian.local`,
    password: `Kq7-${randomBytes(9).toString("base64url")}-海城`,
  };
  await createUser(prisma, { ...account, name: "可靠性测试", role });
  return account;
}

/** Signs in through /admin/login and returns the session cookie the app set. */
export async function signIn(browser: Browser, base: string, account: Account): Promise<Cookie> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${base}/admin/login`);
    await page.getByLabel("邮箱").fill(account.email);
    await page.getByLabel("密码").fill(account.password);
    await page.getByRole("button", { name: "登录" }).click();
    await page.waitForURL((url) => !url.pathname.startsWith("/admin/login"), { timeout: 30_000 });
    const cookie = (await context.cookies()).find((c) => c.httpOnly && /session/i.test(c.name));
    if (!cookie) throw new Error("signed in, but no session cookie was set");
    return { name: cookie.name, value: cookie.value };
  } finally {
    await context.close();
  }
}

/** A signed-in editor whose session can be replaced when a fuzz case ends it. */
export async function editorSession(prisma: PrismaClient, browser: Browser, base: string) {
  let cookie = await signIn(browser, base, await createAccount(prisma));
  return {
    current: () => cookie,
    cookie: () => `${cookie.name}=${cookie.value}`,
    renew: async () => {
      cookie = await signIn(browser, base, await createAccount(prisma));
    },
  };
}
