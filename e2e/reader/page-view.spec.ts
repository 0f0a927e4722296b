import { articleUrl, expect, pageUrl, shortcutsReady, test } from "./fixtures";

test.describe("page view (版面)", () => {
  test("home is the newest edition's front page with its date, number and title navigation", async ({
    page,
    latest,
    shot,
  }) => {
    const response = await page.goto("/");
    expect(response?.status()).toBe(200);
    const [year, month, day] = latest.date.split("-").map(Number);
    await expect(page.getByRole("banner")).toContainText(`${year}年${month}月${day}日`);
    await expect(page.getByRole("banner")).toContainText(`第${latest.issueNumber}期`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("第a01版：头版");
    await expect(page.getByText("当前版：a01版").first()).toBeVisible();
    const nav = page.getByRole("navigation", { name: "标题导航" });
    // Every page of the edition is listed, the current one marked.
    for (const p of latest.pages)
      await expect(nav.getByRole("link", { name: `第${p.code}版：${p.name}`, exact: true })).toBeVisible();
    await expect(nav.locator('a[aria-current="page"]')).toHaveText(["第a01版：头版"]);
    // And the titles of the current page's articles.
    for (const article of latest.pages[0].articles)
      await expect(nav.getByRole("link", { name: article.title, exact: true })).toBeVisible();
    await expect(page).toHaveTitle(/海城日报/);
    await expect(page.locator('meta[name="description"]')).toHaveAttribute("content", /头版/);
    await shot("home");
  });

  test("each article's regions are links named by its title that lead to the article", async ({
    page,
    latest,
    isMobile,
  }) => {
    const front = latest.pages[0];
    await page.goto(pageUrl(latest.date, front.code));
    const image = page.getByTestId("page-image").filter({ visible: true });
    for (const article of front.articles) {
      const region = image.getByRole("link", { name: article.title, exact: true }).first();
      await expect(region).toHaveAttribute("href", articleUrl(latest.date, front.code, article.position));
    }
    const first = image.getByRole("link", { name: front.articles[0].title, exact: true }).first();
    // Keyboard: the region takes focus and shows it.
    await first.focus();
    await expect(first).toBeFocused();
    const outline = await first.evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(outline).not.toBe("none");
    // Tap / click: no hover needed.
    if (isMobile) await first.tap();
    else await first.click();
    await expect(page).toHaveURL(articleUrl(latest.date, front.code, 1));
    await expect(page.getByRole("article").getByRole("heading", { level: 1 })).toHaveText(front.articles[0].title);
  });

  test("regions scale with the image at every width", async ({ page, latest }) => {
    await page.goto(pageUrl(latest.date, "a01"));
    for (const width of [1280, 900, 375]) {
      await page.setViewportSize({ width, height: 800 });
      const image = page.getByTestId("page-image").filter({ visible: true }).locator("img");
      const box = (await image.boundingBox())!;
      const ratios = await page
        .getByTestId("page-image")
        .filter({ visible: true })
        .locator("a[data-region]")
        .evaluateAll(
          (links, imageBox) =>
            links.map((link) => {
              const r = link.getBoundingClientRect();
              return {
                left: (r.left - imageBox.x) / imageBox.width,
                right: (r.right - imageBox.x) / imageBox.width,
                width: r.width / imageBox.width,
              };
            }),
          box,
        );
      // Regions stay inside the image and keep their relative size whatever the width.
      for (const r of ratios) {
        expect(r.left).toBeGreaterThanOrEqual(-0.01);
        expect(r.right).toBeLessThanOrEqual(1.01);
        expect(r.width).toBeGreaterThan(0.1);
      }
      expect(box.width).toBeLessThanOrEqual(width);
    }
  });

  test("上一版 / 下一版 walk through every page and are not offered at the ends", async ({ page, latest }) => {
    await page.goto(pageUrl(latest.date, latest.pages[0].code));
    const pager = page.getByRole("navigation", { name: "翻版", exact: true });
    await expect(pager.getByRole("link", { name: "上一版" })).toHaveCount(0);
    for (const [index, p] of latest.pages.entries()) {
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(`第${p.code}版：${p.name}`);
      await expect(pager).toContainText(`当前版：${p.code}版`);
      if (index < latest.pages.length - 1) await pager.getByRole("link", { name: "下一版" }).click();
    }
    await expect(pager.getByRole("link", { name: "下一版" })).toHaveCount(0);
    await pager.getByRole("link", { name: "上一版" }).click();
    await expect(page).toHaveURL(pageUrl(latest.date, latest.pages.at(-2)!.code));
  });

  test("prefetching the neighbouring pages does not download their page images", async ({ page, latest }) => {
    const [previous, current, next] = latest.pages;
    const images: string[] = [];
    page.on("request", (request) => {
      const path = new URL(request.url()).pathname;
      if (path.startsWith("/media/pages/")) images.push(path);
    });
    // 下一版 is prefetched when a mouse is over it (as is every link of the title navigation);
    // wait for that prefetch's page segment to arrive.
    const prefetched = page.waitForResponse(
      (response) =>
        response.url().includes(`${pageUrl(latest.date, next.code)}?_rsc`) &&
        (response.request().headers()["next-router-segment-prefetch"] ?? "").includes("__PAGE__"),
    );
    await page.goto(pageUrl(latest.date, current.code));
    await shortcutsReady(page);
    await page.getByRole("navigation", { name: "翻版", exact: true }).getByRole("link", { name: "下一版" }).hover();
    await (await prefetched).finished();
    await page.waitForLoadState("networkidle");
    const own = `/media/pages/${latest.date}/${current.code.toLowerCase()}-`;
    expect(images.filter((path) => path.startsWith(own)).length, "the page's own image").toBeGreaterThan(0);
    // React turns every <img> a server component renders into a preload hint in the prefetched
    // payload; a phone then downloaded 上一版's and 下一版's full images (≈ 250 KB each) it never showed.
    expect(
      images.filter((path) => !path.startsWith(own)),
      `images of pages other than ${current.code} (previous ${previous.code}, next ${next.code})`,
    ).toEqual([]);
  });

  test("the page list in the title navigation opens any page", async ({ page, latest, shot }) => {
    const last = latest.pages.at(-1)!;
    await page.goto(pageUrl(latest.date, "a01"));
    await page
      .getByRole("navigation", { name: "标题导航" })
      .getByRole("link", { name: `第${last.code}版：${last.name}` })
      .click();
    await expect(page).toHaveURL(pageUrl(latest.date, last.code));
    await expect(page.getByText(`当前版：${last.code}版`).first()).toBeVisible();
    await shot("page-a08");
  });

  test("上一期 / 下一期 move by date; the newest edition has no 下一期", async ({ page, editions }) => {
    const [newest, previous] = editions;
    await page.goto(pageUrl(newest.date, "a01"));
    const editionsNav = page.getByRole("navigation", { name: "期数" });
    await expect(editionsNav.getByRole("link", { name: "下一期" })).toHaveCount(0);
    await editionsNav.getByRole("link", { name: "上一期" }).click();
    await expect(page).toHaveURL(pageUrl(previous.date, "a01"));
    await page.getByRole("navigation", { name: "期数" }).getByRole("link", { name: "下一期" }).click();
    await expect(page).toHaveURL(pageUrl(newest.date, "a01"));
    // The oldest edition has no 上一期.
    await page.goto(pageUrl(editions.at(-1)!.date, "a01"));
    await expect(page.getByRole("navigation", { name: "期数" }).getByRole("link", { name: "上一期" })).toHaveCount(0);
  });

  test("a page without an image shows its articles as text; a page PDF is linked; other publications live under /p/", async ({
    page,
    extraPublication,
    shot,
    axe,
  }) => {
    const response = await page.goto(`/p/${extraPublication.slug}/${extraPublication.date}`);
    expect(response?.status()).toBe(200);
    await expect(page).toHaveURL(`/p/${extraPublication.slug}/${extraPublication.date}/a01`);
    await expect(page.getByRole("banner")).toContainText(extraPublication.name);
    const layout = page.getByRole("region", { name: "本版文章" });
    for (const [index, title] of extraPublication.titles.entries()) {
      await expect(layout.getByRole("link", { name: title })).toHaveAttribute(
        "href",
        `/p/${extraPublication.slug}/${extraPublication.date}/a01/${index + 1}`,
      );
      await expect(layout).toContainText(`${title}的第一段文字`);
    }
    await expect(page.getByRole("link", { name: "本版PDF" })).toHaveCount(0);
    await axe();
    await shot("page-text-layout");
    await page.getByRole("link", { name: "下一版" }).first().click();
    const pdf = page.getByRole("link", { name: "本版PDF" }).first();
    await expect(pdf).toHaveAttribute("href", /^\/media\/e2e\/.+\/a02\.pdf$/);
    const pdfResponse = await page.request.get((await pdf.getAttribute("href"))!);
    expect(pdfResponse.headers()["content-type"]).toBe("application/pdf");
  });

  test("views are served from the cache: a database change alone does not reach readers", async ({
    page,
    prisma,
    extraPublication,
  }) => {
    const url = `/p/${extraPublication.slug}/${extraPublication.date}/a01`;
    await page.goto(url);
    await expect(page.getByRole("link", { name: extraPublication.titles[0] }).first()).toBeVisible();
    // Protects the promise that a cached view needs no query: without the admin's revalidation the old title stays.
    await prisma.article.update({
      where: { id: extraPublication.articleIds[0] },
      data: { title: "数据库里改过的标题" },
    });
    await page.goto(url);
    await expect(page.getByRole("link", { name: extraPublication.titles[0] }).first()).toBeVisible();
    await expect(page.getByText("数据库里改过的标题")).toHaveCount(0);
  });
});
