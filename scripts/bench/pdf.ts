// One broadsheet page PDF (the sample layout, 350 × 490 mm, CJK text) through
// the upload's pipeline: render at 200 dpi, JPEG original, WebP sizes,
// deep-zoom tiles and the text layer, in a worker thread as the server does it.
// Each run is a fresh process (scripts/bench/pdf-child.ts), so peak memory is
// that process's maximum resident size, its worker thread included. Also: the bytes a phone downloads for the page image and for
// zooming into one article (image files only; `npm run bench:phone` counts
// everything a real Chromium downloads, HTML and JS included).
// Goals (issue #11): ≤ 5 s and ≤ 300 MB per page; < 400 KB for the phone.
//   tsx scripts/bench/pdf.ts [--runs 3] [--json] [--child-root DIR]
// --child-root runs the child of another checkout (with its own node_modules or a link to them) in the same
// loop: before/after figures side by side under the same load.
// From scripts/bench.ts: import { benchPdf } from "./bench/pdf" and print its rows.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { pathToFileURL } from "node:url";
import {
  clampZoom,
  maxScale,
  tileDensity,
  tileKey,
  tileLevelOver,
  tilesInView,
  visibleFraction,
} from "../../lib/deep-zoom";
import { layoutPage, PAGE_HEIGHT, PAGE_WIDTH } from "../../lib/sample/page-layout";
import type { StoredPageImage } from "../../lib/page-image";
import { pagePdf } from "../../lib/sample/page-pdf";

/** peakMb: the whole process at its highest; baselineMb: the same before the job (Node.js, tsx, lib/pdf/run.ts). */
export type PdfBenchRun = { ms: number; peakMb: number; baselineMb: number };
export type PdfBench = Figures & {
  /** `--child-root`'s figures, run by run alternating with ours. */
  before?: Figures;
  /** A 375 px phone (device pixel ratio 3): the page image it loads, and the tiles to read the lead article. */
  phone: { pageImageKb: number; zoomTilesKb: number; totalKb: number; tiles: number };
};

const PARAGRAPH =
  "记者从市交通局获悉，海城跨海大桥三号主塔昨日顺利封顶，标志着大桥建设进入上部结构施工阶段。据介绍，大桥全长十二点六公里，设计时速一百公里，建成后从海城到东岛的车程将缩短至二十分钟。";

/** A full page: a lead article and five more, each several paragraphs long. */
async function broadsheetPdf(): Promise<{ pdf: Uint8Array; lead: { x: number; y: number; w: number; h: number } }> {
  const articles = [
    "海城跨海大桥主塔顺利封顶",
    "江滨夜市重新开张人气旺",
    "城市书房增至四十六家",
    "老城区雨污分流改造完工",
    "海城马拉松报名人数创新高",
    "社区食堂覆盖所有街道",
  ].map((title, i) => ({ title, byline: `本报记者 记者${i + 1}`, text: Array.from({ length: 6 }, () => PARAGRAPH) }));
  const layout = layoutPage({
    publicationName: "海城日报",
    code: "A01",
    name: "要闻",
    dateLabel: "2026年11月25日　星期三",
    issueLabel: "第28180期",
    front: true,
    articles,
  });
  const region = layout.regions[0];
  if (region.type !== "rect") throw new Error("the sample layout makes rectangles");
  const pdf = await pagePdf(layout.elements, { title: "海城日报 A01", author: "海城日报", created: new Date() });
  return {
    pdf,
    lead: { x: region.x / PAGE_WIDTH, y: region.y / PAGE_HEIGHT, w: region.w / PAGE_WIDTH, h: region.h / PAGE_HEIGHT },
  };
}

/** One run in a fresh process: `root`'s scripts/bench/pdf-child.ts, which never loads the PDF maker above. */
export function runChild(root: string, pdfPath: string, storage: string): { run: PdfBenchRun; image: StoredPageImage } {
  const child = path.join(root, "scripts/bench/pdf-child.ts");
  const out = execFileSync(
    process.execPath,
    ["-e", `require("tsx/cjs/api").register(); require(${JSON.stringify(child)})`, pdfPath, storage],
    { cwd: root, encoding: "utf8", maxBuffer: 16 * 1024 * 1024 },
  );
  const parsed = JSON.parse(out.trim().split("\n").at(-1)!) as PdfBenchRun & { image: StoredPageImage };
  const run = {
    ms: Math.round(parsed.ms),
    peakMb: Math.round(parsed.peakMb),
    baselineMb: Math.round(parsed.baselineMb),
  };
  return { run, image: parsed.image };
}

const size = (storage: string, key: string) => statSync(path.join(storage, key)).size;

type Figures = { runs: PdfBenchRun[]; medianMs: number; medianPeakMb: number; maxPeakMb: number };

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function figures(runs: PdfBenchRun[]): Figures {
  return {
    runs,
    medianMs: median(runs.map((run) => run.ms)),
    medianPeakMb: median(runs.map((run) => run.peakMb)),
    maxPeakMb: Math.max(...runs.map((run) => run.peakMb)),
  };
}

/**
 * `runs` fresh processes rendering the page. With `compareRoot` (another checkout), each run of ours follows one of
 * that checkout's child, so both see the same load: `before` holds its figures.
 */
export async function benchPdf(
  runs = 3,
  onRun: (run: PdfBenchRun, before?: PdfBenchRun) => void = () => {},
  compareRoot?: string,
): Promise<PdfBench> {
  const work = mkdtempSync(path.join(os.tmpdir(), "banmian-bench-pdf-"));
  try {
    const { pdf, lead } = await broadsheetPdf();
    const pdfPath = path.join(work, "page.pdf");
    writeFileSync(pdfPath, pdf);
    const results: PdfBenchRun[] = [];
    const before: PdfBenchRun[] = [];
    let last: { storage: string; image: StoredPageImage } | null = null;
    for (let i = 0; i < runs; i++) {
      let other: PdfBenchRun | undefined;
      if (compareRoot) {
        other = runChild(path.resolve(compareRoot), pdfPath, path.join(work, `before-${i}`)).run;
        before.push(other);
      }
      const storage = path.join(work, `storage-${i}`);
      const { run, image } = runChild(path.resolve(import.meta.dirname, "../.."), pdfPath, storage);
      last = { storage, image };
      results.push(run);
      onRun(run, other);
    }
    const { storage, image } = last!;
    // The page view on a 375 px phone at 3× picks the "medium" WebP (800 px) from the srcset (sizes: two thirds
    // of the screen's width on a dense phone, components/reader/page-image.tsx; e2e/reader/phone-bytes.spec.ts).
    const shown = image.imageVariants.find((variant) => variant.name === "medium")!;
    const frame = { width: 375 - 24, height: ((375 - 24) * image.imageHeight) / image.imageWidth };
    const dpr = 3;
    // Zoomed so that the body text (21 layout units) reads at 12 CSS px, the view at the lead article's top left.
    const scale = (12 * PAGE_WIDTH) / (21 * frame.width);
    const state = clampZoom(
      { scale, x: -lead.x * frame.width * scale, y: -lead.y * frame.height * scale },
      frame,
      Math.max(scale, maxScale(image.imageTiles, frame, dpr)),
    );
    const level = tileLevelOver(image.imageTiles, frame.width * state.scale * tileDensity(dpr, true), shown.width);
    const tiles = level === null ? [] : tilesInView(image.imageTiles, level, visibleFraction(state, frame));
    const tileBytes = tiles.reduce((sum, tile) => sum + size(storage, tileKey(image.imageTiles, tile)), 0);
    const pageBytes = size(storage, shown.key);
    return {
      ...figures(results),
      before: compareRoot ? figures(before) : undefined,
      phone: {
        pageImageKb: Math.round(pageBytes / 1024),
        zoomTilesKb: Math.round(tileBytes / 1024),
        totalKb: Math.round((pageBytes + tileBytes) / 1024),
        tiles: tiles.length,
      },
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { values } = parseArgs({
    options: {
      runs: { type: "string", default: "3" },
      json: { type: "boolean" },
      "child-root": { type: "string" },
    },
  });
  const line = (run: PdfBenchRun) => `${run.ms} ms, peak ${run.peakMb} MB (${run.baselineMb} MB before the job)`;
  const result = await benchPdf(
    Number(values.runs) || 3,
    (run, before) => {
      if (values.json) return;
      if (before) console.log(`before (${values["child-root"]}): ${line(before)}`);
      console.log(`render + sizes + tiles + text: ${line(run)}`);
    },
    values["child-root"],
  );
  if (values.json) console.log(JSON.stringify(result));
  else {
    const summary = (figures: Figures) =>
      `median ${figures.medianMs} ms (goal ≤ 5000), peak median ${figures.medianPeakMb} MB, max ${figures.maxPeakMb} MB (goal ≤ 300)`;
    if (result.before) console.log(`before: ${summary(result.before)}`);
    console.log(summary(result));
    const { phone } = result;
    console.log(
      `phone (375 px, 3×): page image ${phone.pageImageKb} KB + ${phone.tiles} tiles to read the lead article ${phone.zoomTilesKb} KB = ${phone.totalKb} KB of images (goal < 400 KB with HTML and JS: npm run bench:phone)`,
    );
  }
}
