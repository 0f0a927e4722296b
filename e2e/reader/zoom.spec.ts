// Deep zoom on the page view (the seed's pages are rendered from PDFs, with
// tiles): nothing beyond the page image loads up front; zooming loads only
// tiles in view; region links stay clickable and focusable when zoomed.
import { TILE_SIZE, tileGrid } from "../../lib/deep-zoom";
import { articleUrl, expect, pageUrl, shortcutsReady, test } from "./fixtures";

test.describe.configure({ timeout: 120_000 });

test("the page zooms with keys, buttons and double clicks, loading only tiles in view, its regions still links", async ({
  page,
  latest,
  shot,
  isMobile,
}) => {
  const front = latest.pages[0];
  const requested: string[] = [];
  let bytes = 0;
  page.on("requestfinished", async (request) => {
    requested.push(new URL(request.url()).pathname);
    bytes += (await request.sizes().catch(() => ({ responseBodySize: 0 }))).responseBodySize;
  });
  await page.goto(pageUrl(latest.date, front.code));
  await shortcutsReady(page);
  const frame = page.getByTestId("page-zoom");
  await expect(frame).toHaveAttribute("data-zoomed", "false");
  // Up front: no tiles and never the full-resolution original.
  expect(requested.filter((path) => path.includes("_files/"))).toEqual([]);
  expect(requested.filter((path) => /original\.\w+$/.test(path))).toEqual([]);

  if (isMobile) {
    // Double tap where the first article is printed.
    const region = frame.getByRole("link", { name: front.articles[0].title, exact: true }).first();
    const box = (await region.boundingBox())!;
    await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
    await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
  } else {
    await page.keyboard.press("z");
  }
  await expect(frame).toHaveAttribute("data-zoomed", "true");
  // Zooming stays on this page (a double tap on a region is not a visit to the article).
  await expect(page).toHaveURL(new RegExp(`${pageUrl(latest.date, front.code)}$`));
  const tiles = frame.locator("img[data-tile]");
  await expect(tiles.first()).toBeAttached({ timeout: 30_000 });
  await expect
    .poll(() => tiles.evaluateAll((imgs) => imgs.every((img) => (img as HTMLImageElement).complete)))
    .toBe(true);
  // Only the tiles in view: at twice the size, about a quarter of the level's tiles.
  const tileCount = await tiles.count();
  const level = Number((await tiles.first().getAttribute("data-tile"))!.split("/")[0]);
  const all = await page.evaluate(
    (l) => performance.getEntriesByType("resource").filter((entry) => entry.name.includes(`_files/${l}/`)).length,
    level,
  );
  expect(all).toBe(tileCount);
  // Its whole grid: the page image's own size (the <img>'s width and height) cut as the seed cut it.
  const [width, height] = await page
    .getByTestId("page-image")
    .locator("img")
    .first()
    .evaluate((img) => [Number(img.getAttribute("width")), Number(img.getAttribute("height"))]);
  const grid = tileGrid({ key: "", format: "webp", overlap: 1, tileSize: TILE_SIZE, width, height }, level);
  expect(tileCount).toBeLessThanOrEqual((grid.columns * grid.rows) / 2);
  await shot("page-zoomed");

  // Zoom in again (button), then the keyboard reaches a region link and brings it into view.
  await page.getByRole("button", { name: "放大版面" }).click();
  const last = front.articles.at(-1)!;
  const region = frame.getByRole("link", { name: last.title, exact: true }).first();
  await region.focus();
  await expect
    .poll(async () => {
      const [r, f] = [await region.boundingBox(), await frame.boundingBox()];
      return Boolean(
        r && f && r.x + r.width / 2 > f.x && r.x + r.width / 2 < f.x + f.width && r.y + 5 > f.y && r.y < f.y + f.height,
      );
    })
    .toBe(true);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`${articleUrl(latest.date, front.code, last.position)}$`));
  test.info().annotations.push({ type: "bytes", description: `page view + zoom: ${Math.round(bytes / 1024)} KB` });
});

test("the shortcut list names the zoom keys", async ({ page, latest, isMobile }) => {
  test.skip(isMobile, "the ? key needs a keyboard");
  await page.goto(pageUrl(latest.date, latest.pages[0].code));
  await shortcutsReady(page);
  await page.keyboard.press("?");
  const dialog = page.getByRole("dialog", { name: "键盘快捷键" });
  for (const label of ["放大版面", "缩小版面", "还原版面"]) await expect(dialog.getByText(label)).toBeVisible();
  // Zoom keys don't change the text size keys (+ / − / 0) of the article view.
  await expect(dialog.getByText("放大文字")).toBeVisible();
});

test("剪报: the reader clips the view into a permalink with the crop, the paper, date and page, and Open Graph tags", async ({
  page,
  latest,
  shot,
  request,
}) => {
  const front = latest.pages[0];
  await page.goto(pageUrl(latest.date, front.code));
  await shortcutsReady(page);
  await page.getByRole("button", { name: "放大版面" }).click();
  await expect(page.getByTestId("page-zoom")).toHaveAttribute("data-zoomed", "true");
  await page.getByRole("button", { name: "剪报" }).click();
  await page.getByRole("button", { name: "剪下当前视图" }).click();
  await expect(page).toHaveURL(new RegExp(`${pageUrl(latest.date, front.code)}/clip/\\d+,\\d+,\\d+,\\d+$`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`剪报 · 海城日报`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`第${front.code}版`);
  const image = page.getByRole("img", { name: /剪报/ });
  await expect(image).toBeVisible();
  // The crop is made on its first request: wait for it to load (right after the page it had not, on desktop).
  await expect.poll(() => image.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(100);
  const ogImage = await page.locator('meta[property="og:image"]').getAttribute("content");
  expect(ogImage).toMatch(/\/clip\/\d+,\d+,\d+,\d+\/image$/);
  await shot("clip");
  // The crop itself is a JPEG; rectangles outside the page or malformed ones are refused.
  const clip = new URL(page.url()).pathname;
  const crop = await request.get(`${clip}/image`);
  expect(crop.status()).toBe(200);
  expect(crop.headers()["content-type"]).toBe("image/jpeg");
  const base = pageUrl(latest.date, front.code);
  expect((await request.get(`${base}/clip/0,0,99999,99999`)).status()).toBe(404);
  expect((await request.get(`${base}/clip/0,0,99999,99999/image`)).status()).toBe(404);
  expect((await request.get(`${base}/clip/1,2,3/image`)).status()).toBe(400);
  expect((await request.get(`${base}/clip/-1,0,100,100`)).status()).toBe(404);
});
