// Bad input on the admin's forms: each gets a clear message next to its field,
// keeps what was typed, and stores nothing.
import { writeFile } from "node:fs/promises";
import sharp from "sharp";
import {
  alerts,
  E2E_PUBLICATION,
  e2ePublication,
  expect,
  logInThroughForm,
  pageImage,
  screenshot,
  sessionCookie,
  test,
  uniqueDate,
} from "./fixtures";

test.skip(({ isMobile }) => isMobile, "desktop; the phone has its own spec");

test("unknown user and wrong password get the same message; repeated failures are slowed down", async ({
  page,
  editor,
  db,
}) => {
  await page.goto("/admin/login");
  await logInThroughForm(page, { email: "nobody@e2e.banmian.local", password: "whatever" });
  await expect(alerts(page)).toHaveText("邮箱或密码不正确。");
  await logInThroughForm(page, { email: editor.email, password: "wrong-password" });
  await expect(alerts(page)).toHaveText("邮箱或密码不正确。");
  await expect(page.getByRole("button", { name: "登录", exact: true })).toBeEnabled();
  // The e-mail is kept, the password is not.
  await expect(page.getByLabel("邮箱")).toHaveValue(editor.email);
  await expect(page.getByLabel("密码")).toHaveValue("");
  for (let i = 0; i < 4; i++) {
    await logInThroughForm(page, { email: editor.email, password: `wrong-${i}` });
    // Wait for the answer: the button is disabled while a login is being checked.
    await expect(page.getByRole("button", { name: "登录", exact: true })).toBeEnabled();
  }
  await logInThroughForm(page, editor);
  await expect(alerts(page)).toContainText("登录失败次数过多");
  // Counted for this address and account (server.mjs tells the app the socket's address).
  const pair = await db.loginThrottle.findUnique({ where: { key: `pair:127.0.0.1|${editor.email}` } });
  expect(pair?.lockedUntil).toBeTruthy();
  await db.loginThrottle.deleteMany({});
});

test("a date that already has an edition, and an empty issue number, are refused next to their fields", async ({
  page,
  editor,
  signIn,
  db,
}) => {
  await signIn(editor);
  const existing = await db.edition.findFirstOrThrow({
    where: { publication: { isDefault: true } },
    orderBy: { issueDate: "desc" },
  });
  const date = existing.issueDate.toISOString().slice(0, 10);
  const before = await db.edition.count();
  await page.goto("/admin/editions/new");
  await page.getByLabel("出版日期").fill(date);
  await page.getByLabel("期号").fill("");
  await page.getByRole("button", { name: "创建期次" }).click();
  await expect(
    page.getByText("期号须为整数").or(page.getByText("期号须大于 0")).or(page.getByText("期号须为数字")),
  ).toBeVisible();
  await page.getByLabel("期号").fill("123");
  await page.getByRole("button", { name: "创建期次" }).click();
  await expect(page.locator("#issueDate-error")).toContainText(`${date} 已经有一期报纸了`);
  await expect(page.getByLabel("出版日期")).toHaveValue(date);
  await expect(page.getByLabel("期号")).toHaveValue("123");
  await screenshot(page, "edition-duplicate-date-desktop");
  expect(await db.edition.count()).toBe(before);
});

test("a page code that exists (in any case), an empty title and bad page images are refused", async ({
  page,
  editor,
  signIn,
  db,
}, testInfo) => {
  await signIn(editor);
  const publication = await e2ePublication(db);
  const edition = await db.edition.create({
    data: { publicationId: publication.id, issueDate: new Date(`${uniqueDate(40)}T00:00:00Z`), issueNumber: 9 },
  });
  const pageRow = await db.page.create({ data: { editionId: edition.id, code: "A01", name: "头版", sortOrder: 1 } });
  await page.goto(`/admin/editions/${edition.id}`);
  await page.getByLabel("版号").fill("a01");
  await page.getByLabel("版名").fill("重复");
  await page.getByRole("button", { name: "添加版面" }).click();
  await expect(page.getByText("本期已有 a01 版（版号不区分大小写）。")).toBeVisible();
  await expect(page.getByLabel("版名")).toHaveValue("重复");
  expect(await db.page.count({ where: { editionId: edition.id } })).toBe(1);

  await page.goto(`/admin/editions/${edition.id}/pages/${pageRow.id}/articles/new`);
  await page.getByLabel("正文").fill("有正文但没有标题。");
  await page.getByRole("button", { name: "创建文章" }).click();
  await expect(page.locator("#article-title-error")).toHaveText("标题不能为空");
  await expect(page.getByLabel("正文")).toHaveValue("有正文但没有标题。");
  expect(await db.article.count({ where: { pageId: pageRow.id } })).toBe(0);

  await page.goto(`/admin/editions/${edition.id}/pages/${pageRow.id}`);
  const input = page.getByLabel(/上传版面图/);
  await expect(input).toBeEnabled();
  await input.setInputFiles({
    name: "page.jpg",
    mimeType: "image/jpeg",
    buffer: Buffer.from("this is text, not a JPEG"),
  });
  await expect(alerts(page)).toContainText("只支持 JPEG、PNG 或 WebP");
  await input.setInputFiles({
    name: "evil.svg",
    mimeType: "image/svg+xml",
    buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
  });
  await expect(alerts(page)).toContainText("只支持 JPEG、PNG 或 WebP");
  const huge = testInfo.outputPath("huge.png");
  await writeFile(huge, Buffer.alloc(50 * 1024 * 1024));
  await input.setInputFiles(huge);
  await expect(alerts(page)).toContainText("文件太大");
  await screenshot(page, "upload-refused-desktop");
  // The server refuses a 50 MB body too, whatever the browser does.
  const response = await page.request.post(`/api/admin/pages/${pageRow.id}/image`, {
    data: Buffer.alloc(50 * 1024 * 1024),
    headers: { "Content-Type": "application/octet-stream" },
  });
  expect(response.status()).toBe(413);
  expect((await db.page.findUniqueOrThrow({ where: { id: pageRow.id } })).imageKey).toBeNull();
});

test("replacing a page image keeps the regions, scaled to the new size, and says so", async ({
  page,
  editor,
  signIn,
  db,
}) => {
  await signIn(editor);
  const publication = await e2ePublication(db);
  const edition = await db.edition.create({
    data: { publicationId: publication.id, issueDate: new Date(`${uniqueDate(41)}T00:00:00Z`), issueNumber: 10 },
  });
  const pageRow = await db.page.create({ data: { editionId: edition.id, code: "A01", name: "头版", sortOrder: 1 } });
  await page.goto(`/admin/editions/${edition.id}/pages/${pageRow.id}`);
  await expect(page.getByLabel(/上传版面图/)).toBeEnabled();
  await page
    .getByLabel(/上传版面图/)
    .setInputFiles({ name: "a.png", mimeType: "image/png", buffer: await pageImage(1000, 1400) });
  await expect(page.getByText(/版面图已上传/)).toBeVisible({ timeout: 30_000 });
  const article = await db.article.create({
    data: {
      pageId: pageRow.id,
      sortOrder: 1,
      title: "有区域的文章",
      regions: [{ type: "rect", x: 100, y: 200, w: 300, h: 400 }],
    },
  });
  await page.reload();
  const bigger = await sharp(await pageImage(2000, 2800))
    .jpeg()
    .toBuffer();
  await expect(page.getByLabel(/替换版面图/)).toBeEnabled();
  await page.getByLabel(/替换版面图/).setInputFiles({ name: "b.jpg", mimeType: "image/jpeg", buffer: bigger });
  await expect(page.getByText("尺寸有变化，原有 1 个文章区域已按比例缩放，请检查位置。")).toBeVisible({
    timeout: 30_000,
  });
  const scaled = await db.article.findUniqueOrThrow({ where: { id: article.id } });
  expect(scaled.regions).toEqual([{ type: "rect", x: 200, y: 400, w: 600, h: 800 }]);
});

test("two editors saving the same article: the second sees both versions and nothing is overwritten", async ({
  browser,
  editor,
  admin,
  db,
  baseURL,
}) => {
  const publication = await e2ePublication(db);
  const edition = await db.edition.create({
    data: { publicationId: publication.id, issueDate: new Date(`${uniqueDate(42)}T00:00:00Z`), issueNumber: 11 },
  });
  const pageRow = await db.page.create({ data: { editionId: edition.id, code: "A01", name: "头版", sortOrder: 1 } });
  const article = await db.article.create({
    data: { pageId: pageRow.id, sortOrder: 1, title: "原标题", body: [{ type: "paragraph", text: "原文。" }] },
  });
  const url = `/admin/editions/${edition.id}/pages/${pageRow.id}/articles/${article.id}`;
  const { createSessionRecord } = await import("../../lib/auth/sessions");
  const open = async (userId: number) => {
    const context = await browser.newContext({ baseURL });
    const { token } = await createSessionRecord(db, userId);
    await context.addCookies([sessionCookie(baseURL!, token)]);
    const tab = await context.newPage();
    await tab.goto(url);
    return tab;
  };
  const first = await open(editor.id);
  const second = await open(admin.id);
  await first.getByLabel("标题").fill("甲的标题");
  await first.getByRole("button", { name: "保存文章" }).click();
  await expect(first.getByText("已保存。")).toBeVisible();

  await second.getByLabel("标题").fill("乙的标题");
  await second.getByLabel("正文").fill("乙的正文。");
  await second.getByRole("button", { name: "保存文章" }).click();
  await expect(second.getByText("没有保存：这篇文章在你编辑期间被别人修改过。")).toBeVisible();
  await expect(second.getByTestId("conflict-theirs")).toContainText("甲的标题");
  await expect(second.getByLabel("标题")).toHaveValue("乙的标题");
  await screenshot(second, "article-conflict-desktop");
  expect((await db.article.findUniqueOrThrow({ where: { id: article.id } })).title).toBe("甲的标题");

  // Having seen the other version, saving again is a deliberate choice and goes through.
  await second.getByRole("button", { name: "保存文章" }).click();
  await expect(second.getByText("已保存。")).toBeVisible();
  expect((await db.article.findUniqueOrThrow({ where: { id: article.id } })).title).toBe("乙的标题");
  await first.context().close();
  await second.context().close();
});

test("an expired session leads to the login and back to the same screen", async ({ page, editor, signIn, db }) => {
  await signIn(editor);
  const edition = await db.edition.findFirstOrThrow({ orderBy: { id: "asc" } });
  await page.goto(`/admin/editions/${edition.id}/audit`);
  await expect(page.getByRole("heading", { name: /操作记录/ })).toBeVisible();
  await db.session.updateMany({ where: { userId: editor.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
  await page.reload();
  await expect(page).toHaveURL(/\/admin\/login\?next=/);
  await logInThroughForm(page, editor);
  await expect(page).toHaveURL(new RegExp(`/admin/editions/${edition.id}/audit$`));
});

test("a bundle with problems is refused with every problem listed; a valid one is imported", async ({
  page,
  editor,
  signIn,
  db,
}) => {
  await signIn(editor);
  const { writeZip } = await import("../../lib/import/zip-writer");
  const date = uniqueDate(43);
  await e2ePublication(db);
  const manifest = {
    version: 1,
    publication: E2E_PUBLICATION.slug,
    date,
    issueNumber: 77,
    pages: [{ code: "A01", name: "头版", image: "a01.png", articles: [{ title: "", body: ["x"] }] }],
  };
  await page.goto("/admin/import");
  await expect(page.getByLabel("期次包（ZIP）")).toBeEnabled();
  await page.getByLabel("期次包（ZIP）").setInputFiles({
    name: "bad.zip",
    mimeType: "application/zip",
    buffer: writeZip([
      { name: "manifest.json", data: Buffer.from(JSON.stringify(manifest)) },
      { name: "../../x", data: Buffer.from("x") },
    ]),
  });
  await expect(alerts(page)).toContainText("不安全的路径");
  await page.getByLabel("期次包（ZIP）").setInputFiles({
    name: "bad2.zip",
    mimeType: "application/zip",
    buffer: writeZip([{ name: "manifest.json", data: Buffer.from(JSON.stringify(manifest)) }]),
  });
  await expect(alerts(page)).toContainText("标题不能为空");
  await expect(alerts(page)).toContainText("包中没有文件 a01.png");
  expect(await db.edition.count({ where: { issueDate: new Date(`${date}T00:00:00Z`) } })).toBe(0);

  manifest.pages[0].articles[0].title = "导入的文章";
  await page.getByLabel("期次包（ZIP）").setInputFiles({
    name: "good.zip",
    mimeType: "application/zip",
    buffer: writeZip([
      { name: "manifest.json", data: Buffer.from(JSON.stringify(manifest)) },
      { name: "a01.png", data: await pageImage(800, 1100) },
    ]),
  });
  await expect(page.getByRole("status")).toContainText(`已导入 ${date}`);
  await screenshot(page, "import-desktop");
  expect(
    await db.article.count({
      where: { title: "导入的文章", page: { edition: { issueDate: new Date(`${date}T00:00:00Z`) } } },
    }),
  ).toBe(1);
});

test("a continuation link the rules forbid is refused with the reason; unlinking keeps both parts", async ({
  page,
  editor,
  signIn,
  db,
}) => {
  await signIn(editor);
  const publication = await e2ePublication(db);
  const edition = await db.edition.create({
    data: { publicationId: publication.id, issueDate: new Date(`${uniqueDate(44)}T00:00:00Z`), issueNumber: 44 },
  });
  const one = await db.page.create({ data: { editionId: edition.id, code: "A01", name: "头版", sortOrder: 1 } });
  const two = await db.page.create({ data: { editionId: edition.id, code: "A02", name: "要闻", sortOrder: 2 } });
  const x = await db.article.create({ data: { pageId: one.id, sortOrder: 1, title: "甲文" } });
  const y = await db.article.create({ data: { pageId: one.id, sortOrder: 2, title: "乙文" } });
  const z = await db.article.create({ data: { pageId: two.id, sortOrder: 1, title: "续篇" } });
  await page.goto(`/admin/editions/${edition.id}/pages/${one.id}/articles/${x.id}`);
  await page.getByLabel("下转到").selectOption({ label: "第 A02 版「续篇」" });
  // Meanwhile another editor links 乙文 to the same continuation.
  await db.article.update({ where: { id: y.id }, data: { nextPartId: z.id } });
  await page.getByRole("button", { name: "链接续篇" }).click();
  await expect(page.getByText("「续篇」已接自「乙文」（第A01版），一篇文章只能有一个上文。")).toBeVisible();
  expect((await db.article.findUniqueOrThrow({ where: { id: x.id } })).nextPartId).toBeNull();

  await page.goto(`/admin/editions/${edition.id}/pages/${one.id}/articles/${y.id}`);
  await expect(page.getByRole("link", { name: "第 A02 版「续篇」" })).toBeVisible();
  await page.getByRole("button", { name: "取消下转链接" }).click();
  await page.getByRole("button", { name: "确认取消" }).click();
  await expect(page.getByLabel("下转到")).toBeVisible();
  expect((await db.article.findUniqueOrThrow({ where: { id: y.id } })).nextPartId).toBeNull();
  expect(await db.article.count({ where: { id: { in: [y.id, z.id] } } })).toBe(2);
});

test("a double-clicked save creates the article once", async ({ page, editor, signIn, db }) => {
  await signIn(editor);
  const publication = await e2ePublication(db);
  const edition = await db.edition.create({
    data: { publicationId: publication.id, issueDate: new Date(`${uniqueDate(45)}T00:00:00Z`), issueNumber: 45 },
  });
  const pageRow = await db.page.create({ data: { editionId: edition.id, code: "A01", name: "头版", sortOrder: 1 } });
  await page.goto(`/admin/editions/${edition.id}/pages/${pageRow.id}/articles/new`);
  await page.getByLabel("标题").fill("只保存一次");
  await page.getByRole("button", { name: "创建文章" }).dblclick();
  await expect(page.getByRole("heading", { name: "编辑文章" })).toBeVisible();
  expect(await db.article.count({ where: { pageId: pageRow.id, title: "只保存一次" } })).toBe(1);
});

test("malformed and out-of-range ids in admin URLs are 找不到, never server errors", async ({
  page,
  editor,
  signIn,
}) => {
  await signIn(editor);
  for (const path of [
    "/admin/editions/1.5",
    "/admin/editions/99999999999",
    "/admin/editions/abc/audit",
    "/admin/editions/99999999999/preview",
    "/admin/editions/1/pages/2147483648",
    "/admin/editions/1/pages/1e3/paste",
    "/admin/editions/1/pages/1/articles/-2",
  ]) {
    // The admin streams its shell (loading.tsx) before the page decides, so the status can be 200; what matters is the page.
    const response = await page.goto(path);
    expect(response?.status(), path).toBeLessThan(500);
    await expect(page.getByRole("heading", { name: "找不到这个内容" }), path).toBeVisible();
  }
  const upload = await page.request.post("/api/admin/pages/99999999999/image", { data: Buffer.from("not an image") });
  expect(upload.status()).toBe(404);
  expect(await upload.json()).toEqual({ message: "版面不存在。" });
});
