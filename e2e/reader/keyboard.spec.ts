import { articleUrl, expect, pageUrl, shortcutsReady, test } from "./fixtures";

test.describe("keyboard shortcuts", () => {
  test.skip(({ isMobile }) => isMobile, "keyboard shortcuts are for desktop browsers");

  test("← / → previous and next page, j / k previous and next article", async ({ page, latest }) => {
    await page.goto(pageUrl(latest.date, "a02"));
    await shortcutsReady(page);
    await page.keyboard.press("ArrowRight");
    await expect(page).toHaveURL(pageUrl(latest.date, "a03"));
    await shortcutsReady(page);
    await page.keyboard.press("ArrowLeft");
    await expect(page).toHaveURL(pageUrl(latest.date, "a02"));
    await shortcutsReady(page);
    // From a page view, k opens its first article.
    await page.keyboard.press("k");
    await expect(page).toHaveURL(articleUrl(latest.date, "a02", 1));
    await shortcutsReady(page);
    await page.keyboard.press("k");
    await expect(page).toHaveURL(articleUrl(latest.date, "a02", 2));
    await shortcutsReady(page);
    await page.keyboard.press("j");
    await expect(page).toHaveURL(articleUrl(latest.date, "a02", 1));
    await shortcutsReady(page);
    await page.keyboard.press("j");
    const lastOfFront = latest.pages[0].articles.at(-1)!;
    await expect(page).toHaveURL(articleUrl(latest.date, "a01", lastOfFront.position));
    await shortcutsReady(page);
    // ← / → on an article view change page.
    await page.keyboard.press("ArrowRight");
    await expect(page).toHaveURL(pageUrl(latest.date, "a02"));
    // At the first page ← does nothing.
    await page.goto(pageUrl(latest.date, "a01"));
    await shortcutsReady(page);
    await page.keyboard.press("ArrowLeft");
    await expect(page).toHaveURL(pageUrl(latest.date, "a01"));
  });

  test("+ / − / 0 change the text size; ? lists the shortcuts", async ({ page, latest, shot }) => {
    await page.goto(articleUrl(latest.date, "a01", 1));
    await shortcutsReady(page);
    const html = page.locator("html");
    await page.keyboard.press("0");
    await expect(html).toHaveAttribute("data-font-step", "2");
    await page.keyboard.press("+");
    await expect(html).toHaveAttribute("data-font-step", "3");
    await page.keyboard.press("+");
    await expect(html).toHaveAttribute("data-font-step", "4");
    await page.keyboard.press("-");
    await expect(html).toHaveAttribute("data-font-step", "3");
    await page.keyboard.press("0");
    await expect(html).toHaveAttribute("data-font-step", "2");

    await page.keyboard.press("?");
    const dialog = page.getByRole("dialog", { name: "键盘快捷键" });
    await expect(dialog).toBeVisible();
    for (const label of ["上一版", "下一版", "上一篇", "下一篇", "放大文字", "缩小文字", "默认字号"])
      await expect(dialog).toContainText(label);
    await shot("shortcuts-dialog");
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
  });

  test("shortcuts do not fire while typing in a field", async ({ page, latest }) => {
    await page.goto(articleUrl(latest.date, "a02", 1));
    await shortcutsReady(page);
    // Added once React has hydrated, so it is not swept away as unexpected markup.
    await page.waitForLoadState("networkidle");
    await expect(page.getByRole("button", { name: "放大" })).toBeEnabled();
    await page.evaluate(() => {
      const input = document.createElement("input");
      input.setAttribute("aria-label", "测试输入框");
      document.body.append(input);
    });
    await page.getByLabel("测试输入框").click();
    await page.keyboard.type("jk+0-?");
    await page.keyboard.press("ArrowRight");
    await expect(page.getByLabel("测试输入框")).toHaveValue("jk+0-?");
    await expect(page).toHaveURL(articleUrl(latest.date, "a02", 1));
    await expect(page.getByRole("dialog")).toBeHidden();
    await expect(page.locator("html")).toHaveAttribute("data-font-step", "2");
  });

  test("regions and controls are reachable with Tab", async ({ page, latest }) => {
    await page.goto(pageUrl(latest.date, "a01"));
    await shortcutsReady(page);
    const names: string[] = [];
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press("Tab");
      names.push(
        await page.evaluate(
          () => document.activeElement?.getAttribute("aria-label") ?? document.activeElement?.textContent ?? "",
        ),
      );
    }
    expect(names).toContain(latest.pages[0].articles[0].title);
    expect(names.some((name) => name.includes("下一版"))).toBe(true);
  });
});
