// A page's PDF made into the files a page row points at: rendered in a worker
// thread (lib/pdf/run.ts) into the page image, its sizes and deep-zoom tiles,
// kept as the 本版PDF, its text layer read. The one path for the page screen's
// upload (lib/admin/page-pdf.ts) and the bundle import (lib/import/import.ts);
// no "server-only" modules, so npm run import can load it.
import type { StoredPageImage } from "../page-image";
import { PdfError } from "../pdf/limits";
import type { Stage } from "../pdf/process";
import { runPdfJob } from "../pdf/run";
import { putFile } from "../storage";
import type { NewPageImage } from "./page-upload";
import { UploadError } from "./upload-error";

/** A PdfError becomes the UploadError the admin routes answer with (a clear message and a 4xx status). */
async function asUpload<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof PdfError) throw new UploadError(error.message, error.status);
    throw error;
  }
}

/** A page's PDF as its page row keeps it: the 本版PDF's key, the text layer (null: none) and unembedded fonts. */
export type PagePdf = NonNullable<NewPageImage["pdf"]>;

/** What the editor should know about a page's PDF: no text layer, fonts it does not embed. */
function pdfNotes(pdf: PagePdf, rendered: boolean): string[] {
  const notes: string[] = [];
  if (!pdf.textLayer)
    notes.push(`这个 PDF 没有文字层（可能是扫描件）：${rendered ? "版面图已生成，" : ""}文章区域需要手工框出。`);
  if (pdf.missingFonts.length && rendered)
    notes.push(`PDF 使用了未嵌入的字体（${pdf.missingFonts.join("、")}），版面图上的这些文字可能用替代字形显示。`);
  return notes;
}

/** Opens and checks a PDF in a worker thread: its page count and sizes, or an UploadError saying what is wrong. */
export function inspectPagePdf(pdf: Uint8Array) {
  return asUpload(() => runPdfJob("inspect", pdf));
}

/** Splits a PDF into one-page PDFs stored under `prefix`; their keys in page order. */
export function splitPagePdf(pdf: Uint8Array, prefix: string) {
  return asUpload(() => runPdfJob("split", pdf, { prefix }));
}

/**
 * Page `index` of a PDF made into what a page row needs, in `folder` (a new
 * storage folder): the page image rendered with its sizes and tiles, the PDF
 * kept as `${folder}/page.pdf` (the 本版PDF), its text layer. The one path for
 * the page screen's upload and the bundle import. A bad PDF is an UploadError.
 */
export async function renderPagePdf(
  pdf: Uint8Array,
  folder: string,
  options: { index?: number; onStage?: (stage: Stage) => void; timeoutMs?: number } = {},
): Promise<{ stored: StoredPageImage; pdf: PagePdf; notes: string[] }> {
  const rendered = await asUpload(() =>
    runPdfJob("render", pdf, {
      page: options.index ?? 0,
      prefix: folder,
      onStage: options.onStage,
      timeoutMs: options.timeoutMs,
    }),
  );
  const kept = { key: `${folder}/page.pdf`, textLayer: rendered.textLayer, missingFonts: rendered.missingFonts };
  await putFile(kept.key, pdf);
  return { stored: rendered.image, pdf: kept, notes: pdfNotes(kept, true) };
}

/**
 * A one-page PDF beside a page image that comes from elsewhere (the bundle
 * import's `image` and `pdf`): kept as `${folder}/page.pdf` with its text
 * layer, not rendered. The text layer is in units of the page's width, so it
 * fits any image of the same proportions.
 */
export async function keepPagePdf(
  pdf: Uint8Array,
  folder: string,
  options: { timeoutMs?: number } = {},
): Promise<{ pdf: PagePdf; notes: string[] }> {
  const text = await asUpload(() => runPdfJob("text", pdf, { page: 0, timeoutMs: options.timeoutMs }));
  const kept = { key: `${folder}/page.pdf`, textLayer: text.textLayer, missingFonts: text.missingFonts };
  await putFile(kept.key, pdf);
  return { pdf: kept, notes: pdfNotes(kept, false) };
}
