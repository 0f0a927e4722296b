// Pasting text as a browser delivers it from a web page or a PDF: CRLF line
// ends, non-breaking, em, thin and ideographic spaces, zero-width characters
// and full-width page numbers. What is recognised is right, and what is
// stored is clean.
import { e2ePublication, expect, screenshot, test, uniqueDate } from "./fixtures";

const MESSY = [
  "\ufeff海城新区建设提速\u00a0年内开工项目超百个",
  "\u3000\u200b",
  "\u2003\u2003本报讯\u200b 今年以来，海城新区累计开工重点项目1",
  "03个，完成投资286亿元。",
  "\u00a0\u00a0管委会负责人介绍，新区将继续\u2009优化营商环境。\u2060",
  "\u3000\u3000本报\u200d记者\u2009张三",
  "【 下转 第 Ａ８ 版 】",
].join("\r\n");

test("a paste full of invisible characters and odd spaces is recognised and stored clean", async ({
  page,
  editor,
  signIn,
  db,
}, testInfo) => {
  await signIn(editor);
  const publication = await e2ePublication(db);
  const offset = testInfo.project.name === "phone" ? 91 : 90;
  const edition = await db.edition.create({
    data: {
      publicationId: publication.id,
      issueDate: new Date(`${uniqueDate(offset)}T00:00:00Z`),
      issueNumber: offset,
    },
  });
  const [front] = await Promise.all(
    [
      ["A01", "头版", 1],
      ["A08", "体育", 2],
    ].map(([code, name, sortOrder]) =>
      db.page.create({
        data: { editionId: edition.id, code: String(code), name: String(name), sortOrder: Number(sortOrder) },
      }),
    ),
  );

  await page.goto(`/admin/editions/${edition.id}/pages/${front.id}/paste`);
  await page.getByLabel("文章原文").fill(MESSY);
  await page.getByRole("button", { name: "识别并预览" }).click();
  await expect(page.getByLabel("标题")).toHaveValue("海城新区建设提速 年内开工项目超百个");
  await expect(page.getByLabel("署名")).toHaveValue("本报记者 张三");
  await expect(page.getByLabel("正文")).toHaveValue(
    "本报讯 今年以来，海城新区累计开工重点项目103个，完成投资286亿元。\n\n管委会负责人介绍，新区将继续 优化营商环境。",
  );
  // The note is found despite its spaces and full-width letters, and points at page A08.
  await expect(page.getByText("文末有「【下转第Ａ８版】」")).toBeVisible();
  await expect(page.getByLabel(/在第 A08 版新建续篇/)).toBeVisible();
  await screenshot(page, `paste-messy-${testInfo.project.name}`);

  await page.getByRole("button", { name: "确认保存" }).click();
  await expect(page.getByRole("heading", { name: "编辑文章" })).toBeVisible();
  const stored = await db.article.findFirstOrThrow({ where: { pageId: front.id } });
  const text = JSON.stringify([stored.title, stored.byline, stored.body]);
  // Zero-width characters never reach the database; nor do exotic spaces.
  expect(text).not.toMatch(/[\u200b-\u200d\u2060\ufeff\u00a0\u2003\u2009\u3000]/);
  expect(stored.title).toBe("海城新区建设提速 年内开工项目超百个");
  expect(stored.byline).toBe("本报记者 张三");
  expect(stored.body).toEqual([
    { type: "paragraph", text: "本报讯 今年以来，海城新区累计开工重点项目103个，完成投资286亿元。" },
    { type: "paragraph", text: "管委会负责人介绍，新区将继续 优化营商环境。" },
  ]);
});
