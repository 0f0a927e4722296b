// Screenshots of every admin screen at laptop and phone size (test-results/screenshots/admin-*.png),
// and a check that none of them needs sideways scrolling on a phone.
import { expect, screenshot, test } from "./fixtures";

test("every admin screen renders at this size", async ({ page, admin, signIn, db }, testInfo) => {
  test.setTimeout(90_000);
  await signIn(admin);
  const article = await db.article.findFirstOrThrow({
    where: { page: { edition: { status: "DRAFT" }, imageKey: { not: null } } },
    include: { page: true },
    orderBy: { id: "asc" },
  });
  const { editionId } = article.page;
  const screens: [string, string][] = [
    ["editions", "/admin"],
    ["edition-new", "/admin/editions/new"],
    ["edition", `/admin/editions/${editionId}`],
    ["audit", `/admin/editions/${editionId}/audit`],
    ["page", `/admin/editions/${editionId}/pages/${article.pageId}`],
    ["paste", `/admin/editions/${editionId}/pages/${article.pageId}/paste`],
    ["article-new", `/admin/editions/${editionId}/pages/${article.pageId}/articles/new`],
    ["article", `/admin/editions/${editionId}/pages/${article.pageId}/articles/${article.id}`],
    ["preview", `/admin/editions/${editionId}/preview`],
    ["import", "/admin/import"],
    ["users", "/admin/users"],
    ["account", "/admin/account"],
    ["publications", "/admin/publications"],
  ];
  const size = testInfo.project.name;
  for (const [name, url] of screens) {
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(200);
    await expect(page.locator("main, #main").first()).toBeVisible();
    await page.waitForLoadState("networkidle");
    await screenshot(page, `${name}-${size}`);
    if (size === "phone" && name !== "preview") {
      // The admin's own screens fit a phone; the preview shows the reader's layout, tested by the reader's specs.
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth),
        `${url} fits the screen`,
      ).toBeLessThanOrEqual(376);
    }
  }
});
