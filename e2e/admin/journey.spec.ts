import {
  E2E_PUBLICATION,
  e2ePublication,
  expect,
  logInThroughForm,
  pageImage,
  screenshot,
  test,
  uniqueDate,
} from "./fixtures";

const FRONT = [
  "海城新区建设提速 年内开工项目超百个",
  "",
  "　　本报讯 今年以来，海城新区累计开工重点项目103个，",
  "完成投资286亿元。",
  "　　管委会负责人介绍，新区将继续优化营商环境。",
  "　　本报记者 张三",
  "（下转第8版）",
].join("\n");

const CONTINUATION = ["海城新区建设提速", "", "（上接第1版）新区还将新建三所学校。", "", "预计明年全部投入使用。"].join(
  "\n",
);

test.describe.configure({ mode: "serial" });

test("an editor builds a two-page edition, links a continuation, draws a region and publishes it", async ({
  page,
  editor,
  db,
}, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "the full journey runs once, at laptop size");
  test.setTimeout(180_000);
  const date = uniqueDate();
  await e2ePublication(db);

  // Anonymous visitors are sent to the login, and back afterwards.
  await page.goto("/admin/editions/new");
  await expect(page).toHaveURL(/\/admin\/login\?next=%2Fadmin%2Feditions%2Fnew/);
  await screenshot(page, "login-desktop");
  await logInThroughForm(page, editor);
  await expect(page.getByRole("heading", { name: "新建期次" })).toBeVisible();

  await page.getByLabel("报纸").selectOption({ label: E2E_PUBLICATION.name });
  await page.getByLabel("出版日期").fill(date);
  await page.getByLabel("期号").fill("30001");
  await page.getByRole("button", { name: "创建期次" }).click();
  await expect(page.getByRole("heading", { name: new RegExp(`${date} · 第 30001 期`) })).toBeVisible();
  const edition = await db.edition.findFirstOrThrow({ where: { issueDate: new Date(`${date}T00:00:00Z`) } });
  expect(edition.status).toBe("DRAFT");

  for (const [code, name] of [
    ["A01", "头版"],
    ["A08", "体育"],
  ]) {
    await page.getByLabel("版号").fill(code);
    await page.getByLabel("版名").fill(name);
    await page.getByRole("button", { name: "添加版面" }).click();
    await expect(page.getByText(`已新增第 ${code} 版。`)).toBeVisible();
  }
  await screenshot(page, "edition-desktop");
  const pages = await db.page.findMany({ where: { editionId: edition.id }, orderBy: { sortOrder: "asc" } });
  expect(pages.map((p) => p.code)).toEqual(["A01", "A08"]);

  for (const [index, code] of ["A01", "A08"].entries()) {
    await page.goto(`/admin/editions/${edition.id}/pages/${pages[index].id}`);
    await expect(page.getByLabel(/上传版面图/)).toBeEnabled();
    await page
      .getByLabel(/上传版面图/)
      .setInputFiles({ name: `${code}.png`, mimeType: "image/png", buffer: await pageImage() });
    await expect(page.getByText(/版面图已上传/)).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole("img", { name: "版面图" })).toBeVisible();
  }
  const stored = await db.page.findUniqueOrThrow({ where: { id: pages[0].id } });
  expect(stored.imageWidth).toBe(1200);
  expect((stored.imageVariants as unknown[]).length).toBe(3);

  // Page 1: the article continued on page 8. Nothing to link to there yet.
  await page.goto(`/admin/editions/${edition.id}/pages/${pages[0].id}`);
  await page.getByRole("link", { name: "粘贴文章" }).click();
  await page.getByLabel("文章原文").fill(FRONT);
  await page.getByRole("button", { name: "识别并预览" }).click();
  await expect(page.getByLabel("标题")).toHaveValue("海城新区建设提速 年内开工项目超百个");
  await expect(page.getByLabel("署名")).toHaveValue("本报记者 张三");
  await expect(page.getByLabel("正文")).not.toContainText("下转");
  await expect(page.getByText("文末有「（下转第8版）」")).toBeVisible();
  await expect(page.getByLabel("不链接")).toBeChecked();
  await screenshot(page, "paste-confirm-desktop");
  await page.getByRole("button", { name: "确认保存" }).click();
  await expect(page.getByRole("heading", { name: "编辑文章" })).toBeVisible();
  const front = await db.article.findFirstOrThrow({ where: { pageId: pages[0].id } });
  expect(front.byline).toBe("本报记者 张三");
  expect(JSON.stringify(front.body)).not.toContain("下转");

  // Page 8: its continuation; the app offers to link it to the page-1 article.
  await page.goto(`/admin/editions/${edition.id}/pages/${pages[1].id}/paste`);
  await page.getByLabel("文章原文").fill(CONTINUATION);
  await page.getByRole("button", { name: "识别并预览" }).click();
  const suggested = page.getByLabel(/接在第 A01 版「海城新区建设提速 年内开工项目超百个」之后（标题相近，推荐）/);
  await expect(suggested).toBeChecked();
  await page.getByRole("button", { name: "确认保存" }).click();
  await expect(page.getByRole("heading", { name: "编辑文章" })).toBeVisible();
  await expect(page.getByRole("link", { name: /第 A01 版「海城新区建设提速/ })).toBeVisible();
  const continuation = await db.article.findFirstOrThrow({ where: { pageId: pages[1].id } });
  expect((await db.article.findUniqueOrThrow({ where: { id: front.id } })).nextPartId).toBe(continuation.id);

  // A region for the front-page article, drawn with the mouse.
  await page.goto(`/admin/editions/${edition.id}/pages/${pages[0].id}`);
  const canvas = page.getByTestId("region-canvas");
  await expect(canvas).toBeVisible();
  const box = (await canvas.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.1, box.y + box.height * 0.2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.4, { steps: 5 });
  await page.mouse.up();
  await expect(page.getByTestId(`region-${front.id}-0`)).toBeVisible();
  await page.getByRole("button", { name: "保存区域" }).click();
  await expect(page.getByText("区域已保存。")).toBeVisible();
  await screenshot(page, "regions-desktop");
  const withRegion = await db.article.findUniqueOrThrow({ where: { id: front.id } });
  const [region] = withRegion.regions as { type: string; x: number; y: number; w: number; h: number }[];
  // Saved in image pixels (1200 wide), not screen pixels.
  expect(region.type).toBe("rect");
  expect(region.x).toBeGreaterThan(100);
  expect(region.x).toBeLessThan(140);
  expect(region.w).toBeGreaterThan(450);
  expect(region.w).toBeLessThan(510);

  await page.goto(`/admin/editions/${edition.id}`);
  await page.getByRole("button", { name: "发布本期" }).click();
  await page.getByRole("button", { name: "确认发布" }).click();
  await expect(page.getByText("本期已发布，读者现在可以看到。")).toBeVisible();
  expect((await db.edition.findUniqueOrThrow({ where: { id: edition.id } })).status).toBe("PUBLISHED");

  await page.goto(`/admin/editions/${edition.id}/audit`);
  for (const text of ["发布", "粘贴文章「海城新区建设提速 年内开工项目超百个」到第 A01 版", "上传第 A01 版版面图"]) {
    await expect(page.getByRole("cell", { name: new RegExp(text) }).first()).toBeVisible();
  }

  // The reader shows it now (its cache was revalidated), with the continuation links.
  const response = await page.goto(`/p/${E2E_PUBLICATION.slug}/${date}/a01`);
  expect(response?.status()).toBe(200);
  await expect(page.getByText("海城新区建设提速 年内开工项目超百个").first()).toBeVisible();
  const articleResponse = await page.goto(`/p/${E2E_PUBLICATION.slug}/${date}/a01/1`);
  expect(articleResponse?.status()).toBe(200);
  const next = page.getByRole("link", { name: /下转.*8|第\s*A?0?8\s*版/ }).first();
  await expect(next).toBeVisible();
  await next.click();
  await expect(page).toHaveURL(new RegExp(`/${date}/a08`));
  await expect(page.getByText("新区还将新建三所学校").first()).toBeVisible();
});
