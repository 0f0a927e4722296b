// Operators run several app instances behind a load balancer. An editor's
// change saved through one instance must reach readers of another instance on
// their next request, though each instance caches reader views in memory.
import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, rmSync } from "node:fs";
import { test, expect } from "./admin/fixtures";

const SECOND_PORT = Number(process.env.E2E_PORT ?? 3100) + 50;
const second = `http://127.0.0.1:${SECOND_PORT}`;
const distDir = process.env.NEXT_DIST_DIR ?? ".next-e2e";
const secondDistDir = `${distDir}-second`;
let server: ChildProcess;

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({}, testInfo) => {
  if (testInfo.project.name !== "desktop") return;
  // Its own copy of the build, as on another machine: nothing shared but the database and storage.
  rmSync(secondDistDir, { recursive: true, force: true });
  cpSync(distDir, secondDistDir, { recursive: true });
  server = spawn("node", ["server.mjs", "-p", String(SECOND_PORT), "-H", "127.0.0.1"], {
    env: { ...process.env, NEXT_DIST_DIR: secondDistDir },
    stdio: "ignore",
    detached: true,
  });
  const deadline = Date.now() + 60_000;
  while (
    !(await fetch(second).then(
      (r) => r.ok,
      () => false,
    ))
  ) {
    if (Date.now() > deadline) throw new Error("second instance did not start");
    await new Promise((r) => setTimeout(r, 250));
  }
});

test.afterAll(() => {
  if (server?.pid) process.kill(-server.pid, "SIGTERM");
  rmSync(secondDistDir, { recursive: true, force: true });
});

test("a title changed on one instance is read on the other", async ({
  page,
  request,
  editor,
  signIn,
  db,
}, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "one run is enough");
  const newest = await db.edition.findFirstOrThrow({
    where: { status: "PUBLISHED", publication: { isDefault: true } },
    orderBy: { issueDate: "desc" },
  });
  const today = newest.issueDate.toISOString().slice(0, 10);
  const article = await db.article.findFirstOrThrow({
    where: { page: { code: "a03", editionId: newest.id }, sortOrder: 2 },
    include: { page: true },
  });
  const url = `${second}/${today}/a03/2`;
  // Read it on the second instance first, so that it is cached there.
  expect(await (await request.get(url)).text()).toContain(article.title);
  expect(await (await request.get(url)).text()).toContain(article.title);

  await signIn(editor);
  await page.goto(`/admin/editions/${article.page.editionId}/pages/${article.pageId}/articles/${article.id}`);
  const newTitle = `多实例更新${Date.now()}`;
  await page.getByLabel("标题", { exact: true }).fill(newTitle);
  await page.getByRole("button", { name: "保存文章" }).click();
  await expect(page.getByText("已保存。")).toBeVisible();

  // Instances look for each other's invalidations once a second (CACHE_SYNC_MS).
  await expect
    .poll(async () => (await (await request.get(url)).text()).includes(newTitle), { timeout: 10_000, intervals: [500] })
    .toBe(true);
  // Put the title back the way an editor would, so the readers' caches forget the test's title too.
  await page.reload();
  await page.getByLabel("标题", { exact: true }).fill(article.title);
  await page.getByRole("button", { name: "保存文章" }).click();
  await expect(page.getByText("已保存。")).toBeVisible();
});
