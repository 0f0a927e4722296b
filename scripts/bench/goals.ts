// The benchmark's goals (issue #12) and its one table. Pure: the runner in
// scripts/bench.ts measures, this file judges and prints.
import type { SearchBenchRow } from "./search";

export const VIEWS = ["home", "page", "article", "calendar"] as const;
export type View = (typeof VIEWS)[number];

export type Throughput = { reqPerSec: number; bytes: number; errors: number };
export type Percentiles = { n: number; p50: number; p95: number; p99: number };
export type Lighthouse = {
  performance: number;
  accessibility: number;
  bestPractices: number;
  seo: number;
  lcpMs: number;
  /** Total blocking time: main-thread tasks past 50 ms between first paint and interactive, simulated. */
  tbtMs: number;
};

export type ViewResult = {
  app?: Throughput;
  bare?: Throughput;
  proxy?: Throughput;
  /** First (uncached) request over the whole archive, and on the small database. */
  first?: Percentiles;
  firstSmall?: Percentiles;
  /** Client JavaScript (sum of each script gzipped) and everything a phone downloads cold. */
  jsGzip?: number;
  coldBytes?: number;
  /** The page view only: open it and zoom into one article on a 375×812 DPR 3 phone (issue #11), every byte. */
  zoomBytes?: number;
  lighthouse?: Lighthouse;
};

export type BenchResult = {
  views: Partial<Record<View, ViewResult>>;
  peakRssBytes?: number;
  /** The smallest Next.js app serving a prerendered page, next to node:http sending its bytes. */
  minimal?: { app: Throughput; bare: Throughput; jsGzip?: number; lighthouse?: Lighthouse };
  /** scripts/bench/search.ts --json over the same database. */
  search?: SearchFigures;
  /** Extra rows from other benches (search, pdf), printed as they come. */
  extra: { name: string; value: string; goal?: string; met?: boolean }[];
};

/** What scripts/bench/search.ts --json prints (a type-only import: that module loads server-only code). */
export type SearchFigures = { documents: number; rows: SearchBenchRow[] };

export const GOALS = {
  throughputRatio: 0.5,
  firstP50Ms: 30,
  firstP95Ms: 100,
  growth: 1.2,
  /** Fewer first requests than this on either side and the growth ratio is not judged (one sample says nothing). */
  growthMinSamples: 5,
  jsGzipBytes: 100 * 1024,
  coldBytes: { article: 250 * 1024, page: 400 * 1024 } as Partial<Record<View, number>>,
  /** Issue #11: "under 400 KB" to open a page view and zoom into one article. */
  zoomBytes: 400 * 1024,
  lighthouse: 100,
};

export type Verdict = { goal: string; view: View | "app"; measured: string; met: boolean };

const ratio = (a?: Throughput, b?: Throughput) => (a && b && b.reqPerSec > 0 ? a.reqPerSec / b.reqPerSec : undefined);

/** Every goal that was measured, met or not. Goals that were not measured are left out. */
export function verdicts(result: BenchResult): Verdict[] {
  const out: Verdict[] = [];
  for (const view of VIEWS) {
    const r = result.views[view];
    if (!r) continue;
    const appRatio = ratio(r.app, r.bare);
    const proxyRatio = ratio(r.proxy, r.bare);
    if (appRatio !== undefined) {
      // The app alone, or the documented deployment (nginx in front) when it was measured.
      const best = Math.max(appRatio, proxyRatio ?? 0);
      const via = proxyRatio !== undefined && proxyRatio > appRatio ? " (through nginx)" : "";
      out.push({
        goal: `cached req/s ÷ bare node:http ≥ ${GOALS.throughputRatio}`,
        view,
        measured: `${best.toFixed(2)}${via}`,
        met: best >= GOALS.throughputRatio,
      });
    }
    if (r.first) {
      out.push({
        goal: `first request p50 ≤ ${GOALS.firstP50Ms} ms, p95 ≤ ${GOALS.firstP95Ms} ms`,
        view,
        measured: `${r.first.p50.toFixed(1)} / ${r.first.p95.toFixed(1)} ms`,
        met: r.first.p50 <= GOALS.firstP50Ms && r.first.p95 <= GOALS.firstP95Ms,
      });
    }
    if (r.first && r.firstSmall && r.firstSmall.p50 > 0) {
      const growth = r.first.p50 / r.firstSmall.p50;
      const enough = Math.min(r.first.n, r.firstSmall.n) >= GOALS.growthMinSamples;
      out.push({
        goal: `growth (p50 archive ÷ small) ≤ ${GOALS.growth}`,
        view,
        measured: `${growth.toFixed(2)} (n = ${r.first.n} / ${r.firstSmall.n}${enough ? "" : `: too few, ${GOALS.growthMinSamples} needed`})`,
        met: enough && growth <= GOALS.growth,
      });
    }
    if (r.jsGzip !== undefined) {
      out.push({
        goal: `client JS ≤ ${kb(GOALS.jsGzipBytes)} gzip`,
        view,
        measured: kb(r.jsGzip),
        met: r.jsGzip <= GOALS.jsGzipBytes,
      });
    }
    const coldGoal = GOALS.coldBytes[view];
    if (r.coldBytes !== undefined && coldGoal !== undefined) {
      out.push({
        goal: `phone cold download ≤ ${kb(coldGoal)}`,
        view,
        measured: kb(r.coldBytes),
        met: r.coldBytes <= coldGoal,
      });
    }
    if (r.zoomBytes !== undefined) {
      out.push({
        goal: `phone page view + zoom into one article < ${kb(GOALS.zoomBytes)}`,
        view,
        measured: kb(r.zoomBytes),
        met: r.zoomBytes < GOALS.zoomBytes,
      });
    }
    if (r.lighthouse) {
      const l = r.lighthouse;
      const scores = [l.performance, l.accessibility, l.bestPractices, l.seo];
      out.push({
        goal: `Lighthouse mobile ${GOALS.lighthouse}/${GOALS.lighthouse}/${GOALS.lighthouse}/${GOALS.lighthouse}`,
        view,
        measured: scores.join("/"),
        met: scores.every((s) => s >= GOALS.lighthouse),
      });
    }
  }
  return out;
}

export function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0)} KB`;
}

const num = (n: number | undefined, digits = 0) =>
  n === undefined ? "–" : n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });
const ms = (p?: Percentiles) =>
  p ? `${p.p50.toFixed(1)} / ${p.p95.toFixed(1)} / ${p.p99.toFixed(1)} (n = ${p.n})` : "–";

/** The side-by-side table (GitHub markdown, readable in a terminal as it is). */
function lcpTbt(lighthouse: Lighthouse): string {
  return `${(lighthouse.lcpMs / 1000).toFixed(1)} s / ${Math.round(lighthouse.tbtMs)} ms`;
}

export function formatTable(result: BenchResult): string {
  const rows: string[][] = [];
  const present = VIEWS.filter((view) => result.views[view]);
  const cell = (f: (r: ViewResult) => string) => present.map((view) => f(result.views[view]!));
  const r2 = (a?: Throughput, b?: Throughput) => {
    const value = ratio(a, b);
    return value === undefined ? "–" : `${value.toFixed(2)}×`;
  };
  rows.push(["cached req/s: app (npm start)", ...cell((r) => num(r.app?.reqPerSec))]);
  rows.push(["cached req/s: bare node:http, same bytes", ...cell((r) => num(r.bare?.reqPerSec))]);
  rows.push(["**ratio app ÷ bare** (goal ≥ 0.50)", ...cell((r) => r2(r.app, r.bare))]);
  if (present.some((view) => result.views[view]?.proxy)) {
    rows.push(["cached req/s: nginx cache in front", ...cell((r) => num(r.proxy?.reqPerSec))]);
    rows.push(["**ratio nginx ÷ bare** (goal ≥ 0.50)", ...cell((r) => r2(r.proxy, r.bare))]);
  }
  rows.push(["HTML bytes", ...cell((r) => (r.app ? kb(r.app.bytes) : "–"))]);
  rows.push(["first request p50 / p95 / p99 ms (n URLs), archive (≤ 30 / 100)", ...cell((r) => ms(r.first))]);
  rows.push(["first request p50 / p95 / p99 ms (n URLs), small DB", ...cell((r) => ms(r.firstSmall))]);
  rows.push([
    "**growth** p50 archive ÷ small (≤ 1.2)",
    ...cell((r) => (r.first && r.firstSmall ? `${(r.first.p50 / r.firstSmall.p50).toFixed(2)}×` : "–")),
  ]);
  rows.push(["client JS, gzip (≤ 100 KB)", ...cell((r) => (r.jsGzip === undefined ? "–" : kb(r.jsGzip)))]);
  rows.push([
    "phone cold download (article ≤ 250 KB, page ≤ 400 KB)",
    ...cell((r) => (r.coldBytes === undefined ? "–" : kb(r.coldBytes))),
  ]);
  if (present.some((view) => result.views[view]?.zoomBytes !== undefined)) {
    rows.push([
      "phone page view + zoom into one article (< 400 KB)",
      ...cell((r) => (r.zoomBytes === undefined ? "–" : kb(r.zoomBytes))),
    ]);
  }
  rows.push([
    "Lighthouse mobile perf/a11y/bp/SEO (100s)",
    ...cell((r) =>
      r.lighthouse
        ? `${r.lighthouse.performance}/${r.lighthouse.accessibility}/${r.lighthouse.bestPractices}/${r.lighthouse.seo}`
        : "–",
    ),
  ]);
  rows.push(["Lighthouse LCP / TBT", ...cell((r) => (r.lighthouse ? lcpTbt(r.lighthouse) : "–"))]);
  const header = ["", ...present];
  const lines = [header, header.map(() => "---"), ...rows].map((row) => `| ${row.join(" | ")} |`);
  if (result.minimal) {
    const { app, bare } = result.minimal;
    lines.push(
      "",
      `Minimal Next.js app (one prerendered ${kb(app.bytes)} page): ${num(app.reqPerSec)} req/s ÷ bare node:http ${num(bare.reqPerSec)} = ${r2(app, bare)}` +
        (result.minimal.jsGzip === undefined ? "" : `; its client JS ${kb(result.minimal.jsGzip)} gzip`) +
        (result.minimal.lighthouse
          ? `; Lighthouse mobile performance ${result.minimal.lighthouse.performance} (${lcpTbt(result.minimal.lighthouse)})`
          : ""),
    );
  }
  if (result.search) {
    lines.push(
      "",
      `Search (lib/search/search.ts, one result page) over ${num(result.search.documents)} published documents, beside a plain ILIKE scan:`,
      "",
      "| query | hits | search p50 / p95 ms | ILIKE p50 / p95 ms | ILIKE ÷ search |",
      "| --- | --- | --- | --- | --- |",
      ...result.search.rows.map(
        (row) =>
          `| ${row.kind}: ${row.query.replaceAll("|", "\\|")} | ${row.more ? `> ${num(row.hits - 1)}` : num(row.hits)} | ` +
          `${row.p50.toFixed(1)} / ${row.p95.toFixed(1)} | ${row.ilikeP50.toFixed(1)} / ${row.ilikeP95.toFixed(1)} | ${row.ratio.toFixed(1)}× |`,
      ),
    );
  }
  if (result.peakRssBytes !== undefined)
    lines.push("", `Peak RSS of the app under load: ${num(result.peakRssBytes / 2 ** 20)} MB`);
  for (const extra of result.extra) {
    const mark = extra.met === undefined ? "" : extra.met ? " ✓" : " ✗";
    lines.push(`${extra.name}: ${extra.value}${extra.goal ? ` (goal ${extra.goal})` : ""}${mark}`);
  }
  return lines.join("\n");
}

export function formatVerdicts(list: Verdict[]): string {
  if (!list.length) return "No goal was measured.";
  const missed = list.filter((v) => !v.met);
  const lines = list.map((v) => `${v.met ? "✓" : "✗"} ${v.view.padEnd(8)} ${v.goal}: ${v.measured}`);
  lines.push(missed.length ? `${missed.length} of ${list.length} goals missed.` : `All ${list.length} goals met.`);
  return lines.join("\n");
}

/** p50/p95/p99 by nearest rank. */
export function percentiles(values: number[]): Percentiles {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? 0;
  return { n: values.length, p50: at(0.5), p95: at(0.95), p99: at(0.99) };
}
