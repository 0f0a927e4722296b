// A page PDF through the browser: upload with its rendering stages shown →
// page image, 本版PDF and text layer → a pasted article gets proposed regions
// the editor accepts and saves → the article not yet entered shows as 漏标 and
// starts a new article from its printed text.
import { layoutPage, PAGE_WIDTH } from "../../lib/sample/page-layout";
import { pagePdf } from "../../lib/sample/page-pdf";
import { e2ePublication, expect, screenshot, test, uniqueDate } from "./fixtures";

const ARTICLES = [
  {
    title: "海城跨海大桥主塔顺利封顶",
    byline: "本报记者 林晓",
    text: [
      "记者从市交通局获悉，海城跨海大桥三号主塔昨日顺利封顶，标志着大桥建设进入上部结构施工阶段。",
      "据介绍，大桥全长十二点六公里，设计时速一百公里，建成后从海城到东岛的车程将缩短至二十分钟。",
    ],
  },
  {
    title: "江滨夜市重新开张人气旺",
    byline: "本报记者 方明",
    text: ["经过三个月的改造，江滨夜市昨晚重新开张，一百二十个摊位全部入驻，市民排队品尝各地小吃，场面热闹。"],
  },
];

// Rendering a broadsheet PDF takes seconds, and much longer on a loaded machine.
test.describe.configure({ mode: "serial", timeout: 300_000 });

test("an editor uploads a page PDF, accepts the proposed region of a pasted article and sees the text not yet entered", async ({
  page,
  editor,
  signIn,
  db,
}, testInfo) => {
  const publication = await e2ePublication(db);
  const edition = await db.edition.create({
    data: {
      publicationId: publication.id,
      issueDate: new Date(`${uniqueDate(testInfo.project.name === "desktop" ? 40 : 41)}T00:00:00Z`),
      issueNumber: 40001,
    },
  });
  const target = await db.page.create({ data: { editionId: edition.id, code: "A03", name: "本市", sortOrder: 1 } });
  const layout = layoutPage({
    publicationName: "测试晚报",
    code: "A03",
    name: "本市",
    dateLabel: "2030年1月1日　星期二",
    issueLabel: "第40001期",
    front: false,
    articles: ARTICLES,
  });
  const pdf = Buffer.from(await pagePdf(layout.elements, { title: "A03", author: "测试晚报", created: new Date() }));
  await signIn(editor);

  await page.goto(`/admin/editions/${edition.id}/pages/${target.id}`);
  const input = page.getByLabel(/上传版面图/);
  await expect(input).toBeEnabled();
  await input.setInputFiles({ name: "A03.pdf", mimeType: "application/pdf", buffer: pdf });
  // The rendering stages are shown while the server works (the first one at least, before the outcome).
  await expect(page.getByRole("status").filter({ hasText: /正在|上传完成/ })).toBeVisible();
  await expect(page.getByText(/PDF 版面已上传/)).toBeVisible({ timeout: 180_000 });
  await expect(page.getByRole("link", { name: "本版PDF" })).toBeVisible();
  await expect(page.getByText("：有文字层，可按文字建议文章区域。")).toBeVisible();
  const stored = await db.page.findUniqueOrThrow({ where: { id: target.id }, include: { text: true } });
  expect(stored.pdfKey).toMatch(/page\.pdf$/);
  expect(stored.text).not.toBeNull();
  // Nothing is entered yet: both printed articles are 漏标.
  await expect(page.getByRole("heading", { name: /漏标：版面上有 \d+ 段文字/ })).toBeVisible();
  // A 漏标 line (a whole printed article, truncated) must not widen the screen beyond the viewport (it did on phones).
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
    page.viewportSize()!.width,
  );

  // The first article, pasted as the layout system's text (line breaks and full-width spaces differ from print).
  await page.getByRole("link", { name: "粘贴文章" }).click();
  const [first] = ARTICLES;
  await page
    .getByLabel("文章原文")
    .fill(
      [first.title, "", ...first.text.map((p) => `　　${p.slice(0, 20)}\n${p.slice(20)}`), first.byline].join("\n"),
    );
  await page.getByRole("button", { name: "识别并预览" }).click();
  await page.getByRole("button", { name: "确认保存" }).click();
  await expect(page.getByRole("heading", { name: "编辑文章" })).toBeVisible();
  await page.goto(`/admin/editions/${edition.id}/pages/${target.id}`);

  await expect(page.getByRole("heading", { name: /建议区域（虚线）/ })).toBeVisible();
  await screenshot(page, `pdf-proposal-${testInfo.project.name}`);
  await page.getByRole("button", { name: `采用「${first.title}」的建议区域` }).click();
  await expect(page.getByText("有未保存的区域修改")).toBeVisible();
  await page.getByRole("button", { name: "保存区域" }).click();
  await expect(page.getByText("区域已保存。")).toBeVisible();
  const article = await db.article.findFirstOrThrow({ where: { pageId: target.id } });
  const regions = article.regions as { type: string; x: number; y: number; w: number; h: number }[];
  expect(regions.length).toBeGreaterThan(0);
  // The proposal lies where the layout printed the article (layout units → image pixels).
  const scale = stored.imageWidth! / PAGE_WIDTH;
  const truth = layout.regions[0];
  const found = regions[0];
  if (truth.type !== "rect") throw new Error("the sample layout makes rectangles");
  expect(Math.abs(found.x - truth.x * scale)).toBeLessThan(40 * scale);
  expect(Math.abs(found.y - truth.y * scale)).toBeLessThan(60 * scale);

  // The second article is still 漏标; its printed text starts a new article.
  await page.reload();
  await expect(page.getByRole("heading", { name: /漏标/ })).toBeVisible();
  await page.getByRole("link", { name: "用这段文字新建文章" }).first().click();
  await expect(page.getByLabel("文章原文")).toHaveValue(/江滨夜市|海城|记者/);
  await screenshot(page, `pdf-block-paste-${testInfo.project.name}`);
});
