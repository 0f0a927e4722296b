// The import's bounds: memory does not grow with the bundle, only the files
// the manifest names are unpacked, an import runs out of time with a clear
// message and nothing stored, and one instance runs one import at a time.
// A file of its own, so the memory figure is this process's alone.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import v8 from "node:v8";
import vm from "node:vm";
import { deflateRawSync } from "node:zlib";
import sharp from "sharp";
import { freshDatabase, type TestDatabase } from "../testing/database";
import { BUNDLE_LIMITS, openZipFile, readZip } from "./bundle";
import { tryStartImport } from "./gate";
import { formatReport, IMPORT_TIMEOUT_MS, ImportTimeout, importBundle, removeAbandonedStaging } from "./import";
import { writeZip, type ZipEntry } from "./zip-writer";

v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc") as () => void;

let db: TestDatabase;
let work: string;
let png: Buffer;

before(async () => {
  db = await freshDatabase("import_limits");
  work = await mkdtemp(path.join(tmpdir(), "banmian-import-limits-"));
  process.env.STORAGE_DIR = path.join(work, "storage");
  await db.prisma.publication.create({ data: { slug: "haicheng", name: "海城日报", isDefault: true } });
  png = await sharp({ create: { width: 600, height: 900, channels: 3, background: "#eee" } })
    .png()
    .toBuffer();
});
after(async () => {
  await db.drop();
  await rm(work, { recursive: true, force: true });
});

function manifest(date: string) {
  return {
    version: 1,
    date,
    issueNumber: 1,
    pages: [
      { code: "A01", name: "头版", image: "pages/a01.png", articles: [{ title: "头条", body: ["一段。"] }] },
      { code: "A02", name: "要闻", image: "pages/a02.png", articles: [] },
    ],
  };
}

const storedFiles = async () => (await readdir(path.join(work, "storage"), { recursive: true }).catch(() => [])).length;

test("a bundle that unpacks to 1 GB is imported without holding it in memory", async (t) => {
  // 25 files of 40 MB that the manifest does not name (scans, a PDF, notes…), compressed 47:1, each under the
  // zip-bomb ratio: 1000 MB unpacked, 21 MB on disk. Before, every file was unpacked into memory.
  const size = BUNDLE_LIMITS.maxFileBytes;
  const sparse = Buffer.alloc(size);
  let seed = 12345;
  for (let i = 0; i < size; i += 128) {
    seed = (seed * 1103515245 + 12345) >>> 0;
    sparse[i] = seed >>> 24;
  }
  const deflated = deflateRawSync(sparse, { level: 1 });
  const padding: ZipEntry[] = Array.from({ length: 25 }, (_, i) => ({
    name: `scans/${i}.bin`,
    data: sparse,
    deflated,
  }));
  const file = path.join(work, "big.zip");
  await writeFile(
    file,
    writeZip([
      { name: "manifest.json", data: Buffer.from(JSON.stringify(manifest("2032-01-01"))) },
      { name: "pages/a01.png", data: png },
      { name: "pages/a02.png", data: png },
      ...padding,
    ]),
  );
  padding.length = 0;
  gc();
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  const bundle = await openZipFile(file);
  try {
    const result = await importBundle(db.prisma, bundle, { userId: null });
    assert.equal(result.ok, true, formatReport(result));
  } finally {
    bundle.close();
    clearInterval(sampler);
  }
  peak = Math.max(peak, process.memoryUsage().rss);
  const grewMb = (peak - baseline) / 1024 / 1024;
  t.diagnostic(`RSS grew by ${grewMb.toFixed(0)} MB importing a bundle that unpacks to 1000 MB`);
  assert.ok(grewMb < 100, `RSS grew by ${grewMb.toFixed(0)} MB`);
});

test("files the manifest does not name are never unpacked (a broken one does not matter)", async () => {
  // Before, every entry was unpacked first, so this refused the bundle.
  const result = await importBundle(
    db.prisma,
    await readZip(
      writeZip([
        { name: "manifest.json", data: Buffer.from(JSON.stringify(manifest("2032-01-02"))) },
        { name: "pages/a01.png", data: png },
        { name: "pages/a02.png", data: png },
        { name: "notes/broken.txt", data: Buffer.alloc(2 * 1024 * 1024), declaredSize: 10 },
      ]),
    ),
    { userId: null },
  );
  assert.equal(result.ok, true, formatReport(result));
});

test("an import that runs out of time says so and stores nothing", async () => {
  const files = await storedFiles();
  await assert.rejects(
    importBundle(
      db.prisma,
      await readZip(
        writeZip([
          { name: "manifest.json", data: Buffer.from(JSON.stringify(manifest("2032-01-03"))) },
          { name: "pages/a01.png", data: png },
          { name: "pages/a02.png", data: png },
        ]),
      ),
      { userId: null, timeoutMs: 0 },
    ),
    (error: unknown) => error instanceof ImportTimeout && error.status === 422 && /导入超时/.test(error.message),
  );
  assert.equal(await db.prisma.edition.count({ where: { issueDate: new Date("2032-01-03T00:00:00Z") } }), 0);
  assert.equal(await storedFiles(), files);
});

test("one import at a time per instance: a second is refused until the first ends", () => {
  const first = tryStartImport();
  assert.ok(first);
  assert.equal(tryStartImport(), null);
  first();
  first(); // Ending twice must not let two run.
  const next = tryStartImport();
  assert.ok(next);
  assert.equal(tryStartImport(), null);
  next();
});

test("an import's files are staged and moved into place with the edition; a killed import's staging goes later", async () => {
  const result = await importBundle(
    db.prisma,
    await readZip(
      writeZip([
        { name: "manifest.json", data: Buffer.from(JSON.stringify(manifest("2032-01-04"))) },
        { name: "pages/a01.png", data: png },
        { name: "pages/a02.png", data: png },
      ]),
    ),
    { userId: null },
  );
  assert.equal(result.ok, true, formatReport(result));
  const pages = await db.prisma.page.findMany({ where: { edition: { issueDate: new Date("2032-01-04T00:00:00Z") } } });
  for (const page of pages) assert.match(page.imageKey!, /^pages\/import-2032-01-04-[0-9a-f]{12}\/p\d\/original\.png$/);
  const storage = path.join(work, "storage");
  assert.deepEqual(await readdir(path.join(storage, "staging")).catch(() => []), []);

  // What a kill -9 in the middle leaves: a staging folder nothing refers to. Removed once older than
  // an import may take (so another instance's import in progress is left alone).
  for (const name of ["import-killed", "import-running"]) {
    await mkdir(path.join(storage, "staging", name, "p1"), { recursive: true });
    await writeFile(path.join(storage, "staging", name, "p1", "original.png"), png);
  }
  const old = new Date(Date.now() - IMPORT_TIMEOUT_MS - 120_000);
  await utimes(path.join(storage, "staging", "import-killed"), old, old);
  assert.deepEqual(await removeAbandonedStaging(), ["staging/import-killed"]);
  assert.deepEqual(await readdir(path.join(storage, "staging")), ["import-running"]);
});
