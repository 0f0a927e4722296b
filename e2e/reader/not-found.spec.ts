import { addDays } from "../../lib/sample/dates";
import { expect, pageUrl, test } from "./fixtures";

test.describe("not found and bad input", () => {
  test("unknown or malformed dates, pages and articles, and drafts, are 404s that link to the newest edition", async ({
    page,
    latest,
    shot,
  }) => {
    const draftDate = addDays(latest.date, 1);
    const bad = [
      "/2023-13-45",
      "/2023-02-30/a01",
      "/1999-01-01/a01",
      `/${draftDate}`,
      `/${draftDate}/a01`,
      `/${draftDate}/a01/1`,
      "/..%2F..%2Fetc%2Fpasswd",
      "/%2e%2e/%2e%2e/etc",
      `/${latest.date}/a0%3C8`,
      `/${latest.date}/a99`,
      `/${latest.date}/a01/0`,
      `/${latest.date}/a01/999`,
      `/${latest.date}/a01/abc`,
      `/${latest.date}/a01/-1`,
      `/${latest.date}/a01/1.5`,
      `/${latest.date}/a01/1/full/extra`,
      `/${latest.date}/${"a".repeat(3000)}`,
      `/${"9".repeat(4000)}`,
      "/archive/2026-13",
      "/p/no-such-paper/2026-01-01/a01",
      "/p/no-such-paper/search?q=%E6%B5%B7%E5%9F%8E",
    ];
    for (const url of bad) {
      const response = await page.goto(url);
      expect(response?.status(), url).toBe(404);
      await expect(page.getByRole("heading", { level: 1 }), url).toHaveText("找不到该页面");
      // "/" is always the newest edition's front page.
      await expect(page.getByRole("link", { name: "阅读最新一期" })).toHaveAttribute("href", "/");
      // Never a stack trace.
      await expect(page.locator("body")).not.toContainText(/at \w+ \(|Error:/);
    }
    await shot("not-found");
    await page.getByRole("link", { name: "阅读最新一期" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("第a01版：头版");
    await expect(page.getByRole("banner")).toContainText(`第${latest.issueNumber}期`);
  });

  test("other spellings redirect to the canonical URL", async ({ page, latest }) => {
    const compact = latest.date.replaceAll("-", "");
    const all = latest.pages.flatMap((p) => p.articles);
    const single = all.find((a) => a.nextPartId === null && !all.some((b) => b.nextPartId === a.id))!;
    const cases: [string, string][] = [
      [`/${compact}/a01`, pageUrl(latest.date, "a01")],
      [`/${latest.date}/A08`, pageUrl(latest.date, "a08")],
      [`/${latest.date}/a01/01`, `${pageUrl(latest.date, "a01")}/1`],
      [`/${latest.date}`, pageUrl(latest.date, "a01")],
      [`/p/haicheng/${latest.date}/a02`, pageUrl(latest.date, "a02")],
      // 阅读全文 of an article that does not continue is just the article.
      [
        `${pageUrl(latest.date, single.pageCode)}/${single.position}/full`,
        `${pageUrl(latest.date, single.pageCode)}/${single.position}`,
      ],
    ];
    for (const [from, to] of cases) {
      const response = await page.goto(from);
      expect(response?.status(), from).toBe(200);
      await expect(page, from).toHaveURL(to);
    }
  });
});
