// npm run reliability [-- --only fuzz,xss,load,import-crash,embedded-crash,instances] [--seed N] [--quick]
// The reliability harness (README "Reliability"): a fuzz, an XSS corpus in
// Chromium, load while an editor publishes, kill -9 during imports and of the
// embedded database, two instances. Each part reports figures against goals;
// the table is printed at the end and the exit code is 1 when a goal is missed.
// It makes its own databases (banmian_rel_*) on TEST_DATABASE_URL's server
// (default: the local PostgreSQL), builds the app into .next-rel and serves it
// on 127.0.0.1:3308 (and :3318); all traffic stays on loopback.
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import { parseArgs } from "node:util";
import type { Browser } from "@playwright/test";
import { createPrismaClient, type PrismaClient } from "../lib/db/client";
import { launchChromium } from "./reliability/browser";
import { embeddedCrashPart } from "./reliability/embedded-crash";
import { fuzzPart } from "./reliability/fuzz-part";
import { importCrashPart } from "./reliability/import-crash";
import { loadPart } from "./reliability/load";
import { xssPart } from "./reliability/xss";
import { missed, table, type PartResult } from "./reliability/report";
import { build, prepareDatabase, serve } from "./reliability/app";
import type { AppServer } from "./reliability/server";

const PARTS = ["fuzz", "xss", "load", "import-crash", "embedded-crash", "instances"] as const;
type PartName = (typeof PARTS)[number];

const { values } = parseArgs({
  options: {
    only: { type: "string" },
    seed: { type: "string" },
    cases: { type: "string" },
    quick: { type: "boolean", default: false },
    "skip-build": { type: "boolean", default: false },
  },
});
const only = (values.only?.split(",").map((s) => s.trim()) ?? [...PARTS]) as PartName[];
for (const part of only)
  if (!PARTS.includes(part)) {
    console.error(`Unknown part ${part}; the parts are: ${PARTS.join(", ")}`);
    process.exit(2);
  }
const seed = values.seed ? Number(values.seed) : Date.now() % 2 ** 31;
const quick = values.quick!;
const log = (line: string) => console.log(line);

const DB = "banmian_rel_app";
const PORT_A = Number(process.env.RELIABILITY_PORT ?? 3308);
const PORT_B = PORT_A + 10;
const distDir = process.env.RELIABILITY_DIST_DIR ?? ".next-rel";

type App = { databaseUrl: string; prisma: PrismaClient; a: AppServer; b?: AppServer; browser: Browser };

/** A fresh seeded database, a production build against it, and the server(s). */
async function prepareApp(twoInstances: boolean): Promise<App> {
  log(
    `\n▶ preparing: database ${DB}, build in ${distDir}, server on :${PORT_A}${twoInstances ? ` and :${PORT_B}` : ""}`,
  );
  const prepared = await prepareDatabase(DB);
  if (!values["skip-build"]) build(prepared, distDir);
  const a = await serve(prepared, PORT_A, distDir);
  const b = twoInstances ? await serve(prepared, PORT_B, `${distDir}-second`, distDir) : undefined;
  return {
    databaseUrl: prepared.databaseUrl,
    prisma: createPrismaClient(prepared.databaseUrl),
    a,
    b,
    browser: await launchChromium(),
  };
}

const results: PartResult[] = [];
const started = Date.now();
mkdirSync(".data", { recursive: true });
const save = () =>
  writeFileSync(
    ".data/reliability-last.json",
    JSON.stringify({ at: new Date().toISOString(), seed, results }, null, 2),
  );
let app: App | null = null;
try {
  const needsApp = only.some((part) => ["fuzz", "xss", "load", "instances"].includes(part));
  if (needsApp) app = await prepareApp(only.includes("instances"));
  // Order: the parts that read a known state first, the fuzz (which changes everything) last.
  for (const part of PARTS.filter((p) => only.includes(p)).sort((x, y) => (x === "fuzz" ? 1 : y === "fuzz" ? -1 : 0))) {
    log(`\n▶ ${part}`);
    try {
      if (part === "fuzz") {
        const result = await fuzzPart({
          base: app!.a.base,
          databaseUrl: app!.databaseUrl,
          prisma: app!.prisma,
          browser: app!.browser,
          seed,
          cases: Number(values.cases ?? (quick ? 1000 : 10_000)),
          coverEach: true,
          goal: quick ? 1000 : 10_000,
          log,
        });
        results.push(result);
      } else if (part === "xss") {
        results.push(await xssPart({ base: app!.a.base, prisma: app!.prisma, browser: app!.browser, log }));
      } else if (part === "load" || part === "instances") {
        const bases = part === "load" ? [app!.a.base] : [app!.a.base, app!.b!.base];
        results.push(
          await loadPart({
            part,
            bases,
            prisma: app!.prisma,
            browser: app!.browser,
            seconds: quick ? 20 : 60,
            connections: 200,
            visibleWithin: part === "load" ? 1000 : 2000,
            log,
          }),
        );
      } else if (part === "import-crash") {
        results.push(await importCrashPart({ runs: quick ? 5 : 20, seed, database: "banmian_rel_import", log }));
      } else if (part === "embedded-crash") {
        results.push(
          await embeddedCrashPart({
            rounds: quick ? 2 : 5,
            seed,
            port: Number(process.env.RELIABILITY_EMBEDDED_PORT ?? 54348),
            log,
          }),
        );
      } else {
        results.push({
          part,
          figures: [{ part, figure: "not built yet", value: "-", goal: "runs", ok: false }],
          notes: [],
        });
      }
    } catch (error) {
      console.error(error);
      results.push({
        part,
        figures: [
          { part, figure: "part crashed", value: (error as Error).message.slice(0, 80), goal: "runs", ok: false },
        ],
        notes: [],
      });
    }
    // Each part's figures as soon as it ends, so a run cut short still tells what it found.
    log(table(results.slice(-1)));
    save();
  }
} finally {
  await app?.browser.close();
  await app?.prisma.$disconnect();
  await app?.a.stop();
  await app?.b?.stop();
}

console.log(
  `\n== Banmian reliability — ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC, ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${((Date.now() - started) / 60_000).toFixed(1)} min ==\n`,
);
console.log(table(results));
for (const result of results) for (const note of result.notes) console.log(`${result.part}: ${note}`);
save();
const failed = missed(results);
if (failed.length) {
  console.log(`\n✗ ${failed.length} goal(s) missed: ${failed.map((f) => `${f.part} › ${f.figure}`).join("; ")}`);
  process.exitCode = 1;
} else console.log("\n✓ every goal met");
