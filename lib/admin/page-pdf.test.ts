// PDF uploads into a page against a real database and real PDFs: a CJK page
// becomes the page image, 本版PDF and text layer; a scan an image-only page; a
// document of several pages one 版 per page; bad PDFs a clear refusal.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { freshDatabase, type TestDatabase } from "../testing/database";
import { blankPdf, encryptedPdf, imageOnlyPdf } from "../pdf/fixtures";
import { layoutPage } from "../sample/page-layout";
import { pagePdf } from "../sample/page-pdf";
import { storagePath } from "../storage";
import { PdfPagesError, uploadPagePdf } from "./page-pdf";
import { UploadError } from "./upload-error";

const storage = mkdtempSync(path.join(os.tmpdir(), "banmian-page-pdf-"));
process.env.STORAGE_DIR = storage;

let db: TestDatabase;
let editionId: number;
let userId: number;

before(async () => {
  db = await freshDatabase("admin_page_pdf");
  const publication = await db.prisma.publication.create({ data: { slug: "t", name: "海城日报", isDefault: true } });
  editionId = (
    await db.prisma.edition.create({
      data: { publicationId: publication.id, issueDate: new Date("2026-06-01T00:00:00Z"), issueNumber: 1 },
    })
  ).id;
  userId = (await db.prisma.user.create({ data: { email: "e@x", name: "编辑甲", passwordHash: "x" } })).id;
});
after(async () => {
  await db.drop();
  rmSync(storage, { recursive: true, force: true });
});

async function newPage(code: string) {
  const last = await db.prisma.page.count({ where: { editionId } });
  return db.prisma.page.create({ data: { editionId, code, name: "要闻", sortOrder: last + 1 } });
}

test("a one-page CJK PDF becomes the page image, its 本版PDF and its text layer, with rendering stages reported", async () => {
  const page = await newPage("a01");
  const layout = layoutPage({
    publicationName: "海城日报",
    code: "a01",
    name: "要闻",
    dateLabel: "2026年6月1日　星期一",
    issueLabel: "第1期",
    front: false,
    articles: [{ title: "海城跨海大桥主塔顺利封顶", text: ["记者从市交通局获悉，海城跨海大桥三号主塔昨日顺利封顶。"] }],
  });
  const pdf = await pagePdf(layout.elements, { title: "A01", author: "海城日报", created: new Date() });
  const stages: string[] = [];
  const result = await uploadPagePdf(db.prisma, page.id, userId, pdf, {
    onProgress: (event) => stages.push(`${event.stage} ${event.page}/${event.pages}`),
  });
  assert.deepEqual(stages, ["render 1/1", "images 1/1", "text 1/1"]);
  assert.equal(result.imageOnly, false);
  assert.deepEqual(result.addedPages, []);
  const stored = await db.prisma.page.findUniqueOrThrow({ where: { id: page.id }, include: { text: true } });
  assert.deepEqual([stored.imageWidth, stored.imageHeight], [2755, 3858]);
  assert.ok(stored.pdfKey && existsSync(storagePath(stored.pdfKey)));
  assert.ok(stored.imageTiles);
  const lines = (stored.text?.layer as { lines: { text: string }[] }).lines.map((line) => line.text);
  assert.ok(lines.includes("海城跨海大桥主塔顺利封顶"));
  const audit = await db.prisma.auditEntry.findFirst({ where: { entityId: page.id }, orderBy: { id: "desc" } });
  assert.match(audit?.summary ?? "", /上传第 a01 版PDF 版面/);
});

test("a scan becomes an image-only page with a note; a new PDF's missing text layer replaces the old one", async () => {
  const page = await newPage("a02");
  await db.prisma.pageText.create({ data: { pageId: page.id, layer: { height: 1, lines: [], blocks: [] } } });
  const result = await uploadPagePdf(db.prisma, page.id, userId, await imageOnlyPdf());
  assert.equal(result.imageOnly, true);
  assert.match(result.message, /没有文字层.*需要手工框出/);
  assert.equal(await db.prisma.pageText.count({ where: { pageId: page.id } }), 0);
});

test("a PDF of several pages is refused with its count, then becomes one 版 per page when asked", async () => {
  const page = await newPage("a03");
  const pdf = await blankPdf(3, 100, 140);
  await assert.rejects(
    uploadPagePdf(db.prisma, page.id, userId, pdf),
    (error) => error instanceof PdfPagesError && error.pages === 3 && error.status === 409,
  );
  assert.equal((await db.prisma.page.findUniqueOrThrow({ where: { id: page.id } })).imageKey, null);
  const seen: string[] = [];
  const result = await uploadPagePdf(db.prisma, page.id, userId, pdf, {
    eachPage: true,
    onProgress: (event) => event.stage === "render" && seen.push(`${event.page}/${event.pages}`),
  });
  assert.deepEqual(seen, ["1/3", "2/3", "3/3"]);
  assert.deepEqual(
    result.addedPages.map((added) => added.code),
    ["a04", "a05"],
  );
  const pages = await db.prisma.page.findMany({ where: { editionId }, orderBy: { sortOrder: "asc" } });
  assert.deepEqual(
    pages.map((row) => [row.code, Boolean(row.imageKey), Boolean(row.pdfKey)]),
    [
      ["a01", true, true],
      ["a02", true, true],
      ["a03", true, true],
      ["a04", true, true],
      ["a05", true, true],
    ],
  );
  assert.match(result.message, /另新建了 第 a04 版、第 a05 版/);
});

test("encrypted, broken and empty PDFs are refused with a message and a 4xx status, the page unchanged", async () => {
  const page = await newPage("a06");
  const good = await blankPdf(1, 100, 140);
  for (const [bytes, pattern] of [
    [await encryptedPdf("secret"), /加密/],
    [good.subarray(0, good.length / 2), /损坏|不完整/],
    [Buffer.from("%PDF-1.7\n"), /损坏|不完整/],
  ] as const) {
    await assert.rejects(
      uploadPagePdf(db.prisma, page.id, userId, bytes),
      (error) =>
        error instanceof UploadError && pattern.test(error.message) && error.status >= 400 && error.status < 500,
    );
  }
  assert.equal((await db.prisma.page.findUniqueOrThrow({ where: { id: page.id } })).imageKey, null);
});
