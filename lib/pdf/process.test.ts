// Rendering and reading real PDFs with PDFium: the sample paper's CJK pages,
// and every kind of bad input an upload can bring.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { levelSize, maxLevel, tileGrid, tileKey } from "../deep-zoom";
import { layoutPage, PAGE_WIDTH } from "../sample/page-layout";
import { pagePdf } from "../sample/page-pdf";
import { storagePath } from "../storage";
import {
  blankPdf,
  chromiumPdf,
  encryptedPdf,
  imageOnlyPdf,
  javaScriptPdf,
  latinPdf,
  unembeddedFontPdf,
} from "./fixtures";
import { PDF_LIMITS, PdfError } from "./limits";
import { proposeRegions } from "./match";
import { inspectPdf, renderPdfPage, renderSize } from "./process";
import { runPdfJob } from "./run";

const storage = mkdtempSync(path.join(os.tmpdir(), "banmian-pdf-"));
process.env.STORAGE_DIR = storage;
after(() => rmSync(storage, { recursive: true, force: true }));

const articles = [
  {
    kicker: "记者手记",
    title: "海城跨海大桥主塔顺利封顶",
    subtitle: null,
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
  {
    title: "城市书房增至四十六家",
    text: ["今年新建的十二家城市书房全部开放，市民凭借书证即可免费借阅，夜间开放至晚上十点。"],
  },
];
const layout = layoutPage({
  publicationName: "海城日报",
  code: "a03",
  name: "本市·综合",
  dateLabel: "2026年11月25日　星期三",
  issueLabel: "第28180期",
  front: false,
  articles,
});
let samplePdf: Uint8Array;

before(async () => {
  samplePdf = await pagePdf(layout.elements, { title: "海城日报 A03", author: "海城日报", created: new Date() });
});

test("a sample page renders at 200 dpi with its CJK text drawn from the embedded fonts", async () => {
  assert.deepEqual(await inspectPdf(samplePdf), {
    pageCount: 1,
    pages: [{ widthMm: 350, heightMm: 490 }],
    javaScript: false,
  });
  const rendered = await renderPdfPage(samplePdf, 0, "pages/test/sample");
  assert.equal(rendered.dpi, 200);
  assert.deepEqual([rendered.image.imageWidth, rendered.image.imageHeight], [2755, 3858]);
  assert.deepEqual(rendered.missingFonts, []);
  const original = storagePath(rendered.image.imageKey);
  // The page code "A03" is printed red at the top left: red pixels there, white paper around.
  const scale = rendered.image.imageWidth / PAGE_WIDTH;
  const { data, info } = await sharp(original)
    .extract({
      left: Math.round(60 * scale),
      top: Math.round(50 * scale),
      width: Math.round(100 * scale),
      height: Math.round(50 * scale),
    })
    .raw()
    .toBuffer({ resolveWithObject: true });
  let red = 0;
  for (let i = 0; i < data.length; i += info.channels) if (data[i] > 140 && data[i + 1] < 80 && data[i + 2] < 80) red++;
  assert.ok(red > 500, `red glyph pixels of "A03": ${red}`);
  assert.ok(rendered.textLayer);
  const text = rendered.textLayer.lines.map((line) => line.text).join("\n");
  for (const article of articles) assert.ok(text.includes(article.title), `text layer has ${article.title}`);
  // Glyphs, not empty boxes or blanks: where the text layer puts the lead title, dark strokes cover a fair share.
  const line = rendered.textLayer.lines.find((candidate) => candidate.text === articles[0].title);
  assert.ok(line);
  const px = rendered.image.imageWidth / 10_000;
  const title = await sharp(original)
    .extract({
      left: Math.round(line.box[0] * px),
      top: Math.round(line.box[1] * px),
      width: Math.round((line.box[2] - line.box[0]) * px),
      height: Math.round((line.box[3] - line.box[1]) * px),
    })
    .greyscale()
    .raw()
    .toBuffer();
  const dark = title.filter((value) => value < 100).length / title.length;
  assert.ok(dark > 0.1 && dark < 0.6, `share of dark pixels in the title: ${dark}`);
  // The text layer places each article inside the rectangle the layout gave it, title included.
  const proposals = proposeRegions(
    rendered.textLayer,
    articles.map((a) => ({ ...a, paragraphs: a.text })),
    rendered.image.imageWidth,
  );
  proposals.forEach((proposal, i) => {
    assert.ok(proposal, `a proposal for ${articles[i].title}`);
    const truth = layout.regions[i];
    const [found] = proposal.regions;
    assert.ok(truth.type === "rect" && found.type === "rect" && proposal.regions.length === 1);
    const f = {
      x: found.x / scale,
      y: found.y / scale,
      r: (found.x + found.w) / scale,
      b: (found.y + found.h) / scale,
    };
    const where = `${articles[i].title}: ${JSON.stringify(f)} in ${JSON.stringify(truth)}`;
    assert.ok(f.x >= truth.x - 15 && f.y >= truth.y - 15, where);
    assert.ok(f.r <= truth.x + truth.w + 15 && f.b <= truth.y + truth.h + 15, where);
    const titleLine = rendered.textLayer!.lines.find((candidate) => candidate.text === articles[i].title)!;
    const middle = ((titleLine.box[1] + titleLine.box[3]) / 2) * px;
    assert.ok(middle >= found.y && middle <= found.y + found.h, `${where}: the title is inside`);
  });
});

test("tiles are written exactly where the deep-zoom math says, for every level", async () => {
  const rendered = await renderPdfPage(await blankPdf(1, 100, 150), 0, "pages/test/tiles");
  const zoom = rendered.image.imageTiles;
  assert.equal(maxLevel(zoom), Math.ceil(Math.log2(zoom.height)));
  for (let level = 0; level <= maxLevel(zoom); level++) {
    const { columns, rows } = tileGrid(zoom, level);
    const files = readdirSync(storagePath(`${zoom.key}_files/${level}`)).sort();
    assert.equal(files.length, columns * rows, `level ${level}`);
    assert.ok(existsSync(storagePath(tileKey(zoom, { level, column: columns - 1, row: rows - 1 }))));
    const last = await sharp(storagePath(tileKey(zoom, { level, column: columns - 1, row: rows - 1 }))).metadata();
    const size = levelSize(zoom, level);
    const expectedWidth = size.width - (columns - 1) * zoom.tileSize + (columns > 1 ? zoom.overlap : 0);
    assert.equal(last.width, expectedWidth, `level ${level} last column width`);
  }
});

test("a page printed by Chromium (CFF fonts from another producer) renders and reads as well", async () => {
  const paragraph = "市政府昨日召开新闻发布会，介绍海城新区建设进展。今年以来，新区累计签约重大项目一百二十个。";
  const bytes = await chromiumPdf(
    `<body style="margin:20mm;font:10pt 'Noto Serif CJK SC'"><h1 style="font:bold 40pt 'Noto Sans CJK SC'">海城新区建设提速</h1>` +
      `<div style="columns:3;column-gap:8mm">${`<p>${paragraph}</p>`.repeat(12)}</div></body>`,
  );
  const rendered = await renderPdfPage(bytes, 0, "pages/test/chromium");
  assert.deepEqual(rendered.missingFonts, []);
  assert.ok(rendered.textLayer);
  const [proposal] = proposeRegions(
    rendered.textLayer,
    [{ title: "海城新区建设提速", paragraphs: Array(12).fill(paragraph) }],
    rendered.image.imageWidth,
  );
  assert.ok(proposal && proposal.matchedChars > 300, `matched ${proposal?.matchedChars}`);
});

test("resolution drops for very large pages so a render never exceeds the pixel limit", () => {
  const big = renderSize(1000 * 2.835, 1400 * 2.835);
  assert.ok(big.width * big.height <= PDF_LIMITS.maxPixels);
  assert.ok(big.dpi < 200);
  assert.deepEqual(renderSize(595, 842), { width: 1652, height: 2338, dpi: 200 });
});

test("a page without text (a scan) renders, with no text layer", async () => {
  const rendered = await renderPdfPage(await imageOnlyPdf(), 0, "pages/test/scan");
  assert.equal(rendered.textLayer, null);
  assert.ok(rendered.image.imageWidth > 2000);
});

test("fonts the PDF names without embedding them are reported; the standard 14 are not", async () => {
  const cjk = await renderPdfPage(await unembeddedFontPdf(), 0, "pages/test/unembedded");
  assert.deepEqual(cjk.missingFonts, ["SimSun"]);
  assert.ok(cjk.textLayer?.lines.some((line) => line.text.includes("海城新区建设提速")));
  const latin = await renderPdfPage(
    await latinPdf("Haicheng Daily, page A01, the news of the day"),
    0,
    "pages/test/latin",
  );
  assert.deepEqual(latin.missingFonts, []);
});

async function refusal(bytes: Uint8Array | Promise<Uint8Array>): Promise<PdfError> {
  const error = await inspectPdf(await bytes).then(
    () => null,
    (e: unknown) => e,
  );
  assert.ok(error instanceof PdfError, `refused with a message, got ${String(error)}`);
  return error;
}

test("bad PDFs are refused with a message saying what is wrong", async () => {
  assert.match((await refusal(new Uint8Array())).message, /空的/);
  assert.match((await refusal(Buffer.from("<html><script>alert(1)</script></html>"))).message, /不是 PDF/);
  assert.match((await refusal(samplePdf.subarray(0, 3000))).message, /损坏或不完整/);
  assert.match((await refusal(encryptedPdf("secret"))).message, /已加密/);
  assert.match((await refusal(encryptedPdf(""))).message, /加密或权限密码/);
  const many = await refusal(blankPdf(500, 100, 100));
  assert.match(many.message, /500 页，一次最多 100 页/);
  assert.equal(many.status, 413);
  assert.match((await refusal(blankPdf(1, 10_000, 10_000))).message, /10000 × 10000 毫米，太大了/);
  assert.match((await refusal(blankPdf(1, 20, 30))).message, /太小了/);
});

test("JavaScript in a PDF is reported and never run", async () => {
  const bytes = await javaScriptPdf();
  assert.equal((await inspectPdf(bytes)).javaScript, true);
  const rendered = await renderPdfPage(bytes, 0, "pages/test/script");
  assert.equal(rendered.textLayer?.lines[0].text, "Open me and the script would run, if anything ran it");
});

test("jobs run in a worker thread; one over its time limit is stopped with a message", async () => {
  const info = await runPdfJob("inspect", samplePdf);
  assert.equal(info.pageCount, 1);
  await assert.rejects(runPdfJob("inspect", Buffer.from("nope")), (error: unknown) => {
    return error instanceof PdfError && error.status === 415;
  });
  await assert.rejects(
    runPdfJob("render", samplePdf, { prefix: "pages/test/slow", timeoutMs: 50 }),
    (error: unknown) => {
      return error instanceof PdfError && /超过/.test(error.message);
    },
  );
});
