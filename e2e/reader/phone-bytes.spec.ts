// What the page view downloads (issues #11 and #12), asserted on the
// requests a real Chromium makes: a phone at 2.75× takes the 800 px page
// image and a 1280 px desktop the 1400 px one; links are prefetched when the
// reader reaches for one (mouse, keyboard), not all those on a phone's screen;
// a phone zoomed in gets tiles at 1.5 device pixels per CSS pixel, and no
// tiles are drawn where the page image is as sharp.
import type { Page, Request } from "@playwright/test";
import { articleUrl, expect, pageUrl, shortcutsReady, test } from "./fixtures";

const PAGE_IMAGE = /\/(thumb|medium|large|original)\.\w+$/;

/** Paths of the RSC payloads Next.js prefetches (not those of a navigation). */
function prefetches(page: Page): string[] {
  const paths: string[] = [];
  page.on("request", (request: Request) => {
    const headers = request.headers();
    if (headers["next-router-prefetch"] || headers["next-router-segment-prefetch"])
      paths.push(new URL(request.url()).pathname);
  });
  return paths;
}

test("the page image is sized for the screen: 800 px on a phone at 2.75×, 1400 px on a 1280 px desktop", async ({
  page,
  latest,
  isMobile,
}) => {
  const images: string[] = [];
  page.on("requestfinished", (request) => {
    const path = new URL(request.url()).pathname;
    if (PAGE_IMAGE.test(path)) images.push(path.split("/").at(-1)!);
  });
  await page.goto(pageUrl(latest.date, "a02"));
  const img = page.getByTestId("page-image").locator("img").first();
  await expect.poll(() => img.evaluate((el) => (el as HTMLImageElement).complete)).toBe(true);
  const shown = await img.evaluate((el) => ({
    file: new URL((el as HTMLImageElement).currentSrc).pathname.split("/").at(-1),
    width: el.getBoundingClientRect().width,
    dpr: window.devicePixelRatio,
  }));
  expect(shown.file).toBe(isMobile ? "medium.webp" : "large.webp");
  // Only that one: the preload in the HTML and the <img> agree (a mismatch downloads two sizes).
  await page.waitForLoadState("networkidle");
  expect(images).toEqual([shown.file]);
  // Still sharp: the desktop gets at least one image pixel per device pixel, the phone about two per CSS pixel.
  if (isMobile) expect(800 / shown.width).toBeGreaterThanOrEqual(2);
  else expect(1400 / (shown.width * shown.dpr)).toBeGreaterThanOrEqual(1);
});

test("the page view prefetches what the reader reaches for, not every link on a phone's screen", async ({
  page,
  latest,
  isMobile,
}) => {
  const front = latest.pages[1];
  const articles = front.articles.map((article) => articleUrl(latest.date, front.code, article.position));
  // On the phone's screen as the page opens: the masthead (home, 上一期, 往期阅读), 上一版/下一版, every region.
  const onScreen = ["/", pageUrl(latest.date, "a01"), pageUrl(latest.date, "a03"), ...articles];
  const prefetched = prefetches(page);
  await page.goto(pageUrl(latest.date, front.code));
  await shortcutsReady(page);
  await page.waitForLoadState("networkidle");
  if (isMobile) {
    // Next.js prefetches links on screen once the page has hydrated; the network has been quiet since.
    expect(prefetched.filter((path) => onScreen.includes(path))).toEqual([]);
    // A tap on an article's region opens it (300 ms later: it waits for a possible double tap).
    await page.getByTestId("page-zoom").locator('a[data-region="1"]').first().tap();
    await expect(page).toHaveURL(new RegExp(`${articles[0]}$`));
    // Fetched as a navigation, not prefetched by the tap: the first tap of a double tap (a zoom) fetches nothing.
    expect(prefetched).not.toContain(articles[0]);
  } else {
    expect(prefetched).not.toContain("/");
    // A mouse over the masthead's link fetches the home page's payload.
    await page.getByRole("banner").getByRole("link", { name: "海城日报" }).hover();
    await expect.poll(() => prefetched).toContain("/");
  }
});

test("on a phone, opening any page of an edition prefetches nothing", async ({ page, latest, isMobile }) => {
  test.skip(!isMobile, "a phone's screen: a desktop prefetches on hover, tested above");
  // Next.js prefetches links within 200 px of the screen; on a phone the title navigation's first
  // titles are that close below a short page (a01 fetched its lead article's payload, 8 KB).
  const prefetched = prefetches(page);
  for (const { code } of latest.pages) {
    await page.goto(pageUrl(latest.date, code));
    await shortcutsReady(page);
    await page.waitForLoadState("networkidle");
  }
  expect(prefetched).toEqual([]);
});

test("zoomed to read on a phone, tiles come at 1.5 device pixels per CSS pixel; none over an image as sharp", async ({
  page,
  latest,
  isMobile,
}) => {
  const tilesRequested: string[] = [];
  page.on("request", (request) => {
    const path = new URL(request.url()).pathname;
    if (path.includes("_files/")) tilesRequested.push(path);
  });
  await page.goto(pageUrl(latest.date, "a02"));
  await shortcutsReady(page);
  const frame = page.getByTestId("page-zoom");
  const img = page.getByTestId("page-image").locator("img").first();
  await expect.poll(() => img.evaluate((el) => (el as HTMLImageElement).complete)).toBe(true);
  const tiles = frame.locator("img[data-tile]");
  if (isMobile) {
    // 放大版面 zooms 2×: 1 930 device px across the page at 2.75×, which level 12 (2755 px) would match;
    // at 1.5 device px per CSS px (1 053 px) level 11 (1378 px), still sharper than the 800 px page image.
    await page.getByRole("button", { name: "放大版面" }).click();
    await expect(frame).toHaveAttribute("data-zoomed", "true");
    await expect(tiles.first()).toBeAttached();
    const levels = await tiles.evaluateAll((imgs) => imgs.map((tile) => tile.getAttribute("data-tile")!.split("/")[0]));
    expect(new Set(levels)).toEqual(new Set(["11"]));
  } else {
    // Ctrl + wheel zooms about 1.35×: 1 210 px of a 1400 px page image, which is sharper than level 11's 1378 px.
    const box = (await frame.boundingBox())!;
    await page.mouse.move(box.x + box.width / 3, box.y + box.height / 3);
    await expect(frame).toHaveAttribute("data-zoom", "attached");
    await page.keyboard.down("Control");
    await page.mouse.wheel(0, -30);
    await page.keyboard.up("Control");
    await expect(frame).toHaveAttribute("data-zoomed", "true");
    // The zoom has drawn (its scale is on the frame's buttons), and asked for nothing.
    await expect(page.getByRole("button", { name: "还原版面" })).toBeEnabled();
    await page.waitForLoadState("networkidle");
    expect(tilesRequested).toEqual([]);
    await expect(tiles).toHaveCount(0);
    // Past the image's own detail (2×: 1 792 px), full-resolution tiles.
    await page.getByRole("button", { name: "放大版面" }).click();
    await expect(tiles.first()).toBeAttached();
    const levels = await tiles.evaluateAll((imgs) => imgs.map((tile) => tile.getAttribute("data-tile")!.split("/")[0]));
    expect(new Set(levels)).toEqual(new Set(["12"]));
  }
});
