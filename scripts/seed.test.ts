// The sample paper looks like a real daily and seeding twice adds nothing.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { freshDatabase, type TestDatabase } from "../lib/testing/database";
import { addDays, todayInShanghai } from "../lib/sample/dates";
import { PDFDocument } from "pdf-lib";
import { articleBodySchema, regionsSchema } from "../lib/content";
import { deepZoomSchema } from "../lib/deep-zoom-schema";
import { proposeRegions } from "../lib/pdf/match";
import { textLayerSchema } from "../lib/pdf/text-layer";

let db: TestDatabase;
const storage = mkdtempSync(path.join(os.tmpdir(), "banmian-seed-"));

function seed() {
  const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/seed.ts", "--days", "3"], {
    env: { ...process.env, DATABASE_URL: db.url, STORAGE_DIR: storage },
    encoding: "utf8",
    timeout: 300_000,
  });
  assert.equal(result.status, 0, result.stderr);
  return result.stdout;
}

before(async () => {
  db = await freshDatabase("seed");
  seed();
});
after(async () => {
  await db.drop();
  rmSync(storage, { recursive: true, force: true });
});

test("three published editions on consecutive dates ending today, and a draft for tomorrow", async () => {
  const editions = await db.prisma.edition.findMany({ orderBy: { issueDate: "asc" } });
  const today = todayInShanghai();
  assert.deepEqual(
    editions.map((e) => [e.issueDate.toISOString().slice(0, 10), e.status]),
    [
      [addDays(today, -2), "PUBLISHED"],
      [addDays(today, -1), "PUBLISHED"],
      [today, "PUBLISHED"],
      [addDays(today, 1), "DRAFT"],
    ],
  );
});

test("eight named pages, four to eight articles each, images and regions inside them", async () => {
  const pages = await db.prisma.page.findMany({
    include: { articles: true },
    orderBy: [{ editionId: "asc" }, { sortOrder: "asc" }],
  });
  assert.equal(pages.length, 32);
  assert.deepEqual(
    pages.slice(0, 8).map((p) => `${p.code} ${p.name}`),
    [
      "a01 头版",
      "a02 要闻",
      "a03 本市·综合",
      "a04 本市·民生",
      "a05 视点·科教",
      "a06 金融周刊",
      "a07 时事·九州",
      "a08 时事·环球",
    ],
  );
  for (const page of pages) {
    assert.ok(
      page.articles.length >= 4 && page.articles.length <= 8,
      `${page.code} has ${page.articles.length} articles`,
    );
    assert.ok(page.imageKey && existsSync(path.join(storage, page.imageKey)), `${page.code} image file`);
    for (const article of page.articles) {
      const regions = regionsSchema.parse(article.regions);
      assert.equal(regions.length, 1);
      const [r] = regions;
      assert.ok(r.type === "rect" && r.x + r.w <= page.imageWidth! && r.y + r.h <= page.imageHeight!);
    }
  }
  const bylines = pages.flatMap((p) => p.articles.map((a) => a.byline)).filter(Boolean);
  assert.ok(bylines.some((b) => /^□ 记者 /.test(b!)));
  assert.ok(
    pages.flatMap((p) => p.articles).some((a) => a.kicker) && pages.flatMap((p) => p.articles).some((a) => a.subtitle),
  );
});

test("every page has its one-page PDF with real text, deep-zoom tiles, and a text layer that finds its articles", async () => {
  const pages = await db.prisma.page.findMany({
    where: { edition: { issueDate: new Date(`${todayInShanghai()}T00:00:00Z`) } },
    include: { articles: { orderBy: { sortOrder: "asc" } }, text: true },
    orderBy: { sortOrder: "asc" },
  });
  assert.equal(pages.length, 8);
  for (const page of pages) {
    assert.ok(page.pdfKey && existsSync(path.join(storage, page.pdfKey)), `${page.code} PDF file`);
    const pdf = await PDFDocument.load(readFileSync(path.join(storage, page.pdfKey)));
    assert.equal(pdf.getPageCount(), 1);
    const tiles = deepZoomSchema.parse(page.imageTiles);
    assert.deepEqual([tiles.width, tiles.height], [page.imageWidth, page.imageHeight]);
    assert.ok(existsSync(path.join(storage, `${tiles.key}.dzi`)));
    assert.ok(page.text, `${page.code} text layer`);
    const layer = textLayerSchema.parse(page.text.layer);
    const printed = layer.lines.map((line) => line.text).join("");
    for (const article of page.articles) assert.ok(printed.includes(article.title), `${page.code}: ${article.title}`);
    // Proposals from the PDF's text land inside the regions the layout gave each article.
    const proposals = proposeRegions(
      layer,
      page.articles.map((article) => ({
        ...article,
        paragraphs: articleBodySchema.parse(article.body).flatMap((b) => (b.type === "paragraph" ? [b.text] : [])),
      })),
      page.imageWidth!,
    );
    page.articles.forEach((article, i) => {
      const [truth] = regionsSchema.parse(article.regions);
      const proposal = proposals[i];
      assert.ok(proposal && truth.type === "rect", `${page.code}: a proposal for ${article.title}`);
      for (const found of proposal.regions) {
        assert.ok(found.type === "rect");
        const slack = page.imageWidth! / 100;
        assert.ok(
          found.x >= truth.x - slack &&
            found.y >= truth.y - slack &&
            found.x + found.w <= truth.x + truth.w + slack &&
            found.y + found.h <= truth.y + truth.h + slack,
          `${page.code} ${article.title}: ${JSON.stringify(found)} inside ${JSON.stringify(truth)}`,
        );
      }
    });
  }
});

test("every edition continues a01 → a08, and today's has a three-part chain", async () => {
  const chains = await db.prisma.article.findMany({
    where: { nextPartId: { not: null }, previousPart: null },
    include: {
      page: { include: { edition: true } },
      nextPart: { include: { page: true, nextPart: { include: { page: true } } } },
    },
  });
  const byDate = new Map<string, string[][]>();
  for (const head of chains) {
    const codes = [
      head.page.code,
      head.nextPart!.page.code,
      ...(head.nextPart!.nextPart ? [head.nextPart!.nextPart.page.code] : []),
    ];
    const date = head.page.edition.issueDate.toISOString().slice(0, 10);
    byDate.set(date, [...(byDate.get(date) ?? []), codes]);
  }
  assert.equal(byDate.size, 4);
  for (const [date, list] of byDate) {
    assert.ok(
      list.some((codes) => codes.join() === "a01,a08"),
      `${date} a01 → a08`,
    );
  }
  assert.ok(byDate.get(todayInShanghai())!.some((codes) => codes.join() === "a01,a04,a08"));
});

test("seeding again adds nothing and leaves editors' changes alone", async () => {
  const article = await db.prisma.article.findFirstOrThrow();
  await db.prisma.article.update({ where: { id: article.id }, data: { title: "编辑改过的标题" } });
  const before = await db.prisma.article.count();
  const output = seed();
  assert.match(output, /0 added, 4 already there/);
  assert.equal(await db.prisma.article.count(), before);
  assert.equal((await db.prisma.article.findUniqueOrThrow({ where: { id: article.id } })).title, "编辑改过的标题");
});
