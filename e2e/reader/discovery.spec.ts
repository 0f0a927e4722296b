// What crawlers, feed readers and browsers find: robots.txt, the sitemap
// index and its month files, the feeds, OpenSearch, favicon and manifest,
// canonical links. Every listed URL must answer.
import { XMLParser } from "fast-xml-parser";
import { articleUrl, expect, pageUrl, test } from "./fixtures";

const parser = new XMLParser({
  ignoreAttributes: false,
  isArray: (name) => ["url", "sitemap", "item", "entry"].includes(name),
});

test.describe("discovery", () => {
  // Several documents per test, some drawn on first request (cards, posters): generous on a loaded machine.
  test.slow();
  test.skip(({ isMobile }) => isMobile, "served the same to every device");

  test("robots.txt keeps crawlers out of the admin and names the sitemap", async ({ request, baseURL }) => {
    const response = await request.get("/robots.txt");
    expect(response.status()).toBe(200);
    const text = await response.text();
    expect(text).toContain("Disallow: /admin");
    expect(text).toContain(`Sitemap: ${baseURL}/sitemap.xml`);
  });

  test("the sitemap index names month files whose URLs answer, newest edition included", async ({
    request,
    latest,
  }) => {
    const index = parser.parse(await (await request.get("/sitemap.xml")).text());
    const files: string[] = index.sitemapindex.sitemap.map((entry: { loc: string }) => entry.loc);
    const month = files.find((loc) => loc.endsWith(`/${latest.date.slice(0, 7)}.xml`));
    expect(month, files.join("\n")).toBeTruthy();
    const response = await request.get(new URL(month!).pathname);
    expect(response.headers()["content-type"]).toContain("application/xml");
    const urls: string[] = parser.parse(await response.text()).urlset.url.map((url: { loc: string }) => url.loc);
    const paths = urls.map((loc) => new URL(loc).pathname);
    const front = latest.pages[0];
    expect(paths).toContain(pageUrl(latest.date, front.code));
    expect(paths).toContain(articleUrl(latest.date, front.code, 1));
    // A sample of listed URLs really are pages (200, not a redirect or 404).
    for (const path of [paths[0], paths.at(-1)!, articleUrl(latest.date, front.code, 1)]) {
      expect((await request.get(path, { maxRedirects: 0 })).status(), path).toBe(200);
    }
    expect((await request.get("/sitemaps/haicheng/1999-01.xml")).status()).toBe(404);
    expect((await request.get("/sitemaps/haicheng/nonsense.xml")).status()).toBe(404);
  });

  test("RSS and Atom feeds list the newest edition's articles", async ({ request, latest }) => {
    const rss = await request.get("/feed.xml");
    expect(rss.headers()["content-type"]).toContain("application/rss+xml");
    const channel = parser.parse(await rss.text()).rss.channel;
    const first = latest.pages[0].articles[0];
    expect(channel.item[0].title).toBe(first.title);
    expect(new URL(channel.item[0].link).pathname).toBe(articleUrl(latest.date, latest.pages[0].code, 1));
    const atom = await request.get("/atom.xml");
    expect(atom.headers()["content-type"]).toContain("application/atom+xml");
    expect(parser.parse(await atom.text()).feed.entry.length).toBeGreaterThan(0);
    expect((await request.get("/p/no-such-paper/feed.xml")).status()).toBe(404);
  });

  test("head links: OpenSearch, feeds, canonical, icons and manifest; favicon.ico answers", async ({
    page,
    request,
    latest,
  }) => {
    const front = latest.pages[0];
    const url = articleUrl(latest.date, front.code, 1);
    await page.goto(`${url}?utm_source=test`);
    const head = page.locator("head");
    expect(new URL((await head.locator('link[rel="canonical"]').getAttribute("href"))!).pathname).toBe(url);
    await expect(head.locator('link[rel="alternate"][type="application/rss+xml"]')).toHaveAttribute(
      "href",
      /\/feed\.xml$/,
    );
    const openSearch = await head.locator('link[rel="search"]').getAttribute("href");
    const description = parser.parse(await (await request.get(openSearch!)).text()).OpenSearchDescription;
    expect(description.Url["@_template"]).toMatch(/\/search\?q=\{searchTerms\}$/);
    const manifestHref = await head.locator('link[rel="manifest"]').getAttribute("href");
    const manifest = await (await request.get(manifestHref!)).json();
    expect(manifest.icons.map((icon: { sizes: string }) => icon.sizes)).toEqual(
      expect.arrayContaining(["192x192", "512x512"]),
    );
    for (const icon of manifest.icons)
      expect((await request.get(icon.src)).headers()["content-type"]).toBe("image/png");
    const favicon = await request.get("/favicon.ico");
    expect(favicon.status()).toBe(200);
    expect(favicon.headers()["content-type"]).toMatch(/image\/(x-icon|vnd\.microsoft\.icon)/);
  });
});
