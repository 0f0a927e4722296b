// The import's bounds: memory does not grow with the bundle, only the files
// the manifest names are unpacked, an import runs out of time with a clear
// message and nothing stored, and one instance runs one import at a time.
// A file of its own, so the memory figure is this process's alone.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import os, { tmpdir } from "node:os";
import { spawnSync } from "node:child_process";
import path from "node:path";
import v8 from "node:v8";
import vm from "node:vm";
import { deflateRawSync } from "node:zlib";
import sharp from "sharp";
import { freshDatabase, type TestDatabase } from "../testing/database";
import { BUNDLE_LIMITS, openZipFile, readZip } from "./bundle";
import { tryStartImport } from "./gate";
import { formatReport, IMPORT_TIMEOUT_MS, ImportTimeout, importBundle } from "./import";
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

const bundleFor = async (date: string) =>
  readZip(
    writeZip([
      { name: "manifest.json", data: Buffer.from(JSON.stringify(manifest(date))) },
      { name: "pages/a01.png", data: png },
      { name: "pages/a02.png", data: png },
    ]),
  );

/** Every stored file's key, e.g. "pages/import-2032-01-04-…/p1/original.png". */
const storedKeys = async () =>
  (await readdir(path.join(work, "storage"), { recursive: true, withFileTypes: true }).catch(() => []))
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(path.join(work, "storage"), path.join(entry.parentPath, entry.name)))
    .sort();

test("an import's files are staged and moved into place with the edition, leaving nothing in staging/", async () => {
  const result = await importBundle(db.prisma, await bundleFor("2032-01-04"), { userId: null });
  assert.equal(result.ok, true, formatReport(result));
  const pages = await db.prisma.page.findMany({ where: { edition: { issueDate: new Date("2032-01-04T00:00:00Z") } } });
  for (const page of pages) assert.match(page.imageKey!, /^pages\/import-2032-01-04-[0-9a-f]{12}\/p\d\/original\.png$/);
  assert.deepEqual(await readdir(path.join(work, "storage", "staging")).catch(() => []), []);
});

test("an import that fails in its transaction (after its files were made) leaves no file", async () => {
  // A real database failure while the articles are written: the staged files must go too.
  const before = await storedKeys();
  await db.prisma.$executeRawUnsafe(`
    CREATE FUNCTION refuse_article() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION 'refused by the test'; END $$`);
  await db.prisma.$executeRawUnsafe(
    `CREATE TRIGGER refuse_article BEFORE INSERT ON articles FOR EACH ROW WHEN (NEW.title = '头条') EXECUTE FUNCTION refuse_article()`,
  );
  try {
    await assert.rejects(
      importBundle(db.prisma, await bundleFor("2032-01-05"), { userId: null }),
      /refused by the test/,
    );
  } finally {
    await db.prisma.$executeRawUnsafe("DROP TRIGGER refuse_article ON articles");
  }
  assert.equal(await db.prisma.edition.count({ where: { issueDate: new Date("2032-01-05T00:00:00Z") } }), 0);
  assert.deepEqual(await storedKeys(), before);
});

test("an import whose commit fails (after its files were moved into place) leaves no file", async () => {
  // A deferred constraint trigger fails at COMMIT, after the rename: the worst moment for a failure.
  const before = await storedKeys();
  await db.prisma.$executeRawUnsafe(`
    CREATE CONSTRAINT TRIGGER refuse_at_commit AFTER INSERT ON editions DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW WHEN (NEW.issue_number = 1 AND NEW.issue_date = '2032-01-06') EXECUTE FUNCTION refuse_article()`);
  try {
    await assert.rejects(
      importBundle(db.prisma, await bundleFor("2032-01-06"), { userId: null }),
      /refused by the test/,
    );
  } finally {
    await db.prisma.$executeRawUnsafe("DROP TRIGGER refuse_at_commit ON editions");
  }
  assert.equal(await db.prisma.edition.count({ where: { issueDate: new Date("2032-01-06T00:00:00Z") } }), 0);
  assert.deepEqual(await storedKeys(), before);
});

/** The pid of a process that has ended (what a kill -9 leaves in a note). */
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"]);
  return Number(child.stdout.toString());
}

test("what a killed import left is removed by the next import: staged files, and moved files no page refers to", async () => {
  const storage = path.join(work, "storage");
  const put = async (key: string) => {
    await mkdir(path.dirname(path.join(storage, key)), { recursive: true });
    await writeFile(path.join(storage, key), png);
  };
  const note = (name: string, fields: { pid: number; startedAt?: number; host?: string; final: string }) =>
    writeFile(
      path.join(storage, "staging", `${name}.json`),
      JSON.stringify({ host: os.hostname(), startedAt: Date.now(), ...fields }),
    );
  const committed = await db.prisma.page.findFirstOrThrow({
    where: { edition: { issueDate: new Date("2032-01-04T00:00:00Z") } },
  });
  const committedFolder = committed.imageKey!.split("/").slice(0, 2).join("/");
  const before = await storedKeys();
  // Killed while making its files.
  await put("staging/import-killed1/p1/original.png");
  await note("import-killed1", { pid: deadPid(), final: "pages/import-2032-02-01-killed1" });
  // Killed between the move and the commit: the files are in place, no page refers to them.
  await put("pages/import-2032-02-02-killed2/p1/original.png");
  await note("import-killed2", { pid: deadPid(), final: "pages/import-2032-02-02-killed2" });
  // Killed after the commit, before its note was removed: the edition's files stay.
  await note("import-killed3", { pid: deadPid(), final: committedFolder });
  // Killed before its note was complete: only its age tells, so it stays while an import may still be running.
  await put("staging/import-young/p1/original.png");
  await writeFile(path.join(storage, "staging", "import-young.json"), '{"host":');
  // Running in a live process (this one), or on another host: left alone.
  await put("staging/import-running/p1/original.png");
  await note("import-running", { pid: process.pid, final: "pages/import-2032-02-03-running" });
  await put("staging/import-elsewhere/p1/original.png");
  await note("import-elsewhere", { pid: deadPid(), host: "another-host", final: "pages/import-2032-02-04-elsewhere" });
  // On another host and older than any import may take: gone.
  await put("staging/import-old/p1/original.png");
  await note("import-old", {
    pid: 1,
    host: "another-host",
    startedAt: Date.now() - IMPORT_TIMEOUT_MS - 120_000,
    final: "pages/import-2032-02-05-old",
  });

  const result = await importBundle(db.prisma, await bundleFor("2032-01-07"), { userId: null });
  assert.equal(result.ok, true, formatReport(result));
  const added = (await storedKeys()).filter((key) => !before.includes(key));
  const fresh = await db.prisma.page.findFirstOrThrow({
    where: { edition: { issueDate: new Date("2032-01-07T00:00:00Z") } },
  });
  const freshFolder = fresh.imageKey!.split("/").slice(0, 2).join("/");
  assert.deepEqual(
    added.filter((key) => !key.startsWith(`${freshFolder}/`)),
    [
      "staging/import-elsewhere.json",
      "staging/import-elsewhere/p1/original.png",
      "staging/import-running.json",
      "staging/import-running/p1/original.png",
      "staging/import-young.json",
      "staging/import-young/p1/original.png",
    ],
  );
  // The committed edition's files were kept.
  assert.ok((await storedKeys()).includes(committed.imageKey!));
});
