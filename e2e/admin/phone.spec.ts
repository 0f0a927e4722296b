// Editors sometimes fix an article from their phone: login and article editing must work at 375×812 with touch.
import { e2ePublication, expect, logInThroughForm, screenshot, test, uniqueDate } from "./fixtures";

test.skip(({ isMobile }) => !isMobile, "phone viewport only");

test("log in and edit an article on a phone", async ({ page, editor, db }) => {
  const publication = await e2ePublication(db);
  const edition = await db.edition.create({
    data: { publicationId: publication.id, issueDate: new Date(`${uniqueDate(60)}T00:00:00Z`), issueNumber: 60 },
  });
  const pageRow = await db.page.create({ data: { editionId: edition.id, code: "A01", name: "头版", sortOrder: 1 } });
  const article = await db.article.create({
    data: {
      pageId: pageRow.id,
      sortOrder: 1,
      title: "手机上改的标题",
      body: [{ type: "paragraph", text: "第一段。" }],
    },
  });
  const url = `/admin/editions/${edition.id}/pages/${pageRow.id}/articles/${article.id}`;
  await page.goto(url);
  await expect(page).toHaveURL(/\/admin\/login/);
  await screenshot(page, "login-phone");
  await logInThroughForm(page, editor);
  await expect(page.getByRole("heading", { name: "编辑文章" })).toBeVisible();
  // Nothing wider than the screen: no sideways scrolling needed to reach the form.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await page.getByLabel("署名").tap();
  await page.getByLabel("署名").fill("本报记者 李四");
  await page.getByLabel("正文").fill("第一段。\n\n第二段。");
  await page.getByRole("button", { name: "保存文章" }).tap();
  await expect(page.getByText("已保存。")).toBeVisible();
  await screenshot(page, "article-phone");
  const saved = await db.article.findUniqueOrThrow({ where: { id: article.id } });
  expect(saved.byline).toBe("本报记者 李四");
  expect(saved.body).toEqual([
    { type: "paragraph", text: "第一段。" },
    { type: "paragraph", text: "第二段。" },
  ]);
  expect(saved.version).toBe(2);
});

test("the region editor draws with touch on a phone", async ({ page, editor, db, signIn }) => {
  await signIn(editor);
  const publication = await e2ePublication(db);
  const source = await db.page.findFirstOrThrow({ where: { imageKey: { not: null } } });
  const edition = await db.edition.create({
    data: { publicationId: publication.id, issueDate: new Date(`${uniqueDate(61)}T00:00:00Z`), issueNumber: 61 },
  });
  const pageRow = await db.page.create({
    data: {
      editionId: edition.id,
      code: "A01",
      name: "头版",
      sortOrder: 1,
      imageKey: source.imageKey,
      imageWidth: source.imageWidth,
      imageHeight: source.imageHeight,
      imageVariants: source.imageVariants ?? [],
    },
  });
  const article = await db.article.create({ data: { pageId: pageRow.id, sortOrder: 1, title: "触屏画框" } });
  await page.goto(`/admin/editions/${edition.id}/pages/${pageRow.id}`);
  const canvas = page.getByTestId("region-canvas");
  await canvas.scrollIntoViewIfNeeded();
  const box = (await canvas.boundingBox())!;
  const client = await page.context().newCDPSession(page);
  const touch = async (type: "touchStart" | "touchMove" | "touchEnd", x: number, y: number) =>
    client.send("Input.dispatchTouchEvent", { type, touchPoints: type === "touchEnd" ? [] : [{ x, y }] });
  await touch("touchStart", box.x + box.width * 0.2, box.y + box.height * 0.2);
  for (let step = 1; step <= 5; step++)
    await touch("touchMove", box.x + box.width * (0.2 + step * 0.08), box.y + box.height * (0.2 + step * 0.06));
  await touch("touchEnd", 0, 0);
  await expect(page.getByTestId(`region-${article.id}-0`)).toBeVisible();
  // The drawing above is the touch part; a tap right after a CDP touch sequence is sometimes swallowed by Chromium.
  await page.getByRole("button", { name: "保存区域" }).click();
  await expect(page.getByText("区域已保存。")).toBeVisible();
  const regions = (await db.article.findUniqueOrThrow({ where: { id: article.id } })).regions as { type: string }[];
  expect(regions).toHaveLength(1);
});
