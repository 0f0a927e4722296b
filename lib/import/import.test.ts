import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { freshDatabase, type TestDatabase } from "../testing/database";
import { BundleError, readZip, type Bundle } from "./bundle";
import { formatReport, importBundle } from "./import";
import { writeZip, type ZipEntry } from "./zip-writer";

let db: TestDatabase;
let storage: string;
let png: Buffer;

before(async () => {
  db = await freshDatabase("import");
  storage = await mkdtemp(path.join(tmpdir(), "banmian-import-"));
  process.env.STORAGE_DIR = storage;
  await db.prisma.publication.create({ data: { slug: "haicheng", name: "海城日报", isDefault: true } });
  png = await sharp({ create: { width: 600, height: 900, channels: 3, background: "#eee" } })
    .png()
    .toBuffer();
});
after(async () => {
  await db.drop();
  await rm(storage, { recursive: true, force: true });
});

function manifest(overrides: Record<string, unknown> = {}) {
  return {
    version: 1,
    date: "2031-05-01",
    issueNumber: 100,
    pages: [
      {
        code: "A01",
        name: "头版",
        image: "pages/a01.png",
        articles: [
          {
            ref: "lead",
            title: "头条新闻",
            byline: "本报记者 张三",
            body: ["第一段。", { type: "subhead", text: "小标题" }],
            regions: [{ type: "rect", x: 10, y: 10, w: 200, h: 100 }],
            next: "lead-2",
          },
          { title: "短讯", body: ["一段。"] },
        ],
      },
      {
        code: "A08",
        name: "体育",
        image: "pages/a08.png",
        articles: [{ ref: "lead-2", title: "头条新闻（续）", body: ["续文。"] }],
      },
    ],
    ...overrides,
  };
}

function bundle(files: ZipEntry[]): Promise<Bundle> {
  return readZip(writeZip(files), "test.zip");
}

const images = (): ZipEntry[] => [
  { name: "pages/a01.png", data: png },
  { name: "pages/a08.png", data: png },
];

async function counts() {
  return {
    editions: await db.prisma.edition.count(),
    pages: await db.prisma.page.count(),
    articles: await db.prisma.article.count(),
  };
}

/** Images stored: page images and their sizes, or (`tiles`) deep-zoom tiles; refusals must leave neither. */
async function storedFiles(kind: "images" | "tiles" = "images"): Promise<number> {
  const list = await readdir(storage, { recursive: true }).catch(() => []);
  const images = list.map(String).filter((name) => /\.(png|webp|jpg)$/.test(name));
  return images.filter((name) => name.includes("tiles_files") === (kind === "tiles")).length;
}

test("a valid bundle creates the edition, pages, articles, images and links in one go", async () => {
  const result = await importBundle(
    db.prisma,
    await bundle([{ name: "manifest.json", data: Buffer.from(JSON.stringify(manifest())) }, ...images()]),
    { userId: null },
  );
  assert.equal(result.ok, true, formatReport(result));
  if (!result.ok) return;
  assert.deepEqual(
    result.pages.map((page) => page.code),
    ["A01", "A08"],
  );
  assert.equal(result.links, 1);
  const lead = await db.prisma.article.findFirstOrThrow({ where: { title: "头条新闻" }, include: { nextPart: true } });
  assert.equal(lead.nextPart?.title, "头条新闻（续）");
  assert.deepEqual(lead.body, [
    { type: "paragraph", text: "第一段。" },
    { type: "subhead", text: "小标题" },
  ]);
  const page = await db.prisma.page.findFirstOrThrow({ where: { code: "A01", editionId: result.editionId } });
  assert.equal(page.imageWidth, 600);
  assert.match(formatReport(result), /第 A01 版「头版」：2 篇文章/);
  // Two pages: the original and three sizes each, plus deep-zoom tiles.
  assert.equal(await storedFiles(), 8);
  assert.ok((await storedFiles("tiles")) >= 2 * 10);
});

async function assertRefused(files: ZipEntry[] | Promise<Bundle>, expected: RegExp[]) {
  const before = await counts();
  const filesBefore = await storedFiles();
  const tilesBefore = await storedFiles("tiles");
  let problems: { place: string; message: string }[];
  try {
    const result = await importBundle(db.prisma, await (Array.isArray(files) ? bundle(files) : files), {
      userId: null,
    });
    assert.equal(result.ok, false);
    problems = result.ok ? [] : result.problems;
  } catch (error) {
    if (!(error instanceof BundleError)) throw error;
    problems = error.problems;
  }
  const report = problems.map((problem) => `${problem.place}: ${problem.message}`).join("\n");
  for (const pattern of expected) assert.match(report, pattern);
  // Nothing half-stored: no rows and no files.
  assert.deepEqual(await counts(), before);
  assert.equal(await storedFiles(), filesBefore);
  assert.equal(await storedFiles("tiles"), tilesBefore);
  return report;
}

test("a date that already has an edition is refused", async () => {
  await assertRefused(
    [{ name: "manifest.json", data: Buffer.from(JSON.stringify(manifest())) }, ...images()],
    [/manifest\.json › date: .*2031-05-01 已经有一期/],
  );
});

test("missing and wrong manifest fields are all reported with their places", async () => {
  const bad = manifest({ date: "tomorrow", issueNumber: "seven" });
  (bad.pages[0] as { name?: string }).name = "";
  (bad.pages[1].articles[0] as { title: string }).title = "";
  const report = await assertRefused(
    [{ name: "manifest.json", data: Buffer.from(JSON.stringify(bad)) }, ...images()],
    [
      /manifest\.json › date: 日期格式/,
      /manifest\.json › issueNumber/,
      /pages\[0\]（A01） › name: 版名不能为空/,
      /pages\[1\]（A08） › articles\[0\] › title: 标题不能为空/,
    ],
  );
  assert.ok(report.split("\n").length >= 4);
});

test("a bundle without manifest, or with broken JSON, is refused", async () => {
  await assertRefused(images(), [/没有 manifest\.json/]);
  await assertRefused([{ name: "manifest.json", data: Buffer.from("{ not json") }], [/不是有效的 JSON/]);
});

test("a missing image, a text file renamed .png and an SVG are refused", async () => {
  const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
  const m = manifest({ date: "2031-05-02" });
  m.pages.push({ code: "A09", name: "其他", image: "pages/evil.svg", articles: [] } as never);
  await assertRefused(
    [
      { name: "manifest.json", data: Buffer.from(JSON.stringify(m)) },
      { name: "pages/a01.png", data: Buffer.from("just some text, renamed") },
      { name: "pages/evil.svg", data: svg },
    ],
    [
      /pages\/a01\.png（.*）: 只支持 JPEG、PNG 或 WebP/,
      /pages\[1\]（A08） › image: 包中没有文件 pages\/a08\.png/,
      /pages\/evil\.svg.*只支持/,
    ],
  );
});

test("paths like ../../x are refused before anything is read", async () => {
  await assertRefused(
    [
      { name: "manifest.json", data: Buffer.from(JSON.stringify(manifest({ date: "2031-05-03" }))) },
      { name: "../../x", data: Buffer.from("x") },
    ],
    [/\.\.\/\.\.\/x: 不安全的路径/],
  );
  const m = manifest({ date: "2031-05-03" });
  m.pages[0].image = "../../etc/passwd";
  await assertRefused(
    [{ name: "manifest.json", data: Buffer.from(JSON.stringify(m)) }, ...images()],
    [/pages\[0\]（A01） › image: 路径必须是包内的相对路径/],
  );
});

test("a zip bomb (huge uncompressed size) is refused", async () => {
  const zeros = Buffer.alloc(30 * 1024 * 1024);
  await assertRefused(
    [
      { name: "manifest.json", data: Buffer.from(JSON.stringify(manifest({ date: "2031-05-04" }))) },
      { name: "pages/a01.png", data: zeros },
    ],
    [/压缩炸弹|太大/],
  );
  // A header claiming a small size for a big entry is caught while reading.
  await assertRefused([{ name: "pages/a01.png", data: Buffer.alloc(2 * 1024 * 1024), declaredSize: 10 }], [/./]);
});

test("duplicate page codes, unknown and backward continuation links are refused", async () => {
  const m = manifest({ date: "2031-05-05" });
  m.pages[1].code = "a01";
  (m.pages[1].articles[0] as { next?: string }).next = "lead";
  m.pages[0].articles[1] = { title: "短讯", body: ["一段。"], next: "nowhere" } as never;
  await assertRefused(
    [{ name: "manifest.json", data: Buffer.from(JSON.stringify(m)) }, ...images()],
    [/版号 a01 与 pages\[0\] 重复/, /没有 ref 为「nowhere」的文章/, /已接自|向后|循环/],
  );
});

test("not a zip at all", async () => {
  await assert.rejects(
    readZip(Buffer.from("hello"), "x.zip"),
    (error: unknown) => error instanceof BundleError && /不是有效的 ZIP/.test(error.message),
  );
});

const LONG = Array.from({ length: 260 }, (_, i) =>
  `第${i + 1}行，${"海城新区建设提速".repeat(12)}。`.padEnd(100, "续"),
).join("\n");

test("a 26 000-character paragraph is imported whole, split at its line breaks, and the report says so", async () => {
  const bundleManifest = manifest({ date: "2031-06-01" });
  bundleManifest.pages[0].articles[1].body = [LONG];
  const result = await importBundle(
    db.prisma,
    await bundle([{ name: "manifest.json", data: Buffer.from(JSON.stringify(bundleManifest)) }, ...images()]),
    { userId: null },
  );
  assert.equal(result.ok, true, formatReport(result));
  if (!result.ok) return;
  const article = await db.prisma.article.findFirstOrThrow({
    where: { title: "短讯", page: { editionId: result.editionId } },
  });
  const blocks = article.body as { type: string; text: string }[];
  assert.equal(blocks.length, 260);
  assert.equal(blocks.map((block) => block.text).join(""), LONG.replace(/\n/g, ""));
  assert.match(formatReport(result), /articles\[1\]（短讯） › body：第1段超过 20000 字，已在换行处拆成 260 段/);
});

test("a paragraph that cannot be split, and page codes the rule refuses, are reported with their places", async () => {
  const bad = manifest({ date: "2031-06-02" });
  bad.pages[0].articles[1].body = ["海城新区建设提速".repeat(3250)];
  await assertRefused(
    [{ name: "manifest.json", data: Buffer.from(JSON.stringify(bad)) }, ...images()],
    [/articles\[1\]（短讯） › body: 第1段超过 20000 字/],
  );
  for (const code of ["sport", "A-1", "A1000"]) {
    const refused = manifest({ date: "2031-06-03" });
    refused.pages[1].code = code;
    await assertRefused(
      [{ name: "manifest.json", data: Buffer.from(JSON.stringify(refused)) }, ...images()],
      [new RegExp(`pages\\[1\\]（${code}） › code: 版号由 0–3 个字母加 1–3 位数字组成`)],
    );
  }
});

test("a full-width page code is imported normalised", async () => {
  const wide = manifest({ date: "2031-06-04" });
  wide.pages[0].code = "Ａ０１";
  const result = await importBundle(
    db.prisma,
    await bundle([{ name: "manifest.json", data: Buffer.from(JSON.stringify(wide)) }, ...images()]),
    { userId: null },
  );
  assert.equal(result.ok, true, formatReport(result));
  if (result.ok)
    assert.deepEqual(
      result.pages.map((page) => page.code),
      ["A01", "A08"],
    );
});

test("the upload's file-name header is read safely, whatever it holds", async () => {
  const { bundleNameFromHeader } = await import("./import");
  assert.equal(bundleNameFromHeader(encodeURIComponent("海城 12月1日.zip")), "海城 12月1日.zip");
  for (const header of [null, "", "%zz", "%E4", "%25zz", "%00%00", "a/..%2F..%2Fx"])
    assert.ok(bundleNameFromHeader(header).length > 0, String(header));
  assert.equal(bundleNameFromHeader("%zz"), "bundle.zip");
  assert.equal(bundleNameFromHeader("x".repeat(500)).length, 100);
});
