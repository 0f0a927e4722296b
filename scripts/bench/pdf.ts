// One broadsheet page PDF (the sample layout, 350 × 490 mm, CJK text) through
// the upload's pipeline: render at 200 dpi, JPEG original, WebP sizes,
// deep-zoom tiles and the text layer, in a worker thread as the server does it.
// Each run is a fresh process, so peak memory is that process's maximum
// resident size. Also: the bytes a phone downloads for the page image and for
// zooming into one article (image files only; HTML and JS are perf's bench).
// Goals (issue #11): ≤ 5 s and ≤ 300 MB per page; < 400 KB for the phone.
//   tsx scripts/bench/pdf.ts [--runs 3] [--json]
// From scripts/bench.ts: import { benchPdf } from "./bench/pdf" and print its rows.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { pathToFileURL } from "node:url";
import { clampZoom, levelFor, maxScale, tileKey, tilesInView, visibleFraction } from "../../lib/deep-zoom";
import { PAGE_WIDTH } from "../../lib/sample/page-layout";

export type PdfBenchRun = { ms: number; peakMb: number };
export type PdfBench = {
  runs: PdfBenchRun[];
  medianMs: number;
  maxPeakMb: number;
  /** A 375 px phone (device pixel ratio 3): the page image it loads, and the tiles to read the lead article. */
  phone: { pageImageKb: number; zoomTilesKb: number; totalKb: number; tiles: number };
};

const PARAGRAPH =
  "记者从市交通局获悉，海城跨海大桥三号主塔昨日顺利封顶，标志着大桥建设进入上部结构施工阶段。据介绍，大桥全长十二点六公里，设计时速一百公里，建成后从海城到东岛的车程将缩短至二十分钟。";

/** A full page: a lead article and five more, each several paragraphs long. */
async function broadsheetPdf(): Promise<{ pdf: Uint8Array; lead: { x: number; y: number; w: number; h: number } }> {
  // Loaded here, not at the top: the measured child process imports this file too, and pdf-lib, fontkit and the
  // font subsetter (HarfBuzz's WebAssembly) added tens of MB to the peak it reports, which the server never loads.
  const { layoutPage, PAGE_HEIGHT } = await import("../../lib/sample/page-layout");
  const { pagePdf } = await import("../../lib/sample/page-pdf");
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

/** The child process: one render through the worker, timed, then its peak memory. */
async function child(pdfPath: string, storage: string) {
  process.env.STORAGE_DIR = storage;
  const { readFileSync } = await import("node:fs");
  const { runPdfJob } = await import("../../lib/pdf/run");
  const bytes = readFileSync(pdfPath);
  const start = performance.now();
  const rendered = await runPdfJob("render", bytes, { prefix: "bench/page" });
  const ms = performance.now() - start;
  const peakMb = process.resourceUsage().maxRSS / 1024;
  console.log(JSON.stringify({ ms, peakMb, image: rendered.image }));
}

const size = (storage: string, key: string) => statSync(path.join(storage, key)).size;

export async function benchPdf(runs = 3, onRun: (run: PdfBenchRun) => void = () => {}): Promise<PdfBench> {
  const work = mkdtempSync(path.join(os.tmpdir(), "banmian-bench-pdf-"));
  try {
    const { pdf, lead } = await broadsheetPdf();
    const pdfPath = path.join(work, "page.pdf");
    writeFileSync(pdfPath, pdf);
    const results: PdfBenchRun[] = [];
    let last: { storage: string; image: import("../../lib/page-image").StoredPageImage } | null = null;
    for (let i = 0; i < runs; i++) {
      const storage = path.join(work, `storage-${i}`);
      const out = execFileSync(
        process.execPath,
        ["--import", "tsx", import.meta.filename, "--child", pdfPath, storage],
        {
          encoding: "utf8",
          maxBuffer: 16 * 1024 * 1024,
        },
      );
      const parsed = JSON.parse(out.trim().split("\n").at(-1)!) as {
        ms: number;
        peakMb: number;
        image: NonNullable<typeof last>["image"];
      };
      const run = { ms: Math.round(parsed.ms), peakMb: Math.round(parsed.peakMb) };
      last = { storage, image: parsed.image };
      results.push(run);
      onRun(run);
    }
    const { storage, image } = last!;
    // The page view on a 375 px phone at 3× picks the "large" WebP (1400 px) from the srcset.
    const large = image.imageVariants.find((variant) => variant.name === "large")!;
    const frame = { width: 375 - 24, height: ((375 - 24) * image.imageHeight) / image.imageWidth };
    const dpr = 3;
    // Zoomed so that the body text (21 layout units) reads at 12 CSS px, the view at the lead article's top left.
    const scale = (12 * PAGE_WIDTH) / (21 * frame.width);
    const state = clampZoom(
      { scale, x: -lead.x * frame.width * scale, y: -lead.y * frame.height * scale },
      frame,
      Math.max(scale, maxScale(image.imageTiles, frame, dpr)),
    );
    const level = levelFor(image.imageTiles, frame.width * state.scale * dpr);
    const tiles = tilesInView(image.imageTiles, level, visibleFraction(state, frame));
    const tileBytes = tiles.reduce((sum, tile) => sum + size(storage, tileKey(image.imageTiles, tile)), 0);
    const pageBytes = size(storage, large.key);
    const sorted = results.map((run) => run.ms).sort((a, b) => a - b);
    return {
      runs: results,
      medianMs: sorted[Math.floor(sorted.length / 2)],
      maxPeakMb: Math.max(...results.map((run) => run.peakMb)),
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
    options: { runs: { type: "string", default: "3" }, json: { type: "boolean" }, child: { type: "boolean" } },
    allowPositionals: true,
    strict: false,
  });
  if (values.child) {
    const [pdfPath, storage] = process.argv.slice(process.argv.indexOf("--child") + 1);
    await child(pdfPath, storage);
  } else {
    const result = await benchPdf(Number(values.runs) || 3, (run) => {
      if (!values.json) console.log(`render + sizes + tiles + text: ${run.ms} ms, peak ${run.peakMb} MB`);
    });
    if (values.json) console.log(JSON.stringify(result));
    else {
      console.log(`median ${result.medianMs} ms (goal ≤ 5000), peak ${result.maxPeakMb} MB (goal ≤ 300)`);
      const { phone } = result;
      console.log(
        `phone (375 px, 3×): page image ${phone.pageImageKb} KB + ${phone.tiles} tiles to read the lead article ${phone.zoomTilesKb} KB = ${phone.totalKb} KB of images (goal < 400 KB with HTML and JS)`,
      );
    }
  }
}
