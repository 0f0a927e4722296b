// Login throttling and the session cookie through the real server (server.mjs):
// a forged X-Forwarded-For does not give an attacker fresh addresses, and the
// cookie carries the flags and the expiry the server keeps.
import { alerts, expect, logInThroughForm, test } from "../admin/fixtures";
import { SESSION_COOKIE } from "../../lib/auth/session-cookie";
import { THROTTLE } from "../../lib/auth/throttle";

test.skip(({ isMobile }) => isMobile, "server behaviour, checked once");
test.describe.configure({ mode: "serial" });

test.afterEach(async ({ db }) => {
  // This address (127.0.0.1) is every browser test's: leave no lock behind.
  await db.loginThrottle.deleteMany({});
});

test("a forged X-Forwarded-For does not reset the address's counter", async ({ page, editor, db }) => {
  test.setTimeout(180_000);
  await page.goto("/admin/login");
  for (let i = 0; i < THROTTLE.ipFreeAttempts; i++) {
    // A new "address" on every attempt, and a new account, as a password-spraying script would send.
    await page.setExtraHTTPHeaders({ "X-Forwarded-For": `198.51.100.${i + 1}`, "X-Real-IP": `198.51.100.${i + 1}` });
    await logInThroughForm(page, { email: `spray-${i}@e2e.banmian.local`, password: "Winter2026!" });
    await expect(page.getByRole("button", { name: "登录", exact: true })).toBeEnabled({ timeout: 30_000 });
    await expect(alerts(page)).toBeVisible();
  }
  await page.setExtraHTTPHeaders({ "X-Forwarded-For": "198.51.100.250" });
  await logInThroughForm(page, editor);
  await expect(alerts(page)).toContainText("登录失败次数过多", { timeout: 30_000 });
  const rows = await db.loginThrottle.findMany({ where: { key: { startsWith: "ip:" } } });
  expect(rows.map((row) => row.key)).toEqual(["ip:127.0.0.1"]);
});

test("the session cookie is __Host-, Secure, HttpOnly, SameSite=Lax and expires with the server's session", async ({
  page,
  context,
  editor,
  db,
}) => {
  await page.goto("/admin/login");
  await logInThroughForm(page, editor);
  await expect(page).toHaveURL(/\/admin$/, { timeout: 30_000 });
  const cookie = (await context.cookies()).find((c) => c.name === SESSION_COOKIE);
  expect(cookie).toMatchObject({ secure: true, httpOnly: true, sameSite: "Lax", path: "/" });
  const session = await db.session.findFirstOrThrow({ where: { userId: editor.id }, orderBy: { id: "desc" } });
  expect(Math.abs(cookie!.expires * 1000 - session.expiresAt.getTime())).toBeLessThan(2000);

  // Two days later (moved in the database), any admin write renews the session; the cookie follows.
  const day = 24 * 60 * 60 * 1000;
  await db.session.update({
    where: { id: session.id },
    data: { createdAt: new Date(Date.now() - 2 * day), expiresAt: new Date(Date.now() + day) },
  });
  await page.goto("/admin/account");
  await page.getByLabel("现在的密码").fill("not the password");
  await page.getByLabel("新密码", { exact: true }).fill("x");
  await page.getByLabel("再输入一次新密码").fill("x");
  await page.getByRole("button", { name: "修改密码" }).click();
  await expect(alerts(page).first()).toBeVisible();
  const renewed = await db.session.findUniqueOrThrow({ where: { id: session.id } });
  expect(renewed.expiresAt.getTime()).toBeGreaterThan(Date.now() + 6 * day);
  const after = (await context.cookies()).find((c) => c.name === SESSION_COOKIE);
  expect(Math.abs(after!.expires * 1000 - renewed.expiresAt.getTime())).toBeLessThan(2000);
});

test("behind a proxy that passes on its own Host and plain http, the cookie is still __Host- and Secure", async ({
  page,
  editor,
  signIn,
  db,
}) => {
  // nginx's `proxy_pass http://127.0.0.1:3000` without `proxy_set_header Host`: the app sees an internal
  // host over http. Deriving Secure from the request dropped it there; the cookie must not depend on it.
  await signIn(editor);
  const session = await db.session.findFirstOrThrow({ where: { userId: editor.id }, orderBy: { id: "desc" } });
  const day = 24 * 60 * 60 * 1000;
  // Old enough that the next admin request renews it, so the server sends the cookie again.
  await db.session.update({
    where: { id: session.id },
    data: { createdAt: new Date(Date.now() - 2 * day), expiresAt: new Date(Date.now() + day) },
  });
  const response = await page.request.post("/api/admin/import", {
    headers: { Host: "127.0.0.1:3000", "X-Forwarded-Proto": "http", "Content-Type": "application/zip" },
    data: Buffer.from("not a zip"),
  });
  expect(response.status()).toBe(422);
  const cookie = response.headersArray().find((header) => header.name.toLowerCase() === "set-cookie")?.value ?? "";
  expect(cookie).toMatch(new RegExp(`^${SESSION_COOKIE}=`));
  const attributes = cookie.split(";").map((part) => part.trim().toLowerCase());
  expect(attributes).toEqual(expect.arrayContaining(["secure", "httponly", "path=/", "samesite=lax"]));
  expect(attributes.some((attribute) => attribute.startsWith("domain="))).toBe(false);
});
