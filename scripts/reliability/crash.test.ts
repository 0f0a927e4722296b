// Smoke of the reliability harness's crash parts (npm run reliability runs
// them at full size): kill -9 during an import, kill -9 of the embedded
// database. Each also shows the part can fail: it must notice the damage a
// crash really does.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { freshDatabase } from "../../lib/testing/database";
import { embeddedCrashPart } from "./embedded-crash";
import { importCrashPart } from "./import-crash";
import { orphanFiles } from "./storage-audit";
import type { PartResult } from "./report";

const value = (result: PartResult, name: string) => result.figures.find((f) => f.figure === name)?.value;

test("the orphan check finds stored files no row refers to (tiles and staged files too), and not those a page refers to", async () => {
  // Protects the import-crash figure from passing vacuously (a check that never finds anything).
  const db = await freshDatabase("rel_orphans");
  const storage = mkdtempSync(path.join(os.tmpdir(), "banmian-orphans-"));
  try {
    const publication = await db.prisma.publication.create({ data: { slug: "o", name: "孤儿检查" } });
    const edition = await db.prisma.edition.create({
      data: { publicationId: publication.id, issueDate: new Date("2040-01-01"), issueNumber: 1 },
    });
    await db.prisma.page.create({
      data: {
        editionId: edition.id,
        code: "a01",
        sortOrder: 1,
        name: "头版",
        imageKey: "pages/kept/original.png",
        imageTiles: { key: "pages/kept/tiles", width: 1, height: 1, tileSize: 512, overlap: 1, format: "webp" },
      },
    });
    for (const key of [
      "pages/kept/original.png",
      "pages/kept/tiles.dzi",
      "pages/kept/tiles_files/0/0_0.webp",
      "pages/lost/large.webp",
      "pages/lost/tiles_files/0/0_0.webp",
      "staging/import-x/p1/original.png",
    ]) {
      mkdirSync(path.dirname(path.join(storage, key)), { recursive: true });
      writeFileSync(path.join(storage, key), "x");
    }
    // A killed import's staged files are orphans too until an import removes them.
    assert.deepEqual((await orphanFiles(db.url, storage)).sort(), [
      "pages/lost/large.webp",
      "pages/lost/tiles_files/0/0_0.webp",
      "staging/import-x/p1/original.png",
    ]);
  } finally {
    rmSync(storage, { recursive: true, force: true });
    await db.drop();
  }
});

test("import crash: two imports killed mid-way leave no partial edition", async () => {
  const result = await importCrashPart({ runs: 2, seed: 1, pages: 1, database: `banmian_rel_ic_${process.pid}` });
  assert.equal(value(result, "partial editions"), 0);
});

test("import crash: no orphan stored files after kill -9 (once the next import ran)", async () => {
  // Killed at the first stored file, not at random: a random moment can fall before any file is written,
  // and the test would pass without a kill ever leaving a file (it passed so on the code that left 38).
  const result = await importCrashPart({
    runs: 2,
    seed: 3,
    pages: 2,
    killWhenStoring: true,
    database: `banmian_rel_ic2_${process.pid}`,
  });
  assert.equal(value(result, "kills that left files for the next import to remove"), 2);
  assert.equal(value(result, "orphan stored files"), 0);
});

test("embedded database: one writer killed mid-stream loses no committed row", async () => {
  // The time to be back is a figure of the full run (no timing thresholds in tests: the machine is shared).
  const result = await embeddedCrashPart({ rounds: 1, seed: 1, writers: 1, port: 57000 + (process.pid % 1000) });
  assert.ok(Number(value(result, "confirmed writes checked")) > 0, "the writer wrote before the kill");
  assert.equal(value(result, "committed rows lost"), 0);
  assert.equal(value(result, "torn transactions"), 0);
  assert.equal(value(result, "write errors before the kill"), 0);
});

test("embedded database: concurrent writers (like the app's connection pool) lose nothing", async () => {
  // Failed before scripts/lib/pglite-server.ts: pglite-socket interleaved the extended-protocol messages of
  // several connections on PGlite's one backend (`portal "" cannot be run`, acknowledged rows missing).
  const result = await embeddedCrashPart({ rounds: 1, seed: 2, writers: 4, port: 58000 + (process.pid % 1000) });
  assert.ok(Number(value(result, "confirmed writes checked")) > 0, "the writers wrote before the kill");
  assert.equal(value(result, "write errors before the kill"), 0);
  assert.equal(value(result, "committed rows lost"), 0);
  assert.equal(value(result, "torn transactions"), 0);
});
