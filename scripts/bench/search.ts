// Search over the archive: p50/p95 milliseconds of lib/search/search.ts (the
// index, ranking, count and snippets of one result page) for 1-, 2- and
// 3-term queries and a phrase, side by side with a plain ILIKE scan over the
// same documents as the baseline. Seed an archive first for realistic numbers:
//   npm run db:seed -- --archive 10        (about 160,000 articles)
//   npm run bench:search [-- --repeat 20] [-- --json]
// Queries are built from words that occur in the archive (the seed's
// vocabulary), each run interleaved with the others so load falls on all alike.
import { pathToFileURL } from "node:url";
import { createPrismaClient, type PrismaClient } from "../../lib/db/client";
import { readSearchParams } from "../../lib/search/params";
import { parseQuery } from "../../lib/search/query";
import { search } from "../../lib/search/search";

export type SearchBenchRow = {
  kind: string;
  query: string;
  hits: number;
  /** More matches than are ranked: `hits` is a lower bound. */
  more: boolean;
  p50: number;
  p95: number;
  ilikeP50: number;
  ilikeP95: number;
  ratio: number;
};

const QUERIES: { kind: string; q: string }[] = [
  { kind: "1 term", q: "市民" },
  { kind: "1 term (rarer)", q: "跨海大桥" },
  { kind: "2 terms", q: "企业 发展" },
  { kind: "3 terms", q: "海城 市民 服务" },
  { kind: "phrase", q: '"重点项目集中开工"' },
  { kind: "title only", q: "标题:春运" },
];

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))];
}

/** The baseline: every term as ILIKE '%term%' over title and body, newest first, with a count. */
async function ilike(db: PrismaClient, q: string): Promise<number> {
  const parsed = parseQuery(q);
  if (!parsed.ok) return 0;
  const terms = parsed.needles.map((needle) => `%${needle}%`);
  const rows = await db.$queryRaw<{ total: bigint }[]>`
    SELECT count(*) OVER () AS total FROM search_documents d
    WHERE d.published AND (SELECT bool_and(d.title ILIKE t OR d.body ILIKE t) FROM unnest(${terms}::text[]) AS t)
    ORDER BY d.issue_date DESC LIMIT 20`;
  return rows.length ? Number(rows[0].total) : 0;
}

export async function benchSearch(
  db: PrismaClient,
  repeat = 15,
  onRow: (row: SearchBenchRow) => void = () => {},
): Promise<SearchBenchRow[]> {
  const rows: SearchBenchRow[] = [];
  for (const { kind, q } of QUERIES) {
    const params = readSearchParams({ q });
    const first = await search(db, params); // warm the cache and the plan
    await ilike(db, q);
    const ours: number[] = [];
    const theirs: number[] = [];
    for (let round = 0; round < repeat; round++) {
      let start = performance.now();
      await search(db, { ...params, page: 1 + (round % 3) });
      ours.push(performance.now() - start);
      start = performance.now();
      await ilike(db, q);
      theirs.push(performance.now() - start);
    }
    const row = {
      kind,
      query: q,
      hits: first.ok ? first.total : 0,
      more: first.ok && first.more,
      p50: percentile(ours, 0.5),
      p95: percentile(ours, 0.95),
      ilikeP50: percentile(theirs, 0.5),
      ilikeP95: percentile(theirs, 0.95),
      ratio: percentile(theirs, 0.5) / percentile(ours, 0.5),
    };
    rows.push(row);
    onRow(row);
  }
  return rows;
}

export function formatSearchRow(row: SearchBenchRow): string {
  return [
    row.kind.padEnd(14),
    row.query.padEnd(12),
    (row.more ? `>${row.hits - 1}` : String(row.hits)).padStart(7),
    `${row.p50.toFixed(1)} / ${row.p95.toFixed(1)} ms`.padStart(18),
    `${row.ilikeP50.toFixed(1)} / ${row.ilikeP95.toFixed(1)} ms`.padStart(20),
    `${row.ratio.toFixed(1)}×`.padStart(8),
  ].join("  ");
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const repeatIndex = args.indexOf("--repeat");
  const repeat = repeatIndex >= 0 ? Number(args[repeatIndex + 1]) : 15;
  const json = args.includes("--json");
  const db = createPrismaClient();
  try {
    const [{ count }] = await db.$queryRaw<{ count: bigint }[]>`SELECT count(*) FROM search_documents WHERE published`;
    if (!json) {
      console.log(`search over ${count} published documents, ${repeat} runs each (p50 / p95)`);
      console.log(
        [
          "kind".padEnd(14),
          "query".padEnd(12),
          "hits".padStart(7),
          "search".padStart(18),
          "ILIKE scan".padStart(20),
          "ratio".padStart(8),
        ].join("  "),
      );
    }
    const rows = await benchSearch(db, repeat, (row) => {
      if (!json) console.log(formatSearchRow(row));
    });
    if (json) console.log(JSON.stringify({ documents: Number(count), rows }, null, 2));
  } finally {
    await db.$disconnect();
  }
}
