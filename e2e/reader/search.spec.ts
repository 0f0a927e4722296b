// The reader's search: from the header's box to the results, the opened
// article with the words marked, and the page with the article's region outlined.
import { articleUrl, expect, pageUrl, shortcutsReady, test } from "./fixtures";

test.describe("search", () => {
  test("search box → results → highlighted article → region outlined on the page → back", async ({
    page,
    latest,
    shot,
    isMobile,
  }) => {
    test.setTimeout(120_000); // six navigations; a shared machine under load is slow
    const target = latest.pages[0].articles[0];
    await page.goto(pageUrl(latest.date, latest.pages[0].code));
    const box = page.getByRole("searchbox", { name: "搜索报纸" });
    if (isMobile) {
      await box.fill(target.title);
    } else {
      await shortcutsReady(page);
      await page.keyboard.press("/");
      await expect(box).toBeFocused();
      await box.fill(target.title);
    }
    await box.press("Enter");
    await expect(page).toHaveURL(/\/search\?q=/);
    await expect(page.getByRole("heading", { name: /找到 \d+ 篇文章/ })).toBeVisible();

    // The sample archive repeats titles across days: narrow to the newest edition.
    await page.getByText("筛选与排序").click();
    await page.getByLabel("只搜某一期").fill(latest.date);
    await page.getByRole("button", { name: "搜索", exact: true }).last().click();
    await expect(page).toHaveURL(new RegExp(`date=${latest.date}`));
    const results = page.getByTestId("search-results");
    const hit = results.getByRole("link", { name: target.title, exact: true }).first();
    await expect(hit.locator("mark").first()).toBeVisible();
    await shot("search-results");

    await hit.click();
    await expect(page).toHaveURL(new RegExp(`${articleUrl(latest.date, target.pageCode, target.position)}\\?q=`));
    // The title's words are marked in the opened article.
    await expect(page.locator("#main article mark[data-search-hit]").first()).toBeVisible();
    // The article page has two live regions (this banner and the share row's "已复制"): name the banner.
    await expect(page.locator("[data-search-banner]")).toContainText("文中的搜索词已标出");
    await shot("search-article");

    await page.getByRole("link", { name: "在版面上查看" }).click();
    await expect(page).toHaveURL(new RegExp(`${pageUrl(latest.date, target.pageCode)}\\?q=.*hl=${target.position}`));
    const region = page.locator(`[data-region="${target.position}"]`).first();
    await expect(region).toHaveAttribute("data-search-hit", "");
    await shot("search-page-region");

    await page.getByRole("link", { name: "返回搜索结果" }).click();
    await expect(page).toHaveURL(new RegExp(`/search\\?.*date=${latest.date}`));
    await expect(results.getByRole("link", { name: target.title, exact: true }).first()).toBeVisible();
  });

  test("drafts are not found; publishing and unpublishing change the results at once", async ({
    page,
    prisma,
    latest,
  }) => {
    test.setTimeout(90_000);
    const title = `草稿独家报道${Date.now().toString(36).replace(/\d/g, "")}`;
    const edition = await prisma.edition.create({
      data: {
        publicationId: (await prisma.publication.findFirstOrThrow({ where: { slug: "haicheng" } })).id,
        issueDate: new Date("1999-01-01T00:00:00Z"),
        issueNumber: 1,
        status: "DRAFT",
        pages: { create: { code: "a01", sortOrder: 1, name: "头版", articles: { create: { sortOrder: 1, title } } } },
      },
    });
    try {
      const url = `/search?q=${encodeURIComponent(`标题:"${title}"`)}`;
      await page.goto(url);
      await expect(page.getByRole("heading", { name: "没有找到相关文章" })).toBeVisible();
      await prisma.edition.update({ where: { id: edition.id }, data: { status: "PUBLISHED" } });
      await page.goto(url);
      await expect(page.getByRole("heading", { name: "找到 1 篇文章" })).toBeVisible();
      await prisma.edition.update({ where: { id: edition.id }, data: { status: "DRAFT" } });
      await page.goto(url);
      await expect(page.getByRole("heading", { name: "没有找到相关文章" })).toBeVisible();
    } finally {
      await prisma.edition.delete({ where: { id: edition.id } });
    }
    expect(latest.pages.length).toBeGreaterThan(0);
  });

  test("bad queries get a message or no results, never an error page", async ({ request, isMobile }) => {
    test.skip(isMobile, "server behaviour, once");
    const queries = [
      "",
      "字".repeat(1000),
      "，。！？、",
      '"未闭合的引号',
      "'; DROP TABLE articles; --",
      ".*[(\\",
      "a:* & !b <-> c",
      "%00",
    ];
    for (const q of queries) {
      for (const extra of ["", "&from=not-a-date&page=-3&sort=x", "&page=99999&ban=" + "版".repeat(300)]) {
        const response = await request.get(`/search?q=${encodeURIComponent(q)}${extra}`);
        expect(response.status(), `q=${q.slice(0, 20)} ${extra}`).toBe(200);
      }
    }
    const long = await request.get(`/search?q=${encodeURIComponent("字".repeat(1000))}`);
    expect(await long.text()).toContain("搜索词太长");
  });
});
