import type { Page } from "@playwright/test";
import { articleUrl, expect, pageUrl, shortcutsReady, test } from "./fixtures";

async function swipe(page: Page, from: { x: number; y: number }, to: { x: number; y: number }) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: [from] });
  for (let i = 1; i <= 5; i++) {
    const point = { x: from.x + ((to.x - from.x) * i) / 5, y: from.y + ((to.y - from.y) * i) / 5 };
    await cdp.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: [point] });
  }
  await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
  await cdp.detach();
}

async function noHorizontalScroll(page: Page) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
}

test.describe("phone reading", () => {
  test.skip(({ isMobile }) => !isMobile, "phone only");

  test("swipe left / right turns to the next / previous page", async ({ page, latest }) => {
    await page.goto(pageUrl(latest.date, "a02"));
    await shortcutsReady(page);
    await swipe(page, { x: 300, y: 400 }, { x: 60, y: 410 });
    await expect(page).toHaveURL(pageUrl(latest.date, "a03"));
    await expect(page.getByText("当前版：a03版").first()).toBeVisible();
    await shortcutsReady(page);
    await swipe(page, { x: 60, y: 400 }, { x: 300, y: 405 });
    await expect(page).toHaveURL(pageUrl(latest.date, "a02"));
    // A vertical scroll gesture is not a swipe.
    await swipe(page, { x: 200, y: 600 }, { x: 180, y: 200 });
    await expect(page).toHaveURL(pageUrl(latest.date, "a02"));
  });

  test("the page image fits the width and may be pinch-zoomed", async ({ page, latest, shot }) => {
    await page.goto(pageUrl(latest.date, "a01"));
    const box = (await page.getByTestId("page-image").filter({ visible: true }).boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(375);
    const viewport = await page.locator('meta[name="viewport"]').getAttribute("content");
    // Zooming with the fingers must not be switched off.
    expect(viewport).not.toMatch(/user-scalable\s*=\s*(no|0)|maximum-scale\s*=\s*1(\.0)?\b/);
    await noHorizontalScroll(page);
    await shot("page-full", { fullPage: true });
  });

  test("no horizontal scrolling in the article view at any text size", async ({ page, latest }) => {
    await page.goto(articleUrl(latest.date, "a01", 1));
    const controls = page.getByRole("group", { name: "字号" });
    await noHorizontalScroll(page);
    while (await controls.getByRole("button", { name: "放大" }).isEnabled()) {
      await controls.getByRole("button", { name: "放大" }).click();
      await noHorizontalScroll(page);
    }
    await controls.getByRole("button", { name: "默认" }).click();
  });

  test("touch targets are at least 44px", async ({ page, latest }) => {
    for (const url of [pageUrl(latest.date, "a01"), articleUrl(latest.date, "a01", 1), "/archive"]) {
      await page.goto(url);
      const small = await page.locator("main a, main button, header a, header button").evaluateAll((elements) =>
        elements
          .filter((el) => {
            const r = el.getBoundingClientRect();
            return r.width > 1 && r.height > 1 && getComputedStyle(el).visibility !== "hidden";
          })
          .filter((el) => {
            const r = el.getBoundingClientRect();
            return r.height < 44 || r.width < 44;
          })
          .map(
            (el) =>
              `${el.tagName} "${(el.getAttribute("aria-label") ?? el.textContent ?? "").trim().slice(0, 20)}" ${Math.round(el.getBoundingClientRect().width)}×${Math.round(el.getBoundingClientRect().height)}`,
          ),
      );
      expect(small, url).toEqual([]);
    }
  });

  test("everything is reachable on a phone: title navigation below the page", async ({ page, latest }) => {
    await page.goto(pageUrl(latest.date, "a01"));
    const nav = page.getByRole("navigation", { name: "标题导航" });
    const navBox = (await nav.boundingBox())!;
    const imageBox = (await page.getByTestId("page-image").filter({ visible: true }).boundingBox())!;
    expect(navBox.y).toBeGreaterThan(imageBox.y + imageBox.height - 1);
    await nav.getByRole("link", { name: /第a05版/ }).tap();
    await expect(page).toHaveURL(pageUrl(latest.date, "a05"));
    await page
      .getByRole("navigation", { name: "标题导航" })
      .getByRole("link", { name: latest.pages[4].articles[0].title })
      .tap();
    await expect(page).toHaveURL(articleUrl(latest.date, "a05", 1));
  });
});
