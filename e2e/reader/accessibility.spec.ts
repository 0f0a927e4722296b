import { addDays } from "../../lib/sample/dates";
import { articleUrl, checkAxe, expect, longestChain, pageUrl, screenshot, test } from "./fixtures";

test.describe("semantics, accessibility and reading comfort", () => {
  test("zero axe violations on every view, in light and dark", async ({ browser, latest }, testInfo) => {
    test.setTimeout(120_000); // twelve views, each analysed by axe
    const chain = longestChain(latest);
    const views: [string, string][] = [
      ["page", pageUrl(latest.date, "a01")],
      ["article", articleUrl(latest.date, "a01", 1)],
      ["article-part", articleUrl(latest.date, chain[1].pageCode, chain[1].position)],
      ["article-joined", `${articleUrl(latest.date, chain[0].pageCode, chain[0].position)}/full`],
      ["archive", "/archive"],
      ["not-found", `/${addDays(latest.date, 1)}/a01`],
    ];
    for (const theme of ["light", "dark"] as const) {
      const { baseURL, viewport, isMobile, hasTouch, locale, timezoneId, userAgent, deviceScaleFactor } =
        testInfo.project.use;
      const context = await browser.newContext({
        baseURL,
        viewport,
        isMobile,
        hasTouch,
        locale,
        timezoneId,
        userAgent,
        deviceScaleFactor,
        colorScheme: theme,
      });
      // The chosen theme (as the toggle stores it); following the system is tested below.
      await context.addInitScript((value) => localStorage.setItem("banmian.theme", value), theme);
      const page = await context.newPage();
      for (const [name, url] of views) {
        await page.goto(url);
        await expect(page.locator("html")).toHaveAttribute("data-theme", theme);
        await checkAxe(page);
        if (theme === "dark") await screenshot(page, testInfo, `dark-${name}`);
      }
      await page.goto(pageUrl(latest.date, "a01"));
      await page.locator("dialog").evaluate((dialog: HTMLDialogElement) => dialog.showModal());
      await checkAxe(page);
      await context.close();
    }
  });

  test("landmarks, headings and the article element make sense", async ({ page, latest }) => {
    await page.goto(articleUrl(latest.date, "a01", 1));
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    await expect(page.getByRole("banner")).toHaveCount(1);
    await expect(page.getByRole("main")).toHaveCount(1);
    await expect(page.getByRole("contentinfo")).toHaveCount(1);
    await expect(page.locator("main article h1")).toHaveCount(1);
    await expect(page.locator("h1")).toHaveCount(1);
    const levels = await page
      .locator("h1, h2, h3, h4")
      .evaluateAll((hs) => hs.filter((h) => h.getClientRects().length).map((h) => Number(h.tagName[1])));
    // No heading skips a level.
    for (let i = 1; i < levels.length; i++) expect(levels[i] - levels[i - 1]).toBeLessThanOrEqual(1);
    await expect(page.locator('meta[name="description"]')).toHaveAttribute("content", /.+/);
  });

  test("light and dark themes follow the system; the toggle is remembered", async ({ browser, latest }) => {
    const context = await browser.newContext({ colorScheme: "dark" });
    const page = await context.newPage();
    await page.goto(pageUrl(latest.date, "a01"));
    await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
    const background = () => page.locator("body").evaluate((b) => getComputedStyle(b).backgroundColor);
    const dark = await background();
    await page.getByRole("button", { name: /明暗/ }).click();
    await expect(page.locator("html")).toHaveAttribute("data-theme", "light");
    expect(await background()).not.toBe(dark);
    await page.goto(articleUrl(latest.date, "a01", 1));
    await expect(page.locator("html")).toHaveAttribute("data-theme", "light");
    await context.close();
  });

  test("articles print without the navigation", async ({ page, latest }) => {
    await page.goto(articleUrl(latest.date, "a01", 1));
    await page.emulateMedia({ media: "print" });
    await expect(page.getByRole("article").getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "标题导航" })).toBeHidden();
    await expect(page.getByRole("group", { name: "字号" })).toBeHidden();
    await page.emulateMedia({ media: "screen" });
  });

  test("comfortable Chinese text: line length and line height at every size", async ({ page, latest }) => {
    await page.goto(articleUrl(latest.date, "a01", 1));
    const controls = page.getByRole("group", { name: "字号" });
    while (await controls.getByRole("button", { name: "缩小" }).isEnabled())
      await controls.getByRole("button", { name: "缩小" }).click();
    for (;;) {
      const { fontSize, lineHeight, width } = await page
        .locator(".article-text p:visible")
        .first()
        .evaluate((p) => {
          const style = getComputedStyle(p);
          return {
            fontSize: parseFloat(style.fontSize),
            lineHeight: parseFloat(style.lineHeight),
            width: p.getBoundingClientRect().width,
          };
        });
      expect(lineHeight / fontSize).toBeGreaterThanOrEqual(1.6);
      // Not more than about 40 characters a line.
      expect(width / fontSize).toBeLessThanOrEqual(40);
      if (!(await controls.getByRole("button", { name: "放大" }).isEnabled())) break;
      await controls.getByRole("button", { name: "放大" }).click();
    }
    await controls.getByRole("button", { name: "默认" }).click();
  });
});
