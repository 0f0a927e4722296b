import { expect, test } from "@playwright/test";
import { addDays, todayInShanghai } from "../lib/sample/dates";

// The seed's newest published edition is today's; tomorrow's is a draft.
test("home shows the front page of the newest sample edition", async ({ page }) => {
  const response = await page.goto("/");
  expect(response?.status()).toBe(200);
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByText("头版").first()).toBeVisible();
  const [year, month, day] = todayInShanghai().split("-").map(Number);
  await expect(page.getByText(new RegExp(`${year}\\s*年\\s*${month}\\s*月\\s*${day}\\s*日`)).first()).toBeVisible();
});

// Reader queries must never return a draft: its URL is a 404 like any missing edition.
test("a draft edition is not shown to readers", async ({ page }) => {
  const draft = addDays(todayInShanghai(), 1);
  const response = await page.goto(`/${draft}/a01`);
  expect(response?.status()).toBe(404);
});
