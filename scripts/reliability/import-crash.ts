// Part 4: kill -9 the process importing a bundle (npm run import's importer,
// scripts/import.ts) at random moments, then look for half-imported editions,
// and for stored files that nothing refers to once the next import has run.
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import sharp from "sharp";
import { recreateDatabase, dropDatabase } from "../../lib/testing/database";
import { migrate } from "../../lib/db/migrate";
import { writeZip } from "../../lib/import/zip-writer";
import { figure, type PartResult } from "./report";
import { orphanFiles } from "./storage-audit";

export type ImportCrashOptions = {
  runs: number;
  seed: number;
  database: string;
  pages?: number;
  /** Kill each run as soon as its first file is stored (the moment that used to leave orphans), not at random. */
  killWhenStoring?: boolean;
  log?: (line: string) => void;
};

/** A small deterministic PRNG (mulberry32), so the kill moments repeat for a seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PUBLICATION = "rel-import";

async function pageImage(index: number): Promise<Buffer> {
  // Noise makes the image (and so the import's image work) realistically slow to process.
  const width = 1200;
  const height = 1700;
  const noise = Buffer.alloc(width * height * 3);
  for (let i = 0; i < noise.length; i++) noise[i] = (i * 2654435761 + index * 97) >>> 24;
  return sharp(noise, { raw: { width, height, channels: 3 } })
    .png({ compressionLevel: 1 })
    .toBuffer();
}

export type BundleShape = { pages: number; articles: number; links: number };

export async function crashBundle(date: string, pages: number): Promise<{ zip: Buffer; shape: BundleShape }> {
  const images = await Promise.all(Array.from({ length: pages }, (_, i) => pageImage(i)));
  const manifest = {
    version: 1,
    publication: PUBLICATION,
    date,
    issueNumber: 1,
    publish: true,
    pages: images.map((_, i) => ({
      code: `A${String(i + 1).padStart(2, "0")}`,
      name: `第${i + 1}版`,
      image: `pages/p${i + 1}.png`,
      articles: Array.from({ length: 4 }, (_, j) => ({
        ref: `p${i}-a${j}`,
        title: `崩溃测试 ${date} 第${i + 1}版 第${j + 1}篇`,
        body: [`正文 ${i}-${j}。`],
        regions: [{ type: "rect", x: 10, y: 10 + j * 100, w: 500, h: 90 }],
        ...(j === 0 && i + 1 < pages ? { next: `p${i + 1}-a1` } : {}),
      })),
    })),
  };
  const zip = writeZip([
    { name: "manifest.json", data: Buffer.from(JSON.stringify(manifest)) },
    ...images.map((data, i) => ({ name: `pages/p${i + 1}.png`, data })),
  ]);
  return { zip, shape: { pages, articles: pages * 4, links: pages - 1 } };
}

/** Editions of `date` that exist but lack pages, articles or links the bundle has. */
export async function partialEditions(client: pg.Client, date: string, shape: BundleShape): Promise<number> {
  const rows = (
    await client.query<{ pages: string; articles: string; links: string }>(
      `SELECT (SELECT count(*) FROM pages p WHERE p.edition_id = e.id) AS pages,
              (SELECT count(*) FROM articles a JOIN pages p ON p.id = a.page_id WHERE p.edition_id = e.id) AS articles,
              (SELECT count(*) FROM articles a JOIN pages p ON p.id = a.page_id WHERE p.edition_id = e.id AND a.next_part_id IS NOT NULL) AS links
       FROM editions e JOIN publications pub ON pub.id = e.publication_id
       WHERE pub.slug = $1 AND e.issue_date = $2`,
      [PUBLICATION, date],
    )
  ).rows;
  return rows.filter(
    (r) => Number(r.pages) !== shape.pages || Number(r.articles) !== shape.articles || Number(r.links) !== shape.links,
  ).length;
}

/** Whether any file is stored under `dir` that was not there `before`. */
function storesNew(dir: string, before: Set<string>): () => boolean {
  return () => {
    try {
      return readdirSync(dir, { recursive: true, withFileTypes: true }).some(
        (entry) =>
          entry.isFile() && !entry.name.endsWith(".json") && !before.has(path.join(entry.parentPath, entry.name)),
      );
    } catch {
      return false;
    }
  };
}

function filesUnder(dir: string): Set<string> {
  try {
    return new Set(
      readdirSync(dir, { recursive: true, withFileTypes: true }).map((entry) =>
        path.join(entry.parentPath, entry.name),
      ),
    );
  } catch {
    return new Set();
  }
}

function importOnce(file: string, env: NodeJS.ProcessEnv, kill: number | (() => boolean) | null) {
  const started = Date.now();
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/import.ts", file], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const timer =
    kill === null
      ? null
      : typeof kill === "number"
        ? setTimeout(() => child.kill("SIGKILL"), kill)
        : setInterval(() => kill() && child.kill("SIGKILL"), 5);
  return new Promise<{ code: number | null; signal: string | null; ms: number; output: string }>((resolve) =>
    child.once("exit", (code, signal) => {
      if (timer) clearInterval(timer);
      resolve({ code, signal, ms: Date.now() - started, output });
    }),
  );
}

export async function importCrashPart(options: ImportCrashOptions): Promise<PartResult> {
  const log = options.log ?? (() => undefined);
  const random = prng(options.seed);
  const databaseUrl = await recreateDatabase(options.database);
  const work = mkdtempSync(path.join(os.tmpdir(), "banmian-import-crash-"));
  const storageDir = path.join(work, "storage");
  const env = { ...process.env, DATABASE_URL: databaseUrl, STORAGE_DIR: storageDir };
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const part = "import-crash";
  try {
    await migrate(client);
    await client.query("INSERT INTO publications (slug, name, updated_at) VALUES ($1, '崩溃测试报', now())", [
      PUBLICATION,
    ]);
    // An import that runs to the end tells how long an import takes, and one that stops at once (no such
    // file) how long the process takes to start: the kills land in between, while the import works.
    const pages = options.pages ?? 4;
    const calibration = await crashBundle("2040-01-01", pages);
    writeFileSync(path.join(work, "calibration.zip"), calibration.zip);
    const full = await importOnce(path.join(work, "calibration.zip"), env, null);
    if (full.code !== 0) throw new Error(`the uncut import failed:\n${full.output}`);
    const startup = await importOnce(path.join(work, "missing.zip"), env, null);
    const from = Math.max(0, startup.ms - 200);
    const span = Math.max(100, full.ms - from);
    log(
      `import-crash: an uncut import of ${pages} pages takes ${full.ms} ms (start-up ${startup.ms} ms); ${options.runs} runs killed at random moments`,
    );
    let partial = await partialEditions(client, "2040-01-01", calibration.shape);
    let killed = 0;
    let finished = 0;
    let killedLeavingFiles = 0;
    for (let run = 0; run < options.runs; run++) {
      const date = new Date(Date.UTC(2040, 1, 1 + run)).toISOString().slice(0, 10);
      const { zip, shape } = await crashBundle(date, pages);
      const file = path.join(work, `run-${run}.zip`);
      writeFileSync(file, zip);
      const at = Math.round(from + random() * span);
      const outcome = await importOnce(
        file,
        env,
        options.killWhenStoring ? storesNew(storageDir, filesUnder(storageDir)) : at,
      );
      if (outcome.signal === "SIGKILL") killed++;
      else finished++;
      const broken = await partialEditions(client, date, shape);
      const left = (await orphanFiles(databaseUrl, storageDir)).length;
      if (outcome.signal === "SIGKILL" && left > 0) killedLeavingFiles++;
      partial += broken;
      log(
        `  run ${run + 1}: kill ${options.killWhenStoring ? `at the first stored file (${outcome.ms} ms)` : `at ${at} ms`} → ${outcome.signal === "SIGKILL" ? "killed" : `finished (exit ${outcome.code})`}; partial editions ${broken}, unreferenced files for the next import to remove ${left}`,
      );
    }
    // A killed import's files can only be removed by someone else: the next import does it (lib/import/staging.ts).
    const next = await crashBundle("2040-12-31", 1);
    writeFileSync(path.join(work, "next.zip"), next.zip);
    const after = await importOnce(path.join(work, "next.zip"), env, null);
    if (after.code !== 0) throw new Error(`the import after the kills failed:\n${after.output}`);
    const orphans = await orphanFiles(databaseUrl, storageDir);
    return {
      part,
      figures: [
        figure(part, "runs killed / finished first", `${killed} / ${finished}`),
        figure(part, "kills that left files for the next import to remove", killedLeavingFiles),
        figure(part, "partial editions", partial, { max: 0 }),
        figure(part, "orphan stored files", orphans.length, { max: 0 }),
      ],
      notes: [
        `uncut import ${full.ms} ms (${pages} pages with images); kills uniformly in ${from}–${from + span} ms`,
        "orphan stored files: files no row refers to once the next import has run",
        ...(orphans.length ? [`orphans, e.g. ${orphans.slice(0, 3).join(", ")}`] : []),
      ],
    };
  } finally {
    await client.end();
    await dropDatabase(options.database);
    rmSync(work, { recursive: true, force: true });
  }
}
