// Every admin route, server action and API handler, listed from the code
// itself (so a new one cannot be forgotten), must refuse an anonymous visitor
// and a signed-in user without the role.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { SESSION_COOKIE } from "../../lib/auth/session-cookie";
import { expect, sessionCookie, test } from "./fixtures";

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? walk(full) : [full.split(path.sep).join("/")];
  });
}

/** Admin-only parts of the admin: accounts and publications. Everything else needs an editor (or admin). */
const needsAdmin = (file: string) => /\/admin\/(users|publications)\//.test(file);
/** Open to anonymous visitors on purpose: the login itself, and the static "no permission" message. */
const PUBLIC_ROUTES = new Set(["/admin/login", "/admin/forbidden"]);
const PUBLIC_ACTIONS = new Set(["app/(admin)/admin/login/actions.ts#login"]);

const routeFiles = walk("app/(admin)").filter((file) => file.endsWith("/page.tsx"));
const routes = routeFiles.map((file) => ({
  file,
  pattern:
    file
      .replace(/^app/, "")
      .replace(/\/\([^)]+\)/g, "")
      .replace(/\/page\.tsx$/, "") || "/",
}));
const actions = walk("app/(admin)")
  .filter((file) => /\/actions\.ts$/.test(file))
  .flatMap((file) =>
    // Plain async functions and the ones made by the action helper (export const x = adminAction(…)).
    [...readFileSync(file, "utf8").matchAll(/^export (?:async function (\w+)|const (\w+) = admin\w*\()/gm)].map(
      (match) => ({ file, name: match[1] ?? match[2] }),
    ),
  );
const handlers = walk("app/api/admin")
  .filter((file) => file.endsWith("/route.ts"))
  .flatMap((file) =>
    [
      ...readFileSync(file, "utf8").matchAll(
        /^export (?:async function (GET|POST|PUT|PATCH|DELETE)\b|const (GET|POST|PUT|PATCH|DELETE) = admin\w*\()/gm,
      ),
    ].map((match) => ({
      file,
      method: match[1] ?? match[2],
      pattern: file.replace(/^app/, "").replace(/\/route\.ts$/, ""),
    })),
  );

test.describe.configure({ mode: "serial" });
test.skip(({ isMobile }) => isMobile, "checked once, at desktop size");

test("the lists built from the code are not empty", () => {
  // Protects against the globbing silently finding nothing (which would make every check below pass vacuously).
  expect(routes.length).toBeGreaterThan(8);
  expect(actions.length).toBeGreaterThan(15);
  expect(handlers.length).toBeGreaterThan(0);
});

async function sampleIds(db: import("../../lib/db/client").PrismaClient) {
  const article = await db.article.findFirstOrThrow({ include: { page: true }, orderBy: { id: "asc" } });
  return { editionId: String(article.page.editionId), pageId: String(article.pageId), articleId: String(article.id) };
}

function fill(pattern: string, ids: Record<string, string>): string {
  return pattern.replace(/\[(\w+)\]/g, (_, name: string) => ids[name] ?? "1");
}

test("every admin route sends anonymous visitors and forged or expired sessions to the login", async ({
  page,
  db,
  context,
  baseURL,
}) => {
  const ids = await sampleIds(db);
  for (const route of routes.filter((r) => !PUBLIC_ROUTES.has(r.pattern))) {
    const url = fill(route.pattern, ids);
    const response = await page.request.get(url, { maxRedirects: 0, headers: { cookie: "" } });
    expect(response.status(), `${route.file} anonymous`).toBe(307);
    expect(response.headers().location, route.file).toContain(`/admin/login?next=${encodeURIComponent(url)}`);
  }
  // A cookie that is not a valid session passes the early check in proxy.ts, so this reaches requireUser() in the route.
  await context.addCookies([sessionCookie(baseURL!, "forged-or-expired")]);
  for (const route of routes.filter((r) => !PUBLIC_ROUTES.has(r.pattern))) {
    const url = fill(route.pattern, ids);
    await page.goto(url);
    await expect(page, route.file).toHaveURL(
      new RegExp(`/admin/login\\?next=${encodeURIComponent(url).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`),
    );
  }
});

test("admin-only routes refuse an editor, who can still use the rest", async ({ page, db, editor, signIn }) => {
  const ids = await sampleIds(db);
  await signIn(editor);
  for (const route of routes.filter((r) => !PUBLIC_ROUTES.has(r.pattern))) {
    const url = fill(route.pattern, ids);
    await page.goto(url);
    if (needsAdmin(route.file)) await expect(page, route.file).toHaveURL(/\/admin\/forbidden$/);
    // Allowed through: it stays at the route (or goes deeper, e.g. the preview opening its first page).
    else
      await expect(page, route.file).toHaveURL(new RegExp(`${url.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(/[^/]+)?$`));
    // The preview's redirect to its first page can arrive after "load" (a streamed response redirects in the
    // browser): the next page.goto then raced it and failed with net::ERR_ABORTED (CI of 15c850e, once).
    await page.waitForLoadState("networkidle");
  }
});

test("every server action refuses anonymous callers and the wrong role, and changes nothing", async ({
  page,
  db,
  editor,
  signIn,
}) => {
  const manifest = JSON.parse(
    readFileSync(path.join(process.env.NEXT_DIST_DIR ?? ".next", "server/server-reference-manifest.json"), "utf8"),
  ) as {
    node: Record<string, { filename?: string; exportedName?: string }>;
  };
  const idOf = (file: string, name: string) =>
    Object.entries(manifest.node).find(([, entry]) => entry.filename === file && entry.exportedName === name)?.[0];
  const auditBefore = await db.auditEntry.count();
  const call = (id: string, cookie: string) =>
    page.request.post("/admin", {
      headers: { "Next-Action": id, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component", cookie },
      data: "[]",
      maxRedirects: 0,
    });

  for (const action of actions) {
    const key = `${action.file}#${action.name}`;
    if (PUBLIC_ACTIONS.has(key)) continue;
    const id = idOf(action.file, action.name);
    expect(id, `${key} is in the build's server-reference manifest`).toBeTruthy();
    const anonymous = await call(id!, `${SESSION_COOKIE}=forged`);
    expect(anonymous.headers()["x-action-redirect"] ?? "", `${key} anonymous`).toMatch(/^\/admin\/login/);
  }
  await signIn(editor);
  const cookies = await page.context().cookies();
  const session = cookies.find((cookie) => cookie.name === SESSION_COOKIE)!;
  for (const action of actions.filter((a) => needsAdmin(a.file))) {
    const response = await call(idOf(action.file, action.name)!, `${SESSION_COOKIE}=${session.value}`);
    expect(response.headers()["x-action-redirect"] ?? "", `${action.file}#${action.name} as editor`).toMatch(
      /^\/admin\/forbidden/,
    );
  }
  // Every mutation writes an audit entry; none may have run.
  expect(await db.auditEntry.count()).toBe(auditBefore);
});

test("every admin API handler answers 401 to anonymous callers", async ({ page, db }) => {
  const ids = await sampleIds(db);
  for (const handler of handlers) {
    const response = await page.request.fetch(fill(handler.pattern, ids), {
      method: handler.method,
      headers: { cookie: "" },
      data: "x",
    });
    expect(response.status(), `${handler.method} ${handler.file}`).toBe(401);
  }
});
