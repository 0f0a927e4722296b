// Fixtures for the admin's browser tests: accounts made through the auth
// module under names unique per worker, signed in through the login form or
// directly with a session cookie; a Prisma client to check what was stored.
import { test as base, expect, type Page } from "@playwright/test";
import { createHash } from "node:crypto";
import sharp from "sharp";
import { createPrismaClient, type PrismaClient } from "../../lib/db/client";
import { createSessionRecord, SESSION_COOKIE } from "../../lib/auth/sessions";
import { createUser } from "../../lib/auth/users";

export type Account = { id: number; email: string; password: string; name: string; role: "ADMIN" | "EDITOR" };

type Fixtures = {
  db: PrismaClient;
  editor: Account;
  admin: Account;
  /** Signs `account` in by cookie (fast), for tests that are not about the login itself. */
  signIn: (account: Account) => Promise<void>;
};

let counter = 0;

async function makeAccount(db: PrismaClient, role: "ADMIN" | "EDITOR", workerIndex: number): Promise<Account> {
  const suffix = `${workerIndex}-${process.pid}-${Date.now()}-${counter++}`;
  const account = {
    email: `${role.toLowerCase()}-${suffix}@e2e.banmian.local`,
    password: `pass-${suffix}`,
    name: role === "ADMIN" ? "测试管理员" : "测试编辑",
    role,
  };
  const user = await createUser(db, account);
  return { ...account, id: user.id };
}

export const test = base.extend<Fixtures, { workerDb: PrismaClient }>({
  workerDb: [
    async ({}, use) => {
      const db = createPrismaClient();
      await use(db);
      await db.$disconnect();
    },
    { scope: "worker" },
  ],
  db: async ({ workerDb }, use) => use(workerDb),
  editor: async ({ db }, use, testInfo) => {
    const account = await makeAccount(db, "EDITOR", testInfo.workerIndex);
    await use(account);
    await db.user.delete({ where: { id: account.id } }).catch(() => undefined);
  },
  admin: async ({ db }, use, testInfo) => {
    const account = await makeAccount(db, "ADMIN", testInfo.workerIndex);
    await use(account);
    await db.user.delete({ where: { id: account.id } }).catch(() => undefined);
  },
  signIn: async ({ db, context, baseURL }, use) => {
    await use(async (account) => {
      const { token, expiresAt } = await createSessionRecord(db, account.id);
      await context.addCookies([sessionCookie(baseURL!, token, expiresAt)]);
    });
  },
});

export { expect };

/**
 * The session cookie as the server sets it, for context.addCookies. The __Host- name needs Secure, which
 * Chromium only lets a test set for an https URL; the browser then sends it to http://127.0.0.1 as well
 * (loopback counts as secure), exactly like the cookie the server sets.
 */
export function sessionCookie(baseURL: string, token: string, expiresAt?: Date) {
  const url = new URL(baseURL);
  url.protocol = "https:";
  return {
    name: SESSION_COOKIE,
    value: token,
    url: url.origin,
    secure: true,
    httpOnly: true,
    sameSite: "Lax" as const,
    ...(expiresAt ? { expires: Math.floor(expiresAt.getTime() / 1000) } : {}),
  };
}

export async function logInThroughForm(page: Page, account: Pick<Account, "email" | "password">): Promise<void> {
  await page.getByLabel("邮箱").fill(account.email);
  await page.getByLabel("密码").fill(account.password);
  await page.getByRole("button", { name: "登录" }).click();
}

/** A page image with some structure (so derived sizes are real images), as PNG bytes. */
export async function pageImage(width = 1200, height = 1700, colour = "#f4efe4"): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="${colour}"/><rect x="60" y="60" width="${width - 120}" height="160" fill="#a4161a"/><rect x="60" y="300" width="${width / 2 - 90}" height="${height / 2}" fill="#ccc"/></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

/**
 * The publication every admin test builds its editions in. It is not the
 * default one, so what the admin tests create and publish never becomes the
 * reader's newest edition that the reader specs read.
 */
export const E2E_PUBLICATION = { slug: "e2e-admin", name: "测试晚报" };
export async function e2ePublication(db: PrismaClient) {
  return db.publication.upsert({
    where: { slug: E2E_PUBLICATION.slug },
    update: {},
    create: { ...E2E_PUBLICATION, description: "管理端浏览器测试用" },
  });
}

/**
 * A date far from the seed's editions, unique to the calling test, its project and its retry, e.g. "4187-03-07".
 * Derived from the test's identity (not a hand-picked offset, which two specs once shared), so a retry or a
 * restarted worker never collides with an edition an earlier attempt created. `offsetDays` tells apart
 * several dates one test needs. Dates stay within what the reader's URLs accept (1800–9999).
 */
const RUN_DAY = Number(process.env.E2E_RUN_DAY ?? Math.floor(Date.now() / 1000) % 3000);
const SLOTS = 800_000;
export function uniqueDate(offsetDays = 0): string {
  const info = base.info();
  const identity = [RUN_DAY, info.project.name, info.repeatEachIndex, ...info.titlePath, offsetDays].join("\u0000");
  const slot = Number.parseInt(createHash("sha256").update(identity).digest("hex").slice(0, 12), 16) % SLOTS;
  const day = slot * 3 + Math.min(info.retry, 2);
  return new Date(Date.UTC(2030, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screenshots/admin-${name}.png`, fullPage: true });
}

/** The app's own alerts (Next.js adds an empty route announcer with role="alert" too). */
export function alerts(page: Page) {
  return page.locator('[role="alert"]:not(#__next-route-announcer__)');
}
