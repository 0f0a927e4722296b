// The paste parser on long pastes: milliseconds per parse (median of `repeat`
// runs) for each kind of long paste in lib/paste/corpus.ts at each size. The
// inputs that made the old regular expressions backtrack quadratically took
// minutes at 200,000 characters; linear parsing keeps every row in milliseconds,
// and doubling the size about doubles the time.
//   tsx scripts/bench/paste.ts [--sizes 100000,200000,500000] [--repeat 5] [--json]
import { pathToFileURL } from "node:url";
import { LONG_PASTES } from "../../lib/paste/corpus";
import { parsePastedArticle } from "../../lib/paste/parse";

/** `ms`: wall-clock median; `cpuMs`: the process's CPU time, median, which a busy machine disturbs less. */
export type PasteBenchRow = {
  input: string;
  size: number;
  ms: number;
  cpuMs: number;
  paragraphs: number;
  expected: number;
};

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/**
 * Runs the sizes interleaved (100k, 200k, 500k, 100k, …) so that a burst of
 * load on a shared machine falls on every size alike, and reports medians.
 * `onRow` sees each row as soon as it is measured.
 */
export function benchPaste(
  sizes = [100_000, 200_000, 500_000],
  repeat = 5,
  onRow: (row: PasteBenchRow) => void = () => {},
): PasteBenchRow[] {
  const rows: PasteBenchRow[] = [];
  for (const paste of LONG_PASTES) {
    const inputs = sizes.map((size) => paste.make(size));
    parsePastedArticle(inputs[0]); // warm up the JIT
    const times = sizes.map(() => [] as number[]);
    const cpu = sizes.map(() => [] as number[]);
    const found = sizes.map(() => 0);
    for (let round = 0; round < repeat; round++)
      inputs.forEach((input, index) => {
        const start = performance.now();
        const startCpu = process.cpuUsage();
        const result = parsePastedArticle(input);
        const used = process.cpuUsage(startCpu);
        times[index].push(performance.now() - start);
        cpu[index].push((used.user + used.system) / 1000);
        found[index] = result.paragraphs.length;
      });
    sizes.forEach((size, index) => {
      const row = {
        input: paste.name,
        size,
        ms: Number(median(times[index]).toFixed(2)),
        cpuMs: Number(median(cpu[index]).toFixed(2)),
        paragraphs: found[index],
        expected: paste.paragraphs(size),
      };
      rows.push(row);
      onRow(row);
    });
  }
  return rows;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const args = process.argv.slice(2);
  const option = (name: string) => {
    const index = args.indexOf(`--${name}`);
    return index >= 0 ? args[index + 1] : undefined;
  };
  const sizes = option("sizes")?.split(",").map(Number);
  const repeat = Number(option("repeat") ?? 5);
  if (args.includes("--json")) {
    benchPaste(sizes, repeat, (row) => console.log(JSON.stringify(row)));
  } else {
    console.log("paste parser: median ms per parse (wall clock, and CPU time of the process)");
    console.table(benchPaste(sizes, repeat).map(({ input, size, ms, cpuMs }) => ({ input, size, ms, cpuMs })));
  }
}
