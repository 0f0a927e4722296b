// npm run bench [-- --smoke] [-- --port 3300] [-- --nginx-port N] [-- --duration 5] [-- --connections 50]
//               [-- --editions 40] [-- --base URL] [-- --no-lighthouse] [-- --no-small] [-- --no-nginx]
//               [-- --first-only] (the first-request step alone, archive and small database)
// One run, one table, side by side on the same machine (issue #12):
//   - cached home/page/article/calendar req/s of the app as `npm start` runs
//     it, next to a bare node:http server sending the identical bytes, and
//     next to nginx caching in front of the app (deploy/nginx.conf, if nginx
//     is installed); autocannon on loopback, bounded in time;
//   - first (uncached) request p50/p95/p99 over views spread across the whole
//     archive, and the same on a small database (<db>_small, made and seeded
//     on the same PostgreSQL server on first use): the growth ratio;
//   - client JavaScript per view (gzip) and the bytes a 390×844 DPR 3
//     Chromium downloads cold (Chromium's network accounting); on a 375×812
//     DPR 3 phone, the bytes to open the page view and zoom into one article;
//   - Lighthouse mobile scores; the app's peak RSS under load.
// Exits 1 when a goal is missed (not with --smoke: a few seconds, no goals,
// so the benchmark itself cannot rot; e2e/bench-smoke.spec.ts runs it).
// Needs a production build (`npm run build`) and a seeded database
// (`npm run db:seed -- --archive 10` for the archive numbers).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import os from "node:os";
import autocannon from "autocannon";
import pg from "pg";
import { createPrismaClient } from "../lib/db/client";
import { databaseUrl, isEmbedded } from "../lib/db/url";
import { archivePath, articleHref, editionBase, pageHref } from "../lib/reading/urls";
import { coldLoads, lighthouseScores } from "./bench/browser";
import { formatPhoneZoom, pageAndZoom } from "./bench/phone";
import {
  VIEWS,
  formatTable,
  formatVerdicts,
  percentiles,
  verdicts,
  type BenchResult,
  type SearchFigures,
  type Throughput,
  type View,
} from "./bench/goals";
import {
  nginxInstalled,
  serverRss,
  startApp,
  startBare,
  startMinimalNext,
  startNginx,
  type Recorded,
  type Server,
} from "./bench/servers";
import { assertDatabaseReady } from "./lib/connect";

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const option = (name: string, fallback: number | string) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : String(fallback);
};
const smoke = flag("smoke");
const firstOnly = flag("first-only");
const port = Number(option("port", 3300));
const nginxPort = Number(option("nginx-port", port + 30));
const duration = Number(option("duration", smoke ? 1 : 5));
const connections = Number(option("connections", smoke ? 10 : 50));
const perView = Number(option("editions", smoke ? 2 : 40));
const givenBase = option("base", "");
const withLighthouse = !smoke && !firstOnly && !flag("no-lighthouse");
const withSmall = !smoke && !flag("no-small") && !givenBase;
const withNginx = !smoke && !firstOnly && !flag("no-nginx");
const withMinimal = !smoke && !firstOnly && !flag("no-minimal");
const withOthers = !smoke && !firstOnly;
const log = (line: string) => console.error(`· ${line}`);

type EditionRow = { date: string; pages: { code: string; articles: number }[] };

async function publishedEditions(url?: string): Promise<EditionRow[]> {
  const prisma = createPrismaClient(url);
  try {
    const rows = await prisma.edition.findMany({
      where: { status: "PUBLISHED", publication: { isDefault: true } },
      select: {
        issueDate: true,
        pages: { select: { code: true, _count: { select: { articles: true } } }, orderBy: { sortOrder: "asc" } },
      },
      orderBy: { issueDate: "desc" },
    });
    return rows
      .map((row) => ({
        date: row.issueDate.toISOString().slice(0, 10),
        pages: row.pages.map((page) => ({ code: page.code, articles: page._count.articles })),
      }))
      .filter((row) => row.pages.length > 0);
  } finally {
    await prisma.$disconnect();
  }
}

function viewUrl(view: View, edition: EditionRow): string | null {
  const base = editionBase(null, edition.date);
  const page = edition.pages[Math.min(1, edition.pages.length - 1)];
  if (view === "home") return "/";
  if (view === "page") return pageHref(base, page.code);
  if (view === "calendar") return archivePath(null, edition.date.slice(0, 7));
  const withArticles = edition.pages.find((p) => p.articles > 0);
  return withArticles ? articleHref(base, withArticles.code, 1) : null;
}

/**
 * Views spread over the archive, each view from different editions so none is warmed by another.
 * Calendars are distinct months, never `skipMonth` (the one prerendered at build time and warmed).
 */
function spreadUrls(editions: EditionRow[], count: number, skipMonth: string): Record<Exclude<View, "home">, string[]> {
  const older = editions.slice(1); // the latest edition is prerendered at build time
  const kinds = ["page", "article", "calendar"] as const;
  const wanted = Math.min(older.length, count * kinds.length);
  const step = older.length / Math.max(1, wanted);
  const out = { page: [] as string[], article: [] as string[], calendar: [] as string[] };
  const months = new Set<string>([skipMonth]);
  for (let i = 0; i < wanted; i++) {
    const edition = older[Math.floor(i * step)];
    const kind = kinds[i % kinds.length];
    if (kind === "calendar") {
      const month = edition.date.slice(0, 7);
      if (months.has(month)) continue;
      months.add(month);
    }
    const url = viewUrl(kind, edition);
    if (url) out[kind].push(url);
  }
  return out;
}

async function get(base: string, path: string): Promise<Response> {
  const response = await fetch(base + path, { redirect: "manual", headers: { "accept-encoding": "identity" } });
  if (response.status !== 200) throw new Error(`${base}${path} answered ${response.status}`);
  return response;
}

/** A response's status, headers and bytes, for the bare server to send as they are. */
async function record(base: string, path: string): Promise<Recorded> {
  const response = await get(base, path);
  const headers: Record<string, string> = {};
  response.headers.forEach((value, key) => {
    if (!["date", "connection", "keep-alive", "transfer-encoding", "content-length"].includes(key))
      headers[key] = value;
  });
  return { status: 200, headers, body: Buffer.from(await response.arrayBuffer()).toString("base64") };
}

async function timed(base: string, path: string): Promise<number> {
  const started = performance.now();
  await (await get(base, path)).arrayBuffer();
  return performance.now() - started;
}

/**
 * First requests of `urls` on each server, one after the other: the archive's and the small
 * database's alternate, so the machine's load drifting during the run moves both alike (measured
 * one after the other, the article's growth read 1.01× and 1.33× in two runs of the same code).
 */
async function firstRequests(...sides: { base: string; urls: string[] }[]): Promise<number[][]> {
  const times = sides.map((): number[] => []);
  const longest = Math.max(...sides.map((side) => side.urls.length));
  for (let i = 0; i < longest; i++) {
    for (const [s, side] of sides.entries())
      if (i < side.urls.length) times[s].push(await timed(side.base, side.urls[i]));
  }
  return times;
}

async function load(url: string, onTick?: () => void): Promise<Throughput> {
  const timer = onTick ? setInterval(onTick, 100) : null;
  try {
    const result = await autocannon({ url, connections, duration });
    return {
      reqPerSec: result.requests.average,
      bytes: result.throughput.total / Math.max(1, result.requests.total),
      errors: result.errors + result.timeouts + result.non2xx,
    };
  } finally {
    if (timer) clearInterval(timer);
  }
}

/**
 * The small database's archive: one year (about 375 editions, a tenth of the ten-year archive), so it
 * has a dozen calendar months with editions to open uncached, like the archive's (the sample's ten
 * days alone are one month, which the build prerenders: its figure was one cached request).
 */
const SMALL_ARCHIVE_YEARS = 1;
const SMALL_MONTHS = 12;

/** Makes and seeds `<db>_small` (the sample's ten days and a year's archive before them) unless it has them. */
async function smallDatabase(): Promise<string | null> {
  if (isEmbedded()) return null;
  const url = new URL(databaseUrl());
  const name = `${url.pathname.slice(1)}_small`;
  if (!/^[a-z][a-z0-9_]{0,62}$/.test(name)) return null;
  const small = new URL(url);
  small.pathname = `/${name}`;
  const server = new URL(url);
  server.pathname = "/postgres";
  const client = new pg.Client({ connectionString: server.toString() });
  await client.connect();
  const exists = (await client.query("select 1 from pg_database where datname = $1", [name])).rowCount;
  if (!exists) await client.query(`CREATE DATABASE "${name}"`);
  await client.end();
  const env = { ...process.env, DATABASE_URL: small.toString(), STORAGE_DIR: `.data/${name}-storage` };
  const months = exists
    ? await publishedEditions(small.toString()).then(
        (rows) => new Set(rows.map((row) => row.date.slice(0, 7))).size,
        () => 0,
      )
    : 0;
  if (months < SMALL_MONTHS) {
    log(`seeding the small database ${name}`);
    const scripts = [["scripts/db-migrate.ts"], ["scripts/seed.ts", "--archive", String(SMALL_ARCHIVE_YEARS)]];
    for (const [script, ...rest] of scripts) {
      const run = spawnSync("npx", ["tsx", script, ...rest, "--quiet"], {
        env,
        stdio: ["ignore", "ignore", "inherit"],
      });
      if (run.status !== 0) throw new Error(`${script} failed on ${name}`);
    }
  }
  return small.toString();
}

await assertDatabaseReady();
const editions = await publishedEditions();
if (!editions.length) {
  console.error("No published editions: run npm run db:seed first.");
  process.exit(1);
}
const distDir = process.env.NEXT_DIST_DIR ?? ".next";
if (!givenBase && !existsSync(`${distDir}/BUILD_ID`)) {
  console.error(`No production build in ${distDir}: run npm run build first.`);
  process.exit(1);
}

const result: BenchResult = { views: {}, extra: [] };
const servers: Server[] = [];
const started = Date.now();
// The machine's own load beside the figures: ratios from one run hold, absolute numbers move with it.
const loadAtStart = os.loadavg()[0];
const stopAll = async (...only: Server[]) => {
  const which = only.length ? only : [...servers].reverse();
  for (const server of which) {
    servers.splice(servers.indexOf(server), 1);
    await server.stop();
  }
};
process.once("SIGINT", () => void stopAll().then(() => process.exit(130)));

try {
  let app: Server | null = null;
  if (!givenBase) {
    log(`starting the app (npm start) on 127.0.0.1:${port}`);
    app = await startApp(port, {}, log);
    servers.push(app);
  }
  const base = givenBase || app!.url;
  const latest = editions[0];
  const targets = Object.fromEntries(VIEWS.map((view) => [view, viewUrl(view, latest)])) as Record<View, string | null>;
  // The first request of each route loads its code; that is start-up, not a view's first request.
  for (const view of VIEWS) if (targets[view]) await (await get(base, targets[view]!)).arrayBuffer();

  const spread = spreadUrls(editions, perView, latest.date.slice(0, 7));
  // The small database's app runs beside the archive's only while the first requests are measured.
  let small: { app: Server; spread: ReturnType<typeof spreadUrls>; editions: number } | null = null;
  if (withSmall) {
    const smallUrl = await smallDatabase();
    if (smallUrl) {
      const smallEditions = await publishedEditions(smallUrl);
      const smallApp = await startApp(port + 20, { DATABASE_URL: smallUrl }, log);
      servers.push(smallApp);
      const smallTargets = VIEWS.map((view) => viewUrl(view, smallEditions[0]));
      for (const path of smallTargets) if (path) await (await get(smallApp.url, path)).arrayBuffer();
      const smallSpread = spreadUrls(smallEditions, perView, smallEditions[0].date.slice(0, 7));
      small = { app: smallApp, spread: smallSpread, editions: smallEditions.length };
    } else {
      result.extra.push({ name: "growth", value: "not measured: needs DATABASE_URL on a PostgreSQL server" });
    }
  }
  log(
    `first requests: ${spread.page.length + spread.article.length + spread.calendar.length} URLs over ${editions.length} editions` +
      (small ? `, alternating with the small database's (${small.editions} editions)` : ""),
  );
  for (const view of ["page", "article", "calendar"] as const) {
    const [archive, smallTimes] = await firstRequests(
      { base, urls: spread[view] },
      ...(small ? [{ base: small.app.url, urls: small.spread[view] }] : []),
    );
    result.views[view] = { first: percentiles(archive), ...(small && { firstSmall: percentiles(smallTimes) }) };
  }
  if (small) await stopAll(small.app);
  result.views.home = {};

  let peakRss = 0;
  if (!firstOnly) {
    const recorded: Record<string, Recorded> = {};
    for (const view of VIEWS) {
      const path = targets[view];
      if (!path) continue;
      for (let i = 0; i < 3; i++) await (await get(base, path)).arrayBuffer();
      const response = await get(base, path);
      const headers: Record<string, string> = {};
      response.headers.forEach((value, key) => {
        if (!["date", "connection", "keep-alive", "transfer-encoding", "content-length"].includes(key))
          headers[key] = value;
      });
      recorded[path] = { status: 200, headers, body: Buffer.from(await response.arrayBuffer()).toString("base64") };
    }
    const bare = await startBare(port + 10, recorded);
    servers.push(bare);
    const sample = app ? () => (peakRss = Math.max(peakRss, serverRss(app.pid))) : undefined;
    for (const view of VIEWS) {
      const path = targets[view];
      if (!path) continue;
      log(`load: ${view} ${path} (${connections} connections, ${duration} s each)`);
      const r = result.views[view]!;
      r.app = await load(base + path, sample);
      r.bare = await load(bare.url + path);
    }
    if (app) result.peakRssBytes = peakRss;
  }

  if (withNginx && nginxInstalled()) {
    const nginx = await startNginx(nginxPort, port);
    servers.push(nginx);
    for (const view of VIEWS) {
      const path = targets[view];
      if (!path) continue;
      for (let i = 0; i < 3; i++) await (await get(nginx.url, path)).arrayBuffer();
      log(`load through nginx: ${view}`);
      result.views[view]!.proxy = await load(nginx.url + path);
    }
  } else if (withNginx) {
    result.extra.push({ name: "nginx", value: "not installed (apt-get install nginx), not measured" });
  }

  if (withMinimal) {
    // Stopped at once: it must not compete with the other servers for the two cores.
    const minimal = await startMinimalNext(port + 40, log);
    servers.push(minimal);
    for (let i = 0; i < 3; i++) await (await get(minimal.url, "/")).arrayBuffer();
    const minimalBare = await startBare(port + 50, {
      "/": await record(minimal.url, "/"),
    });
    servers.push(minimalBare);
    log("load: the minimal Next.js app and its bytes from node:http");
    const app = await load(minimal.url + "/");
    const bare = await load(minimalBare.url + "/");
    // Its client JavaScript is what any App Router page ships before a line of the app's own code.
    const [cold] = await coldLoads([minimal.url + "/"]);
    // Lighthouse of a page with no code of ours: what Next.js's own runtime scores on this machine.
    const [lighthouse] = withLighthouse ? await lighthouseScores([minimal.url + "/"]) : [undefined];
    result.minimal = { app, bare, jsGzip: cold.jsGzip, lighthouse };
    await stopAll(minimal, minimalBare);
  }

  const present = VIEWS.filter((view) => targets[view]);
  if (!firstOnly) {
    log("phone cold loads (Chromium 390×844, DPR 3)");
    // The smoke opens one view: enough to keep the browser code working.
    const opened = smoke ? present.filter((view) => view === "article") : present;
    const loads = await coldLoads(opened.map((view) => base + targets[view]));
    opened.forEach((view, i) => {
      result.views[view]!.jsGzip = loads[i].jsGzip;
      result.views[view]!.coldBytes = loads[i].bytes;
    });
  }
  if (!smoke && !firstOnly && targets.page) {
    log("phone page view + zoom into one article (Chromium 375×812, DPR 3)");
    const zoom = await pageAndZoom(base + targets.page);
    result.views.page!.zoomBytes = zoom.openBytes + zoom.zoomBytes;
    result.extra.push({ name: "\nPhone page view + zoom (issue #11)", value: formatPhoneZoom(zoom) });
  }

  if (withLighthouse) {
    log("Lighthouse (mobile)");
    const scores = await lighthouseScores(present.map((view) => base + targets[view]));
    present.forEach((view, i) => (result.views[view]!.lighthouse = scores[i]));
  }

  // Other areas' benches, run as they are against the same database; their figures follow the table.
  // The search bench loads the data layer (server-only modules): node with the react-server condition, as Next.js does.
  if (withOthers && existsSync("scripts/bench/search.ts")) {
    log("running scripts/bench/search.ts");
    const run = spawnSync(
      process.execPath,
      ["--conditions=react-server", "--import", "tsx", "scripts/bench/search.ts", "--json"],
      { encoding: "utf8", timeout: 10 * 60_000 },
    );
    try {
      result.search = JSON.parse(run.stdout) as SearchFigures;
    } catch {
      const why = (run.stderr ?? "").trim().split("\n").slice(-5).join("\n");
      result.extra.push({
        name: "\nscripts/bench/search.ts",
        value: `failed (exit ${run.status ?? run.signal})\n${why}`,
      });
    }
  }
  if (withOthers && existsSync("scripts/bench/pdf.ts")) {
    log("running scripts/bench/pdf.ts");
    const run = spawnSync("npx", ["tsx", "scripts/bench/pdf.ts"], { encoding: "utf8", timeout: 10 * 60_000 });
    const output = (run.stdout ?? "").trim() || (run.stderr ?? "").trim().split("\n").slice(-5).join("\n");
    result.extra.push({ name: `\nscripts/bench/pdf.ts (exit ${run.status ?? run.signal})`, value: `\n${output}` });
  }
} finally {
  await stopAll();
}

const total = editions.length;
console.log(
  `\nBanmian reader benchmark, ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC — ${total} published editions; ` +
    `autocannon -c ${connections} -d ${duration}; ${Math.round((Date.now() - started) / 1000)} s\n` +
    `machine: ${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? "?"}, ${Math.round(os.totalmem() / 2 ** 30)} GB; ` +
    `load average ${loadAtStart.toFixed(1)} at the start, ${os.loadavg()[0].toFixed(1)} at the end\n`,
);
console.log(formatTable(result));
if (smoke) {
  console.log("\n(smoke run: goals not judged)");
} else {
  const list = verdicts(result);
  console.log(`\n${formatVerdicts(list)}`);
  if (list.some((v) => !v.met)) process.exitCode = 1;
}
