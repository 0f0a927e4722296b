// Sharing: every article and page unfurls with Chinese Open Graph / Twitter
// tags and an image that answers; the share row copies the link, shows a QR
// code on desktop and opens the system share sheet where there is one; the
// 分享海报 is a phone-sized PNG.
import sharp from "sharp";
import { articleUrl, expect, pageUrl, test } from "./fixtures";

async function meta(page: import("@playwright/test").Page, key: string): Promise<string | null> {
  return page.locator(`meta[property="${key}"], meta[name="${key}"]`).first().getAttribute("content");
}

test.describe("sharing", () => {
  // Several documents per test, some drawn on first request (cards, posters): generous on a loaded machine.
  test.slow();
  test("article and page: OG and Twitter tags in Chinese, with a card image that decodes", async ({
    page,
    request,
    latest,
    isMobile,
  }) => {
    test.skip(isMobile, "the same tags for every device");
    const front = latest.pages[0];
    const article = front.articles[0];
    for (const [url, title] of [
      [articleUrl(latest.date, front.code, 1), article.title],
      [pageUrl(latest.date, front.code), `第${front.code}版`],
    ] as const) {
      await page.goto(url);
      expect(await meta(page, "og:title")).toContain(title);
      expect(await meta(page, "og:description")).toMatch(/[\u4e00-\u9fff]/);
      expect(await meta(page, "og:locale")).toBe("zh_CN");
      expect(await meta(page, "twitter:card")).toBe("summary_large_image");
      const image = (await meta(page, "og:image"))!;
      expect(image).toMatch(/^https?:\/\//);
      const response = await request.get(new URL(image).pathname);
      expect(response.status(), image).toBe(200);
      expect(response.headers()["content-type"]).toBe("image/jpeg");
      const decoded = await sharp(await response.body()).metadata();
      // The tags state the size of the image they point at.
      expect(String(decoded.width)).toBe(await meta(page, "og:image:width"));
      expect(String(decoded.height)).toBe(await meta(page, "og:image:height"));
    }
  });

  test("copy link and, on desktop, a QR code of the address", async ({ page, context, latest, isMobile, shot }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    const front = latest.pages[0];
    const url = articleUrl(latest.date, front.code, 1);
    await page.goto(url);
    const row = page.getByRole("group", { name: "分享" });
    await row.getByRole("button", { name: "复制链接" }).click();
    await expect(row.getByRole("status")).toHaveText("链接已复制");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(new URL(url, page.url()).href);
    const qrButton = row.getByRole("button", { name: "二维码" });
    if (isMobile) {
      // Phones share with the sheet or the link; a QR code is for scanning from another screen.
      await expect(qrButton).toBeHidden();
    } else {
      await qrButton.click();
      await expect(row.getByRole("img", { name: "本文链接的二维码" }).locator("svg")).toBeVisible();
      await expect(qrButton).toHaveAttribute("aria-expanded", "true");
    }
    await shot("share-row");
  });

  test("分享 opens the system share sheet with the article's title and address", async ({ page, latest }) => {
    // navigator.share is the browser's; headless Chromium has none, so it is stood in for at that boundary only.
    await page.addInitScript(() => {
      (window as unknown as { shared: unknown[] }).shared = [];
      navigator.share = async (data) => {
        (window as unknown as { shared: unknown[] }).shared.push(data);
      };
    });
    const front = latest.pages[0];
    const url = articleUrl(latest.date, front.code, 1);
    await page.goto(url);
    await page.getByRole("group", { name: "分享" }).getByRole("button", { name: "分享", exact: true }).click();
    const shared = await page.evaluate(
      () => (window as unknown as { shared: { title: string; url: string }[] }).shared,
    );
    expect(shared).toEqual([{ title: front.articles[0].title, url: new URL(url, page.url()).href }]);
  });

  test("分享海报: a 750 px wide PNG of the article", async ({ page, request, latest, isMobile }) => {
    test.skip(isMobile, "the same image for every device");
    const front = latest.pages[0];
    await page.goto(articleUrl(latest.date, front.code, 1));
    const href = await page.getByRole("link", { name: "分享海报" }).getAttribute("href");
    const response = await request.get(href!, { timeout: 60_000 });
    expect(response.headers()["content-type"]).toBe("image/png");
    const body = await response.body();
    const decoded = await sharp(body).metadata();
    expect(decoded.width).toBe(750);
    expect(decoded.height).toBeGreaterThan(1000);
    await sharp(body).toFile(test.info().outputPath("poster.png"));
    expect((await request.get(`${articleUrl(latest.date, front.code, 99)}/poster.png`)).status()).toBe(404);
  });
});
