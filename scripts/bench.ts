// npm run bench [-- --base http://host:port] [-- --editions 30] [-- --repeat 5]
// Measures the reader as a visitor meets it: first (uncached) and repeated
// (cached) requests for home, page, article and calendar views of editions
// spread over the whole database (seed an archive first for realistic
// numbers: npm run db:seed -- --archive 10). Without --base it starts the
// production build (`npm run build` first) on port 3300. Prints medians and
// 95th percentiles; compare runs side by side on the same machine.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createPrismaClient } from "../lib/db/client";
import { articleHref, archivePath, editionBase, pageHref } from "../lib/reading/urls";
import { assertDatabaseReady } from "./lib/connect";

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : fallback;
};
const editionsToVisit = Number(option("editions", "30"));
const repeat = Number(option("repeat", "5"));
let base = option("base", "");

await assertDatabaseReady();
const prisma = createPrismaClient();
const editions = await prisma.edition.findMany({
  where: { status: "PUBLISHED", publication: { isDefault: true } },
  select: {
    issueDate: true,
    pages: { select: { code: true, _count: { select: { articles: true } } }, orderBy: { sortOrder: "asc" } },
  },
  orderBy: { issueDate: "desc" },
});
const total = await prisma.article.count();
await prisma.$disconnect();
if (!editions.length) {
  console.error("No published editions: run npm run db:seed first.");
  process.exit(1);
}

const step = Math.max(1, Math.floor(editions.length / editionsToVisit));
const chosen = editions.filter((_, i) => i % step === 0).slice(0, editionsToVisit);
const urls: { kind: string; path: string }[] = [{ kind: "home", path: "/" }];
for (const edition of chosen) {
  const date = edition.issueDate.toISOString().slice(0, 10);
  const edBase = editionBase(null, date);
  const page = edition.pages[Math.floor(edition.pages.length / 2)];
  urls.push({ kind: "page", path: pageHref(edBase, page.code) });
  if (page._count.articles) urls.push({ kind: "article", path: articleHref(edBase, page.code, 1) });
  urls.push({ kind: "calendar", path: archivePath(null, date.slice(0, 7)) });
}

let server: ReturnType<typeof spawn> | null = null;
if (!base) {
  const distDir = process.env.NEXT_DIST_DIR ?? ".next";
  if (!existsSync(`${distDir}/BUILD_ID`)) {
    console.error(`No production build in ${distDir}: run npm run build first.`);
    process.exit(1);
  }
  base = "http://127.0.0.1:3300";
  server = spawn("npx", ["next", "start", "-p", "3300", "-H", "127.0.0.1"], { stdio: "ignore", detached: true });
  const deadline = Date.now() + 60_000;
  while (
    !(await fetch(base).then(
      () => true,
      () => false,
    ))
  ) {
    if (Date.now() > deadline) throw new Error("next start did not answer within 60 s");
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function time(path: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(base + path, { redirect: "manual" });
  await response.arrayBuffer();
  if (response.status >= 500) throw new Error(`${path} answered ${response.status}`);
  return performance.now() - started;
}

const stats = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { n: values.length, median: at(0.5), p95: at(0.95) };
};

try {
  const cold = new Map<string, number[]>();
  const warm = new Map<string, number[]>();
  for (const { kind, path } of urls) {
    cold.set(kind, [...(cold.get(kind) ?? []), await time(path)]);
  }
  for (let i = 0; i < repeat; i++) {
    for (const { kind, path } of urls) warm.set(kind, [...(warm.get(kind) ?? []), await time(path)]);
  }
  console.log(`Banmian reader benchmark — ${editions.length} published editions, ${total} articles in the database`);
  console.log(
    `${base}, ${urls.length} URLs from ${chosen.length} editions; first request, then ${repeat} repeats each (sequential)\n`,
  );
  console.log("view       first: median    p95   | repeat: median    p95   (ms)");
  for (const kind of cold.keys()) {
    const c = stats(cold.get(kind)!);
    const w = stats(warm.get(kind)!);
    console.log(
      `${kind.padEnd(10)} ${c.median.toFixed(1).padStart(13)} ${c.p95.toFixed(1).padStart(6)}   | ${w.median.toFixed(1).padStart(14)} ${w.p95.toFixed(1).padStart(6)}`,
    );
  }
} finally {
  if (server?.pid) process.kill(-server.pid, "SIGTERM");
}
