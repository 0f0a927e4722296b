import { articleUrl, expect, longestChain, pageUrl, test } from "./fixtures";

test.describe("article view", () => {
  test("shows kicker, title, subtitle, byline, paragraphs, breadcrumb, JSON-LD and the page's title list", async ({
    page,
    latest,
    shot,
    prisma,
  }) => {
    const front = latest.pages[0];
    const row = await prisma.article.findUniqueOrThrow({ where: { id: front.articles[0].id } });
    await page.goto(articleUrl(latest.date, front.code, 1));
    const article = page.getByRole("article");
    await expect(article.getByRole("heading", { level: 1 })).toHaveText(row.title);
    if (row.kicker) await expect(article).toContainText(row.kicker);
    if (row.subtitle) await expect(article).toContainText(row.subtitle);
    if (row.byline) await expect(article).toContainText(row.byline);
    const paragraphs = (row.body as { type: string; text?: string }[]).filter((b) => b.type === "paragraph");
    await expect(article.locator(".article-text p")).toHaveCount(paragraphs.length);
    const crumbs = page.getByRole("navigation", { name: "面包屑" });
    await expect(crumbs.getByRole("link", { name: `第${front.code}版：${front.name}` })).toHaveAttribute(
      "href",
      pageUrl(latest.date, front.code),
    );
    await expect(crumbs).toContainText(row.title);
    await expect(
      page.getByRole("navigation", { name: "标题导航" }).getByRole("link", { name: row.title, exact: true }),
    ).toHaveAttribute("aria-current", "page");
    const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
    expect(jsonLd).toMatchObject({
      "@type": "NewsArticle",
      headline: row.title,
      printEdition: `第${latest.issueNumber}期`,
      printPage: front.code,
      printSection: front.name,
      datePublished: expect.stringMatching(new RegExp(`^${latest.date}`)),
    });
    await expect(page).toHaveTitle(new RegExp(row.title));
    await shot("article");
    await shot("article-full-page", { fullPage: true });
  });

  test("下一篇 runs through every article of the edition in reading order, 上一篇 back", async ({ page, latest }) => {
    test.slow();
    const order = latest.pages.flatMap((p) => p.articles);
    await page.goto(articleUrl(latest.date, order[0].pageCode, order[0].position));
    const pager = page.getByRole("navigation", { name: "上一篇下一篇" });
    await expect(pager.getByRole("link", { name: /上一篇/ })).toHaveCount(0);
    for (const [index, article] of order.entries()) {
      await expect(page).toHaveURL(articleUrl(latest.date, article.pageCode, article.position));
      await expect(page.getByRole("article").getByRole("heading", { level: 1 })).toHaveText(article.title);
      if (index < order.length - 1) await pager.getByRole("link", { name: /下一篇/ }).click();
    }
    await expect(pager.getByRole("link", { name: /下一篇/ })).toHaveCount(0);
    await pager.getByRole("link", { name: /上一篇/ }).click();
    const secondLast = order.at(-2)!;
    await expect(page).toHaveURL(articleUrl(latest.date, secondLast.pageCode, secondLast.position));
  });

  test("上一版 / 下一版 on the article view go to the neighbouring pages", async ({ page, latest }) => {
    await page.goto(articleUrl(latest.date, latest.pages[1].code, 1));
    const pager = page.getByRole("navigation", { name: "翻版" });
    await pager.getByRole("link", { name: "下一版" }).click();
    await expect(page).toHaveURL(pageUrl(latest.date, latest.pages[2].code));
    await page.goto(articleUrl(latest.date, latest.pages[1].code, 1));
    await page.getByRole("navigation", { name: "翻版" }).getByRole("link", { name: "上一版" }).click();
    await expect(page).toHaveURL(pageUrl(latest.date, latest.pages[0].code));
  });

  test("a three-part article: （下转） links forward, （上接） links back, 阅读全文 joins the parts", async ({
    page,
    latest,
    shot,
  }) => {
    const chain = longestChain(latest);
    expect(chain.length, "the seed's newest edition has a three-part chain a01 → a04 → a08").toBeGreaterThanOrEqual(3);
    const number = (code: string) => String(Number(code.replace(/^\D+/, "")));
    await page.goto(articleUrl(latest.date, chain[0].pageCode, chain[0].position));
    await expect(page.locator('[data-jump="from"]:visible')).toHaveCount(0);
    for (let i = 1; i < chain.length; i++) {
      const jump = page.locator('[data-jump="to"]:visible');
      await expect(jump).toHaveText(`（下转第${number(chain[i].pageCode)}版）`);
      await jump.click();
      await expect(page).toHaveURL(articleUrl(latest.date, chain[i].pageCode, chain[i].position));
      await expect(page.locator('[data-jump="from"]:visible')).toHaveText(
        `（上接第${number(chain[i - 1].pageCode)}版）`,
      );
    }
    await expect(page.locator('[data-jump="to"]:visible')).toHaveCount(0);
    await shot("article-continuation");
    for (let i = chain.length - 1; i > 0; i--) {
      await page.locator('[data-jump="from"]:visible').click();
      await expect(page).toHaveURL(articleUrl(latest.date, chain[i - 1].pageCode, chain[i - 1].position));
    }
    // 阅读全文 from the middle part shows every part in order, each with its page.
    await page.goto(articleUrl(latest.date, chain[1].pageCode, chain[1].position));
    await page.getByRole("link", { name: "阅读全文" }).click();
    await expect(page).toHaveURL(`${articleUrl(latest.date, chain[0].pageCode, chain[0].position)}/full`);
    const parts = page.locator("[data-part]:visible");
    await expect(parts).toHaveCount(chain.length);
    for (const [index, part] of chain.entries()) {
      const name = latest.pages.find((p) => p.code === part.pageCode)!.name;
      await expect(parts.nth(index)).toContainText(`第${part.pageCode}版：${name}`);
    }
    await expect(page.getByRole("article").getByRole("heading", { level: 1 })).toHaveText(chain[0].title);
    await shot("article-full");
  });

  test("every edition's front-page lead continues on a08 and back", async ({ page, editions }) => {
    const older = editions[3];
    const lead = older.pages[0].articles.find((a) => a.nextPartId !== null)!;
    const part = older.pages.flatMap((p) => p.articles).find((a) => a.id === lead.nextPartId)!;
    await page.goto(articleUrl(older.date, "a01", lead.position));
    await page.getByRole("link", { name: `（下转第${Number(part.pageCode.slice(1))}版）` }).click();
    await expect(page).toHaveURL(articleUrl(older.date, part.pageCode, part.position));
    await page.getByRole("link", { name: "（上接第1版）" }).click();
    await expect(page).toHaveURL(articleUrl(older.date, "a01", lead.position));
  });
});

test.describe("text size 放大 / 缩小 / 默认", () => {
  const fontSize = (page: import("@playwright/test").Page) =>
    page
      .locator(".article-text p:visible")
      .first()
      .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));

  test("at least five steps, remembered across articles and visits, applied before first paint", async ({
    page,
    latest,
    context,
  }) => {
    await page.goto(articleUrl(latest.date, "a01", 1));
    const controls = page.getByRole("group", { name: "字号" });
    const sizes = [await fontSize(page)];
    while (await controls.getByRole("button", { name: "缩小" }).isEnabled()) {
      await controls.getByRole("button", { name: "缩小" }).click();
      sizes.unshift(await fontSize(page));
    }
    await expect(controls.getByRole("button", { name: "缩小" })).toBeDisabled();
    const smallest = sizes[0];
    const steps = [smallest];
    while (await controls.getByRole("button", { name: "放大" }).isEnabled()) {
      await controls.getByRole("button", { name: "放大" }).click();
      steps.push(await fontSize(page));
    }
    expect(steps.length).toBeGreaterThanOrEqual(5);
    for (let i = 1; i < steps.length; i++) expect(steps[i]).toBeGreaterThan(steps[i - 1]);

    await controls.getByRole("button", { name: "默认" }).click();
    const normal = await fontSize(page);
    await controls.getByRole("button", { name: "放大" }).click();
    await controls.getByRole("button", { name: "放大" }).click();
    const chosen = await fontSize(page);
    expect(chosen).toBeGreaterThan(normal);

    // Next article: same size.
    await page
      .getByRole("navigation", { name: "上一篇下一篇" })
      .getByRole("link", { name: /下一篇/ })
      .click();
    await expect(page).toHaveURL(articleUrl(latest.date, "a01", 2));
    expect(await fontSize(page)).toBe(chosen);

    // A new visit: the size is on <html> before <body> is even parsed, so nothing jumps after load.
    const fresh = await context.newPage();
    await fresh.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (document.body) {
          (window as unknown as { stepAtBody: string | null }).stepAtBody =
            document.documentElement.getAttribute("data-font-step");
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    await fresh.goto(articleUrl(latest.date, "a02", 1));
    const stepAtBody = await fresh.evaluate(() => (window as unknown as { stepAtBody: string | null }).stepAtBody);
    const stepNow = await fresh.evaluate(() => document.documentElement.getAttribute("data-font-step"));
    expect(stepAtBody).toBe(stepNow);
    expect(await fontSize(fresh)).toBe(chosen);
    await fresh.close();

    await controls.getByRole("button", { name: "默认" }).click();
    expect(await fontSize(page)).toBe(normal);
  });
});
