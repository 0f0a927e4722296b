// One measured run of scripts/bench/pdf.ts, in a process of its own: the PDF
// goes to a worker thread through lib/pdf/run.ts, as the server hands it over.
// Loaded through tsx's CommonJS hook: its ES-module hooks (`--import tsx`)
// would add a thread of their own (about 35 MB) the server's process lacks.
//   node -e 'require("tsx/cjs/api").register(); require("./scripts/bench/pdf-child.ts")' page.pdf storage-dir
// Prints one line of JSON: time, peak resident memory of the whole process
// (both threads), and the peak before the job started.
import { readFileSync } from "node:fs";
import { runPdfJob } from "../../lib/pdf/run";

/**
 * The process's peak resident memory (VmHWM), both threads. Not getrusage's maxRSS (process.resourceUsage()): Linux
 * carries that over from the forked parent through exec, so it starts at the bench's own size.
 */
function megabytes(): number {
  const status = readFileSync("/proc/self/status", "utf8");
  const peak = /^VmHWM:\s+(\d+) kB$/m.exec(status);
  return peak ? Number(peak[1]) / 1024 : process.resourceUsage().maxRSS / 1024;
}

async function main(pdfPath: string, storage: string) {
  process.env.STORAGE_DIR = storage;
  const bytes = readFileSync(pdfPath);
  const baselineMb = megabytes();
  const start = performance.now();
  const rendered = await runPdfJob("render", bytes, { prefix: "bench/page" });
  const ms = performance.now() - start;
  console.log(JSON.stringify({ ms, peakMb: megabytes(), baselineMb, image: rendered.image }));
}

const [pdfPath, storage] = process.argv.slice(-2);
main(pdfPath, storage).catch((error) => {
  console.error(error);
  process.exit(1);
});
