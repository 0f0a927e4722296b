import assert from "node:assert/strict";
import { test } from "node:test";
import { formatTable, percentiles, verdicts, type BenchResult } from "./goals";

const fast = { reqPerSec: 6000, bytes: 40_000, errors: 0 };
const bare = { reqPerSec: 10_000, bytes: 40_000, errors: 0 };
const slow = { reqPerSec: 1500, bytes: 40_000, errors: 0 };

test("percentiles use the nearest rank, so p99 of 40 samples is the largest", () => {
  const values = Array.from({ length: 40 }, (_, i) => i + 1);
  assert.deepEqual(percentiles(values), { n: 40, p50: 20, p95: 38, p99: 40 });
  assert.deepEqual(percentiles([7]), { n: 1, p50: 7, p95: 7, p99: 7 });
});

test("a view slower than half the bare server misses the throughput goal, unless nginx in front reaches it", () => {
  const alone: BenchResult = { views: { article: { app: slow, bare } }, extra: [] };
  assert.deepEqual(
    verdicts(alone).map((v) => [v.view, v.met, v.measured]),
    [["article", false, "0.15"]],
  );
  const proxied: BenchResult = { views: { article: { app: slow, bare, proxy: fast } }, extra: [] };
  assert.deepEqual(
    verdicts(proxied).map((v) => [v.met, v.measured]),
    [[true, "0.60 (through nginx)"]],
  );
});

test("first requests, growth, bytes and Lighthouse are judged against the issue's goals", () => {
  const result: BenchResult = {
    views: {
      page: {
        first: { n: 40, p50: 29, p95: 90, p99: 120 },
        firstSmall: { n: 10, p50: 20, p95: 30, p99: 31 },
        coldBytes: 399 * 1024,
        jsGzip: 101 * 1024,
        lighthouse: { performance: 100, accessibility: 100, bestPractices: 96, seo: 100, lcpMs: 1200, tbtMs: 40 },
      },
    },
    extra: [],
  };
  const byGoal = Object.fromEntries(verdicts(result).map((v) => [v.goal.split(" ")[0], v.met]));
  // growth 29 / 20 = 1.45 > 1.2; JS 101 KB > 100 KB; best practices 96 < 100.
  assert.deepEqual(byGoal, { first: true, growth: false, client: false, phone: true, Lighthouse: false });
});

test("growth from a handful of first requests is not met, and the table says how many there were", () => {
  // The calendar's 7.74× came from one cached small-database request (README, 2026-11-26).
  const result: BenchResult = {
    views: {
      calendar: {
        first: { n: 40, p50: 20, p95: 30, p99: 31 },
        firstSmall: { n: 1, p50: 19, p95: 19, p99: 19 },
      },
    },
    extra: [],
  };
  const growth = verdicts(result).find((v) => v.goal.startsWith("growth"))!;
  assert.equal(growth.met, false);
  assert.match(growth.measured, /n = 40 \/ 1: too few/);
  assert.match(formatTable(result), /\| 19\.0 \/ 19\.0 \/ 19\.0 \(n = 1\) \|/);
  result.views.calendar!.firstSmall!.n = 12;
  assert.equal(verdicts(result).find((v) => v.goal.startsWith("growth"))!.met, true);
});

test("the table has a column per measured view and says what was not measured", () => {
  const table = formatTable({ views: { home: { app: fast, bare }, article: { app: slow, bare } }, extra: [] });
  const header = table.split("\n")[0];
  assert.equal(header, "|  | home | article |");
  assert.match(table, /ratio app ÷ bare.*\| 0\.60× \| 0\.15× \|/);
  assert.match(table, /Lighthouse mobile.*\| – \| – \|/);
});

test("the search bench's figures and the minimal Next.js app's client JS follow the table", () => {
  const row = {
    kind: "phrase",
    query: '"a|b"',
    hits: 1001,
    more: true,
    p50: 4,
    p95: 9.5,
    ilikeP50: 600,
    ilikeP95: 700,
  };
  const table = formatTable({
    views: { home: { app: fast, bare } },
    minimal: {
      app: fast,
      bare,
      jsGzip: 120 * 1024,
      lighthouse: { performance: 97, accessibility: 100, bestPractices: 100, seo: 100, lcpMs: 700, tbtMs: 180 },
    },
    search: { documents: 160_000, rows: [{ ...row, ratio: 150 }] },
    extra: [],
  });
  assert.match(
    table,
    /Minimal Next\.js app .* = 0\.60×; its client JS 120 KB gzip; Lighthouse mobile performance 97 \(0\.7 s \/ 180 ms\)/,
  );
  assert.match(table, /over 160,000 published documents/);
  // A | in the query must not split the markdown row.
  assert.match(table, /\| phrase: "a\\\|b" \| > 1,000 \| 4\.0 \/ 9\.5 \| 600\.0 \/ 700\.0 \| 150\.0× \|/);
});
