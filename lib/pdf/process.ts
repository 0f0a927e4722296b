// What a worker thread does with a PDF (lib/pdf/worker.ts): open and check
// it, render a page into the page image, its sizes and tiles, read its text
// layer, split a document into one-page PDFs. Errors editors can act on are
// PdfErrors with a Chinese message.
import { PDFDocument } from "pdf-lib";
import { storeRenderedPage, type StoredPageImage } from "../page-image";
import { putFile } from "../storage";
import { PDF_LIMITS, POINTS_PER_MM, PdfError } from "./limits";
import { PdfDocument, PdfOpenFailure } from "./pdfium";
import { buildTextLayer, printedCharacters, type TextLayer } from "./text-layer";

export type PdfInfo = {
  pageCount: number;
  /** Each page's size in millimetres. */
  pages: { widthMm: number; heightMm: number }[];
  /** Document JavaScript (never run; reported). */
  javaScript: boolean;
};

export type RenderedPdfPage = {
  image: StoredPageImage;
  dpi: number;
  /** null: the page has no text layer (a scan), regions must be drawn by hand. */
  textLayer: TextLayer | null;
  /** Fonts the PDF uses without embedding them: their text is drawn with a substitute. */
  missingFonts: string[];
};

const mm = (points: number) => Math.round((points / POINTS_PER_MM) * 10) / 10;

export async function openPdf(bytes: Uint8Array): Promise<PdfDocument> {
  if (bytes.length === 0) throw new PdfError("文件是空的（0 字节）。", 400);
  if (bytes.length > PDF_LIMITS.maxBytes) {
    throw new PdfError(`PDF 太大：最大 ${PDF_LIMITS.maxBytes / 1024 / 1024} MB。`, 413);
  }
  const head = Buffer.from(bytes.subarray(0, 1024)).toString("latin1");
  if (!head.includes("%PDF-")) throw new PdfError("这不是 PDF 文件（文件开头没有 %PDF- 标记）。", 415);
  let doc: PdfDocument;
  try {
    doc = await PdfDocument.open(bytes);
  } catch (error) {
    if (error instanceof PdfOpenFailure && (error.code === "password" || error.code === "security")) {
      throw new PdfError("PDF 已加密（需要密码才能打开）：请在排版系统中导出不加密的 PDF 后再上传。", 422);
    }
    throw new PdfError("PDF 文件已损坏或不完整，无法打开：请重新导出后再上传。", 422);
  }
  try {
    if (doc.encrypted()) {
      throw new PdfError("PDF 设置了加密或权限密码：请在排版系统中导出不加密的 PDF 后再上传。", 422);
    }
    const count = doc.pageCount();
    if (count < 1) throw new PdfError("PDF 里没有页面。", 422);
    if (count > PDF_LIMITS.maxPages) {
      throw new PdfError(`PDF 有 ${count} 页，一次最多 ${PDF_LIMITS.maxPages} 页：请按版拆分，或分几次上传。`, 413);
    }
    return doc;
  } catch (error) {
    doc.close();
    throw error;
  }
}

function checkSize(page: number, width: number, height: number): void {
  const [w, h] = [mm(width), mm(height)];
  const label = `第 ${page + 1} 页的尺寸是 ${w} × ${h} 毫米`;
  if (!(w > 0 && h > 0)) throw new PdfError(`${label}，无法处理。`, 422);
  if (Math.max(w, h) > PDF_LIMITS.maxSideMm) {
    throw new PdfError(`${label}，太大了：每边最多 ${PDF_LIMITS.maxSideMm} 毫米。`, 422);
  }
  if (Math.min(w, h) < PDF_LIMITS.minSideMm) {
    throw new PdfError(`${label}，太小了：每边至少 ${PDF_LIMITS.minSideMm} 毫米。`, 422);
  }
}

export async function inspectPdf(bytes: Uint8Array): Promise<PdfInfo> {
  const doc = await openPdf(bytes);
  try {
    const pages = Array.from({ length: doc.pageCount() }, (_, i) => {
      const size = doc.pageSize(i);
      checkSize(i, size.width, size.height);
      return { widthMm: mm(size.width), heightMm: mm(size.height) };
    });
    return { pageCount: pages.length, pages, javaScript: doc.javaScriptActions() > 0 };
  } finally {
    doc.close();
  }
}

/** The pixel size a page renders at: PDF_LIMITS.dpi, lower for pages beyond PDF_LIMITS.maxPixels. */
export function renderSize(widthPt: number, heightPt: number, dpi: number = PDF_LIMITS.dpi) {
  let scale = dpi / 72;
  const pixels = widthPt * scale * (heightPt * scale);
  if (pixels > PDF_LIMITS.maxPixels) scale *= Math.sqrt(PDF_LIMITS.maxPixels / pixels);
  return {
    width: Math.max(1, Math.floor(widthPt * scale)),
    height: Math.max(1, Math.floor(heightPt * scale)),
    dpi: Math.round(scale * 72),
  };
}

export type Stage = "render" | "images" | "text";

/** Renders page `index` into `prefix` (a new storage folder) and reads its text. */
export async function renderPdfPage(
  bytes: Uint8Array,
  index: number,
  prefix: string,
  onStage: (stage: Stage) => void = () => undefined,
  dpi: number = PDF_LIMITS.dpi,
): Promise<RenderedPdfPage> {
  const doc = await openPdf(bytes);
  try {
    if (index < 0 || index >= doc.pageCount()) throw new PdfError(`PDF 没有第 ${index + 1} 页。`, 422);
    const size = doc.pageSize(index);
    checkSize(index, size.width, size.height);
    const target = renderSize(size.width, size.height, dpi);
    onStage("render");
    const image = await doc.renderPage(index, target.width, target.height, async (rgba) => {
      onStage("images");
      return storeRenderedPage(rgba, target.width, target.height, prefix);
    });
    onStage("text");
    return { image, dpi: target.dpi, ...readText(doc, index) };
  } finally {
    doc.close();
  }
}

/** Page `index`'s text layer (null: too little text, a scan) and the fonts it names without embedding them. */
function readText(doc: PdfDocument, index: number): Pick<RenderedPdfPage, "textLayer" | "missingFonts"> {
  const size = doc.pageSize(index);
  const { chars, missingFonts } = doc.pageText(index);
  const layer = buildTextLayer(chars, size.width, size.height);
  return { textLayer: printedCharacters(layer) >= PDF_LIMITS.minTextChars ? layer : null, missingFonts };
}

export type PdfPageText = Pick<RenderedPdfPage, "textLayer" | "missingFonts">;

/** Page `index`'s text without rendering it: for a page whose image comes from elsewhere (the bundle import). */
export async function readPdfPageText(bytes: Uint8Array, index: number): Promise<PdfPageText> {
  const doc = await openPdf(bytes);
  try {
    if (index < 0 || index >= doc.pageCount()) throw new PdfError(`PDF 没有第 ${index + 1} 页。`, 422);
    const size = doc.pageSize(index);
    checkSize(index, size.width, size.height);
    return readText(doc, index);
  } finally {
    doc.close();
  }
}

/** Splits a checked PDF into one-page PDFs stored as `${prefix}/page-N.pdf`; returns their keys in page order. */
export async function splitPdf(bytes: Uint8Array, prefix: string): Promise<string[]> {
  let source: PDFDocument;
  try {
    source = await PDFDocument.load(bytes, { updateMetadata: false });
  } catch {
    throw new PdfError("PDF 文件的结构无法拆分成单页：请在排版系统中按版导出后再上传。", 422);
  }
  const keys: string[] = [];
  for (let i = 0; i < source.getPageCount(); i++) {
    const single = await PDFDocument.create({ updateMetadata: false });
    const [page] = await single.copyPages(source, [i]);
    single.addPage(page);
    const key = `${prefix}/page-${i + 1}.pdf`;
    await putFile(key, await single.save());
    keys.push(key);
  }
  return keys;
}
