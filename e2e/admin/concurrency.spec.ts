// Two editors at once: a page rename, a publish and the regions of a page
// based on an older version are not written over the other editor's change;
// the second editor sees what the first one did.
import type { Browser } from "@playwright/test";
import type { PrismaClient } from "../../lib/db/client";
import { e2ePublication, expect, screenshot, sessionCookie, test, uniqueDate, type Account } from "./fixtures";

test.skip(({ isMobile }) => isMobile, "desktop; two windows side by side");

async function tab(browser: Browser, db: PrismaClient, baseURL: string, account: Account, url: string) {
  const { createSessionRecord } = await import("../../lib/auth/sessions");
  const context = await browser.newContext({ baseURL });
  const { token } = await createSessionRecord(db, account.id);
  await context.addCookies([sessionCookie(baseURL, token)]);
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

async function draft(db: PrismaClient, offset: number, image = false) {
  const publication = await e2ePublication(db);
  const source = image ? await db.page.findFirstOrThrow({ where: { imageKey: { not: null } } }) : null;
  const edition = await db.edition.create({
    data: {
      publicationId: publication.id,
      issueDate: new Date(`${uniqueDate(offset)}T00:00:00Z`),
      issueNumber: offset,
    },
  });
  const page = await db.page.create({
    data: {
      editionId: edition.id,
      code: "A01",
      name: "头版",
      sortOrder: 1,
      ...(source
        ? {
            imageKey: source.imageKey,
            imageWidth: source.imageWidth,
            imageHeight: source.imageHeight,
            imageVariants: source.imageVariants ?? [],
          }
        : {}),
    },
  });
  return { edition, page };
}

test("a page renamed by someone else meanwhile: the second rename shows theirs and writes nothing", async ({
  browser,
  editor,
  admin,
  db,
  baseURL,
}) => {
  const { edition, page: row } = await draft(db, 140);
  const url = `/admin/editions/${edition.id}/pages/${row.id}`;
  const first = await tab(browser, db, baseURL!, editor, url);
  const second = await tab(browser, db, baseURL!, admin, url);
  await first.getByLabel("版名").fill("要闻");
  await first.getByRole("button", { name: "保存版面信息" }).click();
  await expect(first.getByText("版面信息已保存。")).toBeVisible();

  await second.getByLabel("版名").fill("综合");
  await second.getByRole("button", { name: "保存版面信息" }).click();
  await expect(second.getByText("没有保存：这个版面在你编辑期间被别人修改过。")).toBeVisible();
  await expect(second.getByTestId("conflict-theirs")).toContainText("要闻");
  await expect(second.getByLabel("版名")).toHaveValue("综合");
  await screenshot(second, "page-conflict-desktop");
  expect((await db.page.findUniqueOrThrow({ where: { id: row.id } })).name).toBe("要闻");
  // Having seen theirs, saving again is deliberate.
  await second.getByRole("button", { name: "保存版面信息" }).click();
  await expect(second.getByText("版面信息已保存。")).toBeVisible();
  expect((await db.page.findUniqueOrThrow({ where: { id: row.id } })).name).toBe("综合");
  await first.context().close();
  await second.context().close();
});

test("publishing an edition a colleague has just published changes nothing and says so", async ({
  browser,
  editor,
  admin,
  db,
  baseURL,
}) => {
  const { edition } = await draft(db, 141);
  const url = `/admin/editions/${edition.id}`;
  const first = await tab(browser, db, baseURL!, editor, url);
  const second = await tab(browser, db, baseURL!, admin, url);
  for (const window of [first, second]) await window.getByRole("button", { name: "发布本期" }).click();
  await first.getByRole("button", { name: "确认发布" }).click();
  await expect(first.getByText("本期已发布，读者现在可以看到。")).toBeVisible();
  const publishedAt = (await db.edition.findUniqueOrThrow({ where: { id: edition.id } })).publishedAt;

  await second.getByRole("button", { name: "确认发布" }).click();
  await expect(second.getByText("本期已经是发布状态")).toBeVisible();
  await screenshot(second, "publish-twice-desktop");
  expect((await db.edition.findUniqueOrThrow({ where: { id: edition.id } })).publishedAt).toEqual(publishedAt);
  expect(await db.auditEntry.count({ where: { editionId: edition.id, action: "publish" } })).toBe(1);
  await first.context().close();
  await second.context().close();
});

test("regions saved by someone else meanwhile: the second editor can load theirs or keep their own", async ({
  browser,
  editor,
  admin,
  db,
  baseURL,
}) => {
  const { edition, page: row } = await draft(db, 142, true);
  const article = await db.article.create({
    data: { pageId: row.id, sortOrder: 1, title: "头条", regions: [{ type: "rect", x: 100, y: 100, w: 200, h: 200 }] },
  });
  const url = `/admin/editions/${edition.id}/pages/${row.id}`;
  const first = await tab(browser, db, baseURL!, editor, url);
  const second = await tab(browser, db, baseURL!, admin, url);

  await first.getByTestId(`region-${article.id}-0`).click();
  await first.keyboard.press("Shift+ArrowRight");
  await first.getByRole("button", { name: "保存区域" }).click();
  await expect(first.getByText("区域已保存。")).toBeVisible();

  await second.getByTestId(`region-${article.id}-0`).click();
  await second.keyboard.press("Shift+ArrowDown");
  await second.getByRole("button", { name: "保存区域" }).click();
  await expect(second.getByText(/没有保存：.*修改了本版的区域或版面图/)).toBeVisible();
  await screenshot(second, "regions-conflict-desktop");
  // Nothing of the second editor's was written.
  expect((await db.article.findUniqueOrThrow({ where: { id: article.id } })).regions).toEqual([
    { type: "rect", x: 110, y: 100, w: 200, h: 200 },
  ]);
  await second.getByRole("button", { name: "载入对方的区域" }).click();
  await second.getByTestId(`region-${article.id}-0`).click();
  await expect(second.getByText("x 110, y 100, 宽 200, 高 200")).toBeVisible();
  await second.keyboard.press("ArrowDown");
  await second.getByRole("button", { name: "保存区域" }).click();
  await expect(second.getByText("区域已保存。")).toBeVisible();
  expect((await db.article.findUniqueOrThrow({ where: { id: article.id } })).regions).toEqual([
    { type: "rect", x: 110, y: 101, w: 200, h: 200 },
  ]);
  await first.context().close();
  await second.context().close();
});
