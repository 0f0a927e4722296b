import { addDays } from "../../lib/sample/dates";
import { expect, pageUrl, test } from "./fixtures";

const chineseDay = (date: string) => {
  const [y, m, d] = date.split("-").map(Number);
  return `${y}年${m}月${d}日`;
};

test.describe("往期阅读 calendar", () => {
  test("opens last week's edition from the calendar", async ({ page, latest, editions, shot }) => {
    await page.goto(pageUrl(latest.date, "a01"));
    await page.getByRole("link", { name: "往期阅读" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("往期阅读");
    const [year, month] = latest.date.split("-").map(Number);
    await expect(page.getByRole("heading", { name: `${year}年${month}月` })).toBeVisible();
    // Days with an edition this month are links; the others say there is none.
    const inMonth = editions.filter((e) => e.date.startsWith(latest.date.slice(0, 7)));
    const calendar = page.getByRole("table");
    await expect(calendar.getByRole("link")).toHaveCount(inMonth.length);
    await shot("archive");

    const lastWeek = addDays(latest.date, -7);
    const edition = editions.find((e) => e.date === lastWeek)!;
    if (!lastWeek.startsWith(latest.date.slice(0, 7))) await page.getByRole("link", { name: "上一月" }).click();
    await page
      .getByRole("table")
      .getByRole("link", { name: new RegExp(`^${chineseDay(lastWeek)}`) })
      .click();
    await expect(page).toHaveURL(pageUrl(lastWeek, "a01"));
    await expect(page.getByRole("banner")).toContainText(`第${edition.issueNumber}期`);
  });

  test("a day without an edition is marked, not a dead link", async ({ page, editions }) => {
    const before = addDays(editions.at(-1)!.date, -1);
    await page.goto(`/archive/${before.slice(0, 7)}`);
    const cell = page.locator(`#d${before}`);
    await expect(cell.getByRole("link")).toHaveCount(0);
    await expect(cell).toContainText("无报纸");
  });

  test("previous / next month and year", async ({ page, latest }) => {
    const [year, month] = latest.date.split("-").map(Number);
    await page.goto("/archive");
    await page.getByRole("link", { name: "上一月" }).click();
    const prev = month === 1 ? { y: year - 1, m: 12 } : { y: year, m: month - 1 };
    await expect(page.getByRole("heading", { name: `${prev.y}年${prev.m}月` })).toBeVisible();
    await page.getByRole("link", { name: "下一月" }).click();
    await expect(page.getByRole("heading", { name: `${year}年${month}月` })).toBeVisible();
    await page.getByRole("link", { name: "上一年" }).click();
    await expect(page.getByRole("heading", { name: `${year - 1}年${month}月` })).toBeVisible();
    await expect(page.getByRole("table").getByRole("link")).toHaveCount(0);
    await page.getByRole("link", { name: "下一年" }).click();
    await expect(page.getByRole("heading", { name: `${year}年${month}月` })).toBeVisible();
  });

  test("jump to a date: an edition opens, a day without one is shown in its month", async ({ page, editions }) => {
    const target = editions[2];
    await page.goto("/archive");
    await page.getByLabel("跳转到日期").fill(target.date);
    await page.getByRole("button", { name: "前往" }).click();
    await expect(page).toHaveURL(pageUrl(target.date, "a01"));

    const missing = addDays(editions.at(-1)!.date, -40);
    await page.goto("/archive");
    await page.getByLabel("跳转到日期").fill(missing);
    await page.getByRole("button", { name: "前往" }).click();
    await expect(page).toHaveURL(new RegExp(`/archive/${missing.slice(0, 7)}#d${missing}$`));
    await expect(page.locator(`#d${missing}`)).toContainText("无报纸");
  });
});
