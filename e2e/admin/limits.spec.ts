// What the reader cannot show is never stored and then lost: a body with a
// paragraph over the limit is split at its line breaks (or refused with the
// limit named) on every path into the database, and page codes follow one
// rule in the forms, the database and the reader's URLs.
import { alerts, e2ePublication, expect, E2E_PUBLICATION, screenshot, test, uniqueDate } from "./fixtures";

test.skip(({ isMobile }) => isMobile, "desktop; the phone has its own spec");

/** A report pasted with single newlines: 260 lines of 100 characters, 26 000 characters in one "paragraph". */
const LONG_REPORT = Array.from({ length: 260 }, (_, line) =>
  `第${String(line + 1).padStart(3, "0")}行，海城新区今年累计开工重点项目一百零三个，完成投资二百八十六亿元。`.padEnd(
    100,
    "续",
  ),
).join("\n");
/** 26 000 characters without a line break or a sentence end: nowhere to split safely. */
const UNSPLITTABLE = "海城新区建设提速".repeat(3250);

const squash = (text: string) => text.replace(/\s+/g, "");

async function draftPage(db: import("../../lib/db/client").PrismaClient, offset: number) {
  const publication = await e2ePublication(db);
  const edition = await db.edition.create({
    data: {
      publicationId: publication.id,
      issueDate: new Date(`${uniqueDate(offset)}T00:00:00Z`),
      issueNumber: offset,
    },
  });
  const page = await db.page.create({ data: { editionId: edition.id, code: "A01", name: "头版", sortOrder: 1 } });
  return { edition, page };
}

function storedText(body: unknown): string {
  return (body as { text?: string }[]).map((block) => block.text ?? "").join("");
}

test("saving a 26 000-character paragraph keeps every character, split at its line breaks", async ({
  page,
  editor,
  signIn,
  db,
}) => {
  await signIn(editor);
  const { edition, page: pageRow } = await draftPage(db, 120);
  const article = await db.article.create({
    data: { pageId: pageRow.id, sortOrder: 1, title: "长篇报道", body: [{ type: "paragraph", text: "导语。" }] },
  });
  const url = `/admin/editions/${edition.id}/pages/${pageRow.id}/articles/${article.id}`;
  await page.goto(url);
  await page.locator("form[data-ready]").waitFor();
  await page.getByLabel("正文").fill(LONG_REPORT);
  await page.getByRole("button", { name: "保存文章" }).click();
  await expect(page.getByRole("status")).toContainText("已保存");
  await expect(page.getByRole("status")).toContainText("超过 20000 字");
  await screenshot(page, "long-paragraph-split-desktop");

  const stored = await db.article.findUniqueOrThrow({ where: { id: article.id } });
  const blocks = stored.body as { type: string; text: string }[];
  expect(blocks.length).toBe(260);
  expect(blocks.every((block) => block.type === "paragraph" && block.text.length <= 20_000)).toBe(true);
  expect(squash(storedText(stored.body))).toBe(squash(LONG_REPORT));

  // Reading it back (the form after a reload, and the reader's own view in the preview) shows all of it.
  await page.goto(url);
  expect(squash(await page.getByLabel("正文").inputValue())).toBe(squash(LONG_REPORT));
  await page.goto(`/admin/editions/${edition.id}/preview/a01/1`);
  await expect(page.getByText(/^第260行/)).toBeVisible();
});

test("a paragraph that cannot be split safely is refused with the limit named, and nothing stored changes", async ({
  page,
  editor,
  signIn,
  db,
}) => {
  await signIn(editor);
  const { edition, page: pageRow } = await draftPage(db, 121);
  const article = await db.article.create({
    data: { pageId: pageRow.id, sortOrder: 1, title: "原标题", body: [{ type: "paragraph", text: "原文。" }] },
  });
  await page.goto(`/admin/editions/${edition.id}/pages/${pageRow.id}/articles/${article.id}`);
  await page.locator("form[data-ready]").waitFor();
  await page.getByLabel("正文").fill(`第一段。\n\n第二段。\n\n${UNSPLITTABLE}`);
  await page.getByRole("button", { name: "保存文章" }).click();
  await expect(page.locator("#article-body-error")).toContainText("第3段超过 20000 字");
  await screenshot(page, "long-paragraph-refused-desktop");
  // The editor's text is still in the form, the stored article is unchanged.
  expect((await page.getByLabel("正文").inputValue()).length).toBeGreaterThan(26_000);
  const stored = await db.article.findUniqueOrThrow({ where: { id: article.id } });
  expect(stored.body).toEqual([{ type: "paragraph", text: "原文。" }]);
});

test("creating and pasting an article with a 26 000-character paragraph store all of it", async ({
  page,
  editor,
  signIn,
  db,
}) => {
  await signIn(editor);
  const { edition, page: pageRow } = await draftPage(db, 122);
  await page.goto(`/admin/editions/${edition.id}/pages/${pageRow.id}/articles/new`);
  await page.getByLabel("标题").fill("新建的长文");
  await page.locator("form[data-ready]").waitFor();
  await page.getByLabel("正文").fill(LONG_REPORT);
  await page.getByRole("button", { name: "创建文章" }).click();
  await expect(page.getByRole("heading", { name: "编辑文章" })).toBeVisible();
  const created = await db.article.findFirstOrThrow({ where: { pageId: pageRow.id, title: "新建的长文" } });
  expect(squash(storedText(created.body))).toBe(squash(LONG_REPORT));

  await page.goto(`/admin/editions/${edition.id}/pages/${pageRow.id}/paste`);
  await page.getByLabel("文章原文").fill(`粘贴的长文\n\n${LONG_REPORT}`);
  await page.getByRole("button", { name: "识别并预览" }).click();
  await page.getByRole("button", { name: "确认保存" }).click();
  await expect(page.getByRole("heading", { name: "编辑文章" })).toBeVisible();
  const pasted = await db.article.findFirstOrThrow({ where: { pageId: pageRow.id, title: "粘贴的长文" } });
  expect(squash(storedText(pasted.body))).toBe(squash(LONG_REPORT));
});

/** 450 000 characters in paragraphs under the paragraph limit: 1.35 MB as UTF-8, more than a form's default 1 MB. */
const BOOK_LENGTH = Array.from({ length: 30 }, (_, index) =>
  `第${index + 1}部分。`.padEnd(15_000, "海城新区建设提速，"),
).join("\n\n");

test("a body as long as the form allows (450 000 characters, 1.35 MB) is saved and pasted whole", async ({
  page,
  editor,
  signIn,
  db,
}) => {
  test.setTimeout(120_000);
  await signIn(editor);
  const { edition, page: pageRow } = await draftPage(db, 125);
  const article = await db.article.create({
    data: { pageId: pageRow.id, sortOrder: 1, title: "全文连载", body: [{ type: "paragraph", text: "导语。" }] },
  });
  await page.goto(`/admin/editions/${edition.id}/pages/${pageRow.id}/articles/${article.id}`);
  await page.locator("form[data-ready]").waitFor();
  await page.getByLabel("正文").fill(BOOK_LENGTH);
  await page.getByRole("button", { name: "保存文章" }).click();
  await expect(page.getByRole("status")).toContainText("已保存");
  const stored = await db.article.findUniqueOrThrow({ where: { id: article.id } });
  expect(squash(storedText(stored.body))).toBe(squash(BOOK_LENGTH));

  await page.goto(`/admin/editions/${edition.id}/pages/${pageRow.id}/paste`);
  await page.getByLabel("文章原文").fill(`粘贴的连载\n\n${BOOK_LENGTH}`);
  await page.getByRole("button", { name: "识别并预览" }).click();
  await page.getByRole("button", { name: "确认保存" }).click();
  await expect(page.getByRole("heading", { name: "编辑文章" })).toBeVisible();
  const pasted = await db.article.findFirstOrThrow({ where: { pageId: pageRow.id, title: "粘贴的连载" } });
  expect(squash(storedText(pasted.body))).toBe(squash(BOOK_LENGTH));
  await expect(alerts(page)).toHaveCount(0);
});

test("a body over 500 000 characters is refused with the limit named; the text stays and nothing stored changes", async ({
  page,
  editor,
  signIn,
  db,
}) => {
  test.setTimeout(120_000);
  await signIn(editor);
  const { edition, page: pageRow } = await draftPage(db, 126);
  const article = await db.article.create({
    data: { pageId: pageRow.id, sortOrder: 1, title: "原标题", body: [{ type: "paragraph", text: "原文。" }] },
  });
  const tooLong = `${BOOK_LENGTH}\n\n${"超".repeat(60_000)}`; // 510 002 characters
  await page.goto(`/admin/editions/${edition.id}/pages/${pageRow.id}/articles/${article.id}`);
  await page.locator("form[data-ready]").waitFor();
  await page.getByLabel("正文").fill(tooLong);
  await page.getByRole("button", { name: "保存文章" }).click();
  await expect(page.locator("#article-body-error")).toContainText("500000");
  await screenshot(page, "body-too-long-desktop");
  expect((await page.getByLabel("正文").inputValue()).length).toBe(tooLong.length);
  expect((await db.article.findUniqueOrThrow({ where: { id: article.id } })).body).toEqual([
    { type: "paragraph", text: "原文。" },
  ]);

  await page.goto(`/admin/editions/${edition.id}/pages/${pageRow.id}/paste`);
  await page.getByLabel("文章原文").fill(tooLong);
  await page.getByRole("button", { name: "识别并预览" }).click();
  await expect(page.locator("#raw-error")).toContainText("500000");
  expect((await page.getByLabel("文章原文").inputValue()).length).toBe(tooLong.length);
  expect(await db.article.count({ where: { pageId: pageRow.id } })).toBe(1);
});

test("page codes: sport, A-1 and A1000 are refused next to the field; ａ０１ is read as a01; renames too", async ({
  page,
  editor,
  signIn,
  db,
}) => {
  await signIn(editor);
  const { edition, page: pageRow } = await draftPage(db, 123);
  await page.goto(`/admin/editions/${edition.id}`);
  for (const code of ["sport", "A-1", "A1000"]) {
    await page.getByLabel("版号").fill(code);
    await page.getByLabel("版名").fill("体育");
    // Wait for each answer: the form re-renders with it, and typing before that would be overwritten.
    await Promise.all([
      page.waitForResponse((response) => response.request().method() === "POST"),
      page.getByRole("button", { name: "添加版面" }).click(),
    ]);
    await expect(page.getByRole("button", { name: "添加版面" })).toBeEnabled();
    await expect(page.locator("#code-error"), code).toContainText("版号由");
    await expect(page.getByLabel("版号")).toHaveValue(code);
  }
  await screenshot(page, "page-code-refused-desktop");
  expect(await db.page.count({ where: { editionId: edition.id } })).toBe(1);

  await page.getByLabel("版号").fill("ｂ０２");
  await page.getByLabel("版名").fill("要闻");
  await page.getByRole("button", { name: "添加版面" }).click();
  await expect(page.getByText("已新增第 b02 版。")).toBeVisible();
  expect(
    (await db.page.findMany({ where: { editionId: edition.id }, orderBy: { sortOrder: "asc" } })).map((p) => p.code),
  ).toEqual(["A01", "b02"]);

  await page.goto(`/admin/editions/${edition.id}/pages/${pageRow.id}`);
  for (const code of ["sport", "A-1", "A1000"]) {
    await page.getByLabel("版号").fill(code);
    await Promise.all([
      page.waitForResponse((response) => response.request().method() === "POST"),
      page.getByRole("button", { name: "保存版面信息" }).click(),
    ]);
    await expect(page.getByRole("button", { name: "保存版面信息" })).toBeEnabled();
    await expect(page.locator("#page-code-error"), code).toContainText("版号由");
  }
  expect((await db.page.findUniqueOrThrow({ where: { id: pageRow.id } })).code).toBe("A01");
  await page.getByLabel("版号").fill("Ａ０３");
  await page.getByRole("button", { name: "保存版面信息" }).click();
  await expect(page.getByText("版面信息已保存。")).toBeVisible();
  expect((await db.page.findUniqueOrThrow({ where: { id: pageRow.id } })).code).toBe("A03");
  await expect(alerts(page)).toHaveCount(0);
});

test("reader URLs work for every form of page code the rule accepts", async ({ page, editor, signIn, db }) => {
  await signIn(editor);
  const publication = await e2ePublication(db);
  const date = uniqueDate(124);
  const codes = ["A01", "b3", "12", "ABC999"];
  const edition = await db.edition.create({
    data: { publicationId: publication.id, issueDate: new Date(`${date}T00:00:00Z`), issueNumber: 124 },
  });
  for (const [index, code] of codes.entries()) {
    const row = await db.page.create({
      data: { editionId: edition.id, code, name: `第${index + 1}版`, sortOrder: index + 1 },
    });
    await db.article.create({ data: { pageId: row.id, sortOrder: 1, title: `${code} 的文章` } });
  }
  // Published through the admin, which tells the reader's cache.
  await page.goto(`/admin/editions/${edition.id}`);
  await page.getByRole("button", { name: "发布本期" }).click();
  await page.getByRole("button", { name: "确认发布" }).click();
  await expect(page.getByText("本期已发布")).toBeVisible();
  for (const code of codes) {
    const response = await page.goto(`/p/${E2E_PUBLICATION.slug}/${date}/${code.toLowerCase()}/1`);
    expect(response?.status(), code).toBe(200);
    await expect(page.getByRole("heading", { name: `${code} 的文章` })).toBeVisible();
  }
  // The printed spelling and a full-width one lead to the canonical, lower-case URL.
  await page.goto(`/p/${E2E_PUBLICATION.slug}/${date}/ABC999`);
  await expect(page).toHaveURL(new RegExp(`/${date}/abc999$`));
  await page.goto(`/p/${E2E_PUBLICATION.slug}/${date}/ａｂｃ９９９/1`);
  await expect(page).toHaveURL(new RegExp(`/${date}/abc999/1$`));
});
