// Page PDFs in the bundle import and npm run import, against a real database
// and real PDFs: a page's `pdf` instead of its `image` is rendered into the
// page image, tiles, 本版PDF and text layer (the page screen's path); beside an
// image it gives the 本版PDF and the text; bad PDFs are refused naming the page.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { getPageTextReview } from "../admin/page-text";
import { maxLevel, tileKey, type DeepZoom } from "../deep-zoom";
import { blankPdf, encryptedPdf, imageOnlyPdf, latinPdf } from "../pdf/fixtures";
import { textLayerSchema } from "../pdf/text-layer";
import { layoutPage, PAGE_WIDTH } from "../sample/page-layout";
import { pagePdf } from "../sample/page-pdf";
import { storagePath } from "../storage";
import { freshDatabase, type TestDatabase } from "../testing/database";
import { readZip } from "./bundle";
import { formatReport, importBundle } from "./import";
import { writeZip, type ZipEntry } from "./zip-writer";

const storage = mkdtempSync(path.join(os.tmpdir(), "banmian-import-pdf-"));
process.env.STORAGE_DIR = storage;

let db: TestDatabase;

before(async () => {
  db = await freshDatabase("import_pdf");
  await db.prisma.publication.create({ data: { slug: "haicheng", name: "海城日报", isDefault: true } });
});
after(async () => {
  await db.drop();
  rmSync(storage, { recursive: true, force: true });
});

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
    text: ["经过三个月的改造，江滨夜市昨晚重新开张，一百二十个摊位全部入驻，市民排队品尝各地小吃。"],
  },
];
const layout = layoutPage({
  publicationName: "海城日报",
  code: "A01",
  name: "要闻",
  dateLabel: "2031年6月1日　星期日",
  issueLabel: "第1期",
  front: false,
  articles: ARTICLES,
});
const LATIN = "Haicheng Daily page A02: the printed text of this page, selectable in the PDF";

/** A4 at its proportions (595 × 842 pt), as a PNG of `width` pixels. */
async function a4Image(width = 1190): Promise<Buffer> {
  return sharp({ create: { width, height: Math.round((width * 842) / 595), channels: 3, background: "#f4efe4" } })
    .png()
    .toBuffer();
}

function manifest(date: string, pages: unknown[]) {
  return Buffer.from(JSON.stringify({ version: 1, date, issueNumber: 1, pages }));
}

async function run(files: ZipEntry[]) {
  return importBundle(db.prisma, await readZip(writeZip(files), "test.zip"), { userId: null });
}

function files(): string[] {
  return readdirSync(storage, { recursive: true }).map(String);
}

async function counts() {
  return { editions: await db.prisma.edition.count(), pages: await db.prisma.page.count(), files: files().length };
}

test("a page's pdf instead of its image becomes the page image, tiles, 本版PDF and text layer; beside an image, the 本版PDF and text", async () => {
  const cjk = await pagePdf(layout.elements, { title: "A01", author: "海城日报", created: new Date() });
  const latin = await latinPdf(LATIN);
  const result = await run([
    {
      name: "manifest.json",
      data: manifest("2031-06-01", [
        {
          code: "A01",
          name: "要闻",
          pdf: "pdf/a01.pdf",
          // As the layout system exports the text: without regions, paragraphs broken differently.
          articles: [{ title: ARTICLES[0].title, byline: ARTICLES[0].byline, body: ARTICLES[0].text }],
        },
        { code: "A02", name: "英文", image: "pages/a02.png", pdf: "pdf/a02.pdf", articles: [] },
        { code: "A03", name: "无PDF", image: "pages/a02.png", articles: [] },
      ]),
    },
    { name: "pdf/a01.pdf", data: Buffer.from(cjk) },
    { name: "pdf/a02.pdf", data: Buffer.from(latin) },
    { name: "pages/a02.png", data: await a4Image() },
  ]);
  assert.equal(result.ok, true, formatReport(result));
  if (!result.ok) return;
  assert.deepEqual(
    result.pages.map((page) => [page.code, page.image, page.pdf]),
    [
      ["A01", true, true],
      ["A02", true, true],
      ["A03", true, false],
    ],
  );
  assert.match(formatReport(result), /第 A01 版「要闻」：1 篇文章，含版面图和本版PDF/);
  assert.match(formatReport(result), /第 A03 版「无PDF」：0 篇文章，含版面图\n/);

  const pages = await db.prisma.page.findMany({
    where: { editionId: result.editionId },
    orderBy: { sortOrder: "asc" },
    include: { text: true },
  });
  const [a01, a02, a03] = pages;
  // Rendered at 200 dpi from the broadsheet PDF (350 × 490 mm), as the page screen's upload renders it.
  assert.deepEqual([a01.imageWidth, a01.imageHeight], [2755, 3858]);
  assert.match(a01.imageKey!, /^pages\/import-2031-06-01-[0-9a-f]+\/p1\/original\.jpg$/);
  assert.ok(existsSync(storagePath(a01.imageKey!)));
  // Deep-zoom tiles down to the full resolution, under the page's final folder.
  const zoom = a01.imageTiles as DeepZoom;
  assert.deepEqual([zoom.width, zoom.height], [2755, 3858]);
  const deepest = tileKey(zoom, { level: maxLevel(zoom), column: 0, row: 0 });
  assert.ok(deepest.startsWith(path.dirname(a01.imageKey!)) && existsSync(storagePath(deepest)), deepest);
  // The 本版PDF is the file from the bundle, byte for byte.
  assert.deepEqual(readFileSync(storagePath(a01.pdfKey!)), Buffer.from(cjk));
  const layer = textLayerSchema.parse(a01.text?.layer);
  const printed = layer.lines.map((line) => line.text).join("\n");
  for (const article of ARTICLES) assert.ok(printed.includes(article.title), `text layer has ${article.title}`);
  // The imported article gets a proposed region where the layout printed it; the other one is 漏标.
  const review = await getPageTextReview(a01.id, db.prisma);
  assert.ok(review);
  const article = await db.prisma.article.findFirstOrThrow({ where: { pageId: a01.id } });
  const [proposed] = review.proposals[article.id] ?? [];
  const truth = layout.regions[0];
  assert.ok(proposed?.type === "rect" && truth.type === "rect", JSON.stringify(review.proposals));
  const scale = a01.imageWidth! / PAGE_WIDTH;
  assert.ok(Math.abs(proposed.x - truth.x * scale) < 40 * scale && Math.abs(proposed.y - truth.y * scale) < 60 * scale);
  assert.ok(review.uncovered.some((block) => block.text.includes("江滨夜市")));

  // Beside an image: the image is the page image, the PDF its 本版PDF and text layer.
  assert.deepEqual([a02.imageWidth, a02.imageHeight], [1190, 1684]);
  assert.match(a02.imageKey!, /\/p2\/original\.png$/);
  assert.deepEqual(readFileSync(storagePath(a02.pdfKey!)), Buffer.from(latin));
  assert.match(
    textLayerSchema
      .parse(a02.text?.layer)
      .lines.map((line) => line.text)
      .join(" "),
    /Haicheng Daily page A02/,
  );
  assert.equal(a03.pdfKey, null);
  assert.equal(a03.text, null);
  // Nothing is left in staging.
  assert.deepEqual(readdirSync(storagePath("staging")), []);
});

test("a PDF of several pages for one page is refused, naming the page; nothing is stored", async () => {
  const before = await counts();
  const result = await run([
    {
      name: "manifest.json",
      data: manifest("2031-06-02", [
        { code: "A01", name: "要闻", pdf: "a01.pdf", articles: [] },
        { code: "A02", name: "本市", pdf: "all.pdf", articles: [] },
      ]),
    },
    { name: "a01.pdf", data: Buffer.from(await blankPdf(1, 100, 140)) },
    { name: "all.pdf", data: Buffer.from(await blankPdf(3, 100, 140)) },
  ]);
  assert.equal(result.ok, false);
  const report = formatReport(result);
  assert.match(report, /all\.pdf（manifest\.json › pages\[1\]（A02））: 这个 PDF 有 3 页，而一个版只能有一页 PDF/);
  assert.doesNotMatch(report, /a01\.pdf/);
  assert.deepEqual(await counts(), before);
});

test("encrypted, broken, empty, mislabelled, missing and mismatched PDFs are each refused with their page", async () => {
  const good = await blankPdf(1, 100, 140);
  const before = await counts();
  const result = await run([
    {
      name: "manifest.json",
      data: manifest("2031-06-03", [
        { code: "A01", name: "一", pdf: "encrypted.pdf" },
        { code: "A02", name: "二", pdf: "broken.pdf" },
        { code: "A03", name: "三", pdf: "empty.pdf" },
        { code: "A04", name: "四", pdf: "picture.pdf" },
        { code: "A05", name: "五", pdf: "missing.pdf" },
        // An A4 image beside a landscape PDF page: the PDF's text would not sit on the image.
        { code: "A06", name: "六", image: "a4.png", pdf: "landscape.pdf" },
      ]),
    },
    { name: "encrypted.pdf", data: Buffer.from(await encryptedPdf("secret")) },
    { name: "broken.pdf", data: Buffer.from(good.subarray(0, good.length / 2)) },
    { name: "empty.pdf", data: Buffer.alloc(0) },
    { name: "picture.pdf", data: await a4Image(600) },
    { name: "a4.png", data: await a4Image(600) },
    { name: "landscape.pdf", data: Buffer.from(await blankPdf(1, 200, 100)) },
  ]);
  assert.equal(result.ok, false);
  const report = formatReport(result);
  for (const pattern of [
    /encrypted\.pdf（manifest\.json › pages\[0\]（A01））: PDF 已加密/,
    /broken\.pdf（manifest\.json › pages\[1\]（A02））: PDF 文件已损坏或不完整/,
    /empty\.pdf（manifest\.json › pages\[2\]（A03））: 文件是空的/,
    /picture\.pdf（manifest\.json › pages\[3\]（A04））: 这不是 PDF 文件/,
    /manifest\.json › pages\[4\]（A05） › pdf: 包中没有文件 missing\.pdf/,
    /landscape\.pdf（manifest\.json › pages\[5\]（A06））: PDF 页面（200 × 100 毫米）与版面图（600×849）的比例不同/,
  ])
    assert.match(report, pattern);
  assert.equal(result.ok ? 0 : result.problems.length, 6, report);
  assert.deepEqual(await counts(), before);
});

test("a PDF without a text layer gives an image-only page and a note that regions are drawn by hand", async () => {
  const result = await run([
    {
      name: "manifest.json",
      data: manifest("2031-06-04", [{ code: "A01", name: "扫描", pdf: "scan.pdf", articles: [] }]),
    },
    { name: "scan.pdf", data: Buffer.from(await imageOnlyPdf()) },
  ]);
  assert.equal(result.ok, true, formatReport(result));
  if (!result.ok) return;
  const page = await db.prisma.page.findFirstOrThrow({
    where: { editionId: result.editionId },
    include: { text: true },
  });
  assert.ok(page.imageKey && page.pdfKey);
  assert.equal(page.text, null);
  assert.match(
    formatReport(result),
    /注意：manifest\.json › pages\[0\]（A01） › pdf：这个 PDF 没有文字层（可能是扫描件）：版面图已生成，文章区域需要手工框出。/,
  );
});

test("npm run import takes a folder whose manifest names a page's pdf", async () => {
  const folder = mkdtempSync(path.join(os.tmpdir(), "banmian-import-folder-"));
  try {
    mkdirSync(path.join(folder, "pdf"));
    writeFileSync(path.join(folder, "pdf", "a01.pdf"), await latinPdf(LATIN));
    writeFileSync(
      path.join(folder, "manifest.json"),
      manifest("2031-06-05", [{ code: "A01", name: "要闻", pdf: "pdf/a01.pdf", articles: [{ title: "一篇" }] }]),
    );
    const cli = spawnSync(process.execPath, ["--import", "tsx", "scripts/import.ts", folder], {
      env: { ...process.env, DATABASE_URL: db.url, STORAGE_DIR: storage },
      encoding: "utf8",
    });
    assert.equal(cli.status, 0, cli.stderr + cli.stdout);
    assert.match(cli.stdout, /第 A01 版「要闻」：1 篇文章，含版面图和本版PDF/);
    const page = await db.prisma.page.findFirstOrThrow({
      where: { edition: { issueDate: new Date("2031-06-05T00:00:00Z") } },
      include: { text: true },
    });
    // A4 (595 × 842 pt) at 200 dpi.
    assert.deepEqual([page.imageWidth, page.imageHeight], [1652, 2338]);
    assert.ok(page.pdfKey && page.text);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
