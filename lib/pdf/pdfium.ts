// PDFium (Google's PDF engine, the one in Chrome) compiled to WebAssembly by
// @hyzyla/pdfium. The package's classes cover rendering and plain text; we
// call the C API it exports for the rest (page sizes without loading pages,
// JavaScript actions, embedded fonts, per-character boxes). Runs in a worker
// thread (lib/pdf/run.ts): wasm memory only grows, and a worker can be stopped.
// PDFium is built without a JavaScript engine: scripts in a PDF never run.
import { PDFiumLibrary } from "@hyzyla/pdfium";

/** The C functions we call, as the Emscripten module exports them. Pointers are numbers. */
type PdfiumModule = {
  HEAPU8: Uint8Array;
  HEAP32: Int32Array;
  HEAPF32: Float32Array;
  HEAPF64: Float64Array;
  wasmExports: { malloc(size: number): number; free(pointer: number): void };
  _FPDF_LoadMemDocument(data: number, size: number, password: number): number;
  _FPDF_GetLastError(): number;
  _FPDF_CloseDocument(document: number): void;
  _FPDF_GetPageCount(document: number): number;
  _FPDF_GetPageSizeByIndex(document: number, index: number, width: number, height: number): number;
  _FPDF_GetSecurityHandlerRevision(document: number): number;
  _FPDFDoc_GetJavaScriptActionCount(document: number): number;
  _FPDF_LoadPage(document: number, index: number): number;
  _FPDF_ClosePage(page: number): void;
  _FPDF_GetPageWidth(page: number): number;
  _FPDF_GetPageHeight(page: number): number;
  _FPDF_PageToDevice(
    page: number,
    startX: number,
    startY: number,
    sizeX: number,
    sizeY: number,
    rotate: number,
    pageX: number,
    pageY: number,
    deviceX: number,
    deviceY: number,
  ): number;
  _FPDFBitmap_CreateEx(width: number, height: number, format: number, buffer: number, stride: number): number;
  _FPDFBitmap_FillRect(bitmap: number, left: number, top: number, width: number, height: number, color: number): void;
  _FPDFBitmap_Destroy(bitmap: number): void;
  _FPDF_RenderPageBitmap(
    bitmap: number,
    page: number,
    startX: number,
    startY: number,
    sizeX: number,
    sizeY: number,
    rotate: number,
    flags: number,
  ): void;
  _FPDFText_LoadPage(page: number): number;
  _FPDFText_ClosePage(textPage: number): void;
  _FPDFText_CountChars(textPage: number): number;
  _FPDFText_GetUnicode(textPage: number, index: number): number;
  _FPDFText_IsGenerated(textPage: number, index: number): number;
  _FPDFText_GetLooseCharBox(textPage: number, index: number, rect: number): number;
  _FPDFText_GetFontSize(textPage: number, index: number): number;
  _FPDFText_GetCharOrigin(textPage: number, index: number, x: number, y: number): number;
  _FPDFText_GetMatrix(textPage: number, index: number, matrix: number): number;
  _FPDFText_GetTextObject(textPage: number, index: number): number;
  _FPDFTextObj_GetFont(textObject: number): number;
  _FPDFFont_GetIsEmbedded(font: number): number;
  _FPDFFont_GetBaseFontName(font: number, buffer: number, length: number): number;
};

const ERROR_CODES = { 2: "file", 3: "format", 4: "password", 5: "security" } as const;
export type PdfOpenError = (typeof ERROR_CODES)[keyof typeof ERROR_CODES] | "unknown";

export class PdfOpenFailure extends Error {
  constructor(readonly code: PdfOpenError) {
    super(`PDFium could not open the document (${code})`);
  }
}

// FPDF_BITMAP formats and FPDF_RenderPageBitmap flags (fpdfview.h).
const BITMAP_BGRA = 4;
const RENDER_ANNOT = 0x01;
const RENDER_REVERSE_BYTE_ORDER = 0x10; // RGBA instead of BGRA
const WHITE = 0xffffffff;

/** The 14 standard fonts every PDF reader (PDFium too) has: not embedding them is fine. */
const STANDARD_FONTS = /^(Courier|Helvetica|Times|Symbol|ZapfDingbats)([-,].*)?$/;

let modulePromise: Promise<PdfiumModule> | undefined;

function pdfium(): Promise<PdfiumModule> {
  // The wrapper keeps the Emscripten module in a private field; it is the documented C API underneath.
  modulePromise ??= PDFiumLibrary.init().then((library) => (library as unknown as { module: PdfiumModule }).module);
  return modulePromise;
}

/** A character of the page's text: its code point and loose box (font ascent to descent) in page points, top-left origin. */
export type PdfChar = {
  char: string;
  /** Inserted by PDFium between words and lines, not printed. */
  generated: boolean;
  left: number;
  top: number;
  right: number;
  bottom: number;
  fontSize: number;
};

export type PdfPageSize = { width: number; height: number };

/** An open document. Call close() when done (or let the worker end). */
export class PdfDocument {
  private constructor(
    private readonly wasm: PdfiumModule,
    private readonly handle: number,
    private readonly dataPointer: number,
  ) {}

  static async open(bytes: Uint8Array): Promise<PdfDocument> {
    const wasm = await pdfium();
    const dataPointer = wasm.wasmExports.malloc(bytes.length);
    if (!dataPointer) throw new RangeError("Out of memory for the PDF's bytes");
    wasm.HEAPU8.set(bytes, dataPointer);
    // An empty password: documents that only restrict permissions open; those needing a user password fail with code 4.
    const handle = wasm._FPDF_LoadMemDocument(dataPointer, bytes.length, 0);
    if (!handle) {
      const code = ERROR_CODES[wasm._FPDF_GetLastError() as keyof typeof ERROR_CODES] ?? "unknown";
      wasm.wasmExports.free(dataPointer);
      throw new PdfOpenFailure(code);
    }
    return new PdfDocument(wasm, handle, dataPointer);
  }

  pageCount(): number {
    return this.wasm._FPDF_GetPageCount(this.handle);
  }

  /** Size in points (1/72 inch) as displayed, without loading the page's content. */
  pageSize(index: number): PdfPageSize {
    const out = this.wasm.wasmExports.malloc(16);
    try {
      if (!this.wasm._FPDF_GetPageSizeByIndex(this.handle, index, out, out + 8)) {
        throw new RangeError(`No page ${index}`);
      }
      const heap = this.wasm.HEAPF64;
      return { width: heap[out >> 3], height: heap[(out >> 3) + 1] };
    } finally {
      this.wasm.wasmExports.free(out);
    }
  }

  /** True for documents with a security handler (encrypted, perhaps with an empty user password). */
  encrypted(): boolean {
    return this.wasm._FPDF_GetSecurityHandlerRevision(this.handle) >= 0;
  }

  /** Document-level JavaScript actions. PDFium never runs them; we report them. */
  javaScriptActions(): number {
    return Math.max(0, this.wasm._FPDFDoc_GetJavaScriptActionCount(this.handle));
  }

  /**
   * Renders page `index` at `width`×`height` pixels, white background, as
   * RGBA. `consume` gets a view into wasm memory that is valid only until it
   * resolves (no copy of a 40 MB bitmap).
   */
  async renderPage<T>(
    index: number,
    width: number,
    height: number,
    consume: (rgba: Uint8Array) => Promise<T>,
  ): Promise<T> {
    const wasm = this.wasm;
    const page = wasm._FPDF_LoadPage(this.handle, index);
    if (!page) throw new PdfOpenFailure("format");
    const size = width * height * 4;
    const buffer = wasm.wasmExports.malloc(size);
    if (!buffer) {
      wasm._FPDF_ClosePage(page);
      throw new RangeError(`Out of memory for a ${width}×${height} bitmap`);
    }
    const bitmap = wasm._FPDFBitmap_CreateEx(width, height, BITMAP_BGRA, buffer, width * 4);
    try {
      wasm._FPDFBitmap_FillRect(bitmap, 0, 0, width, height, WHITE);
      wasm._FPDF_RenderPageBitmap(bitmap, page, 0, 0, width, height, 0, RENDER_ANNOT | RENDER_REVERSE_BYTE_ORDER);
      return await consume(wasm.HEAPU8.subarray(buffer, buffer + size));
    } finally {
      wasm._FPDFBitmap_Destroy(bitmap);
      wasm.wasmExports.free(buffer);
      wasm._FPDF_ClosePage(page);
    }
  }

  /**
   * The page's characters in content order, with boxes in page points
   * (top-left origin, page rotation applied), and the names of fonts the PDF
   * uses without embedding them (they render with a substitute).
   */
  pageText(index: number): { chars: PdfChar[]; missingFonts: string[] } {
    const wasm = this.wasm;
    const page = wasm._FPDF_LoadPage(this.handle, index);
    if (!page) throw new PdfOpenFailure("format");
    const textPage = wasm._FPDFText_LoadPage(page);
    const scratch = wasm.wasmExports.malloc(64); // rect 0–15, origin 8–23 (after the rect is read), matrix 24–47, device 48–55
    try {
      const width = wasm._FPDF_GetPageWidth(page);
      const height = wasm._FPDF_GetPageHeight(page);
      // Map through a 100× device space so rounding to integers loses nothing visible.
      const SCALE = 100;
      const toDevice = (x: number, y: number): [number, number] => {
        wasm._FPDF_PageToDevice(
          page,
          0,
          0,
          Math.round(width * SCALE),
          Math.round(height * SCALE),
          0,
          x,
          y,
          scratch + 48,
          scratch + 52,
        );
        return [wasm.HEAP32[(scratch + 48) >> 2] / SCALE, wasm.HEAP32[(scratch + 52) >> 2] / SCALE];
      };
      const chars: PdfChar[] = [];
      const fonts = new Map<number, string | null>();
      const count = textPage ? wasm._FPDFText_CountChars(textPage) : 0;
      for (let i = 0; i < count; i++) {
        const code = wasm._FPDFText_GetUnicode(textPage, i);
        if (!wasm._FPDFText_GetLooseCharBox(textPage, i, scratch)) continue;
        const rect = wasm.HEAPF32.subarray(scratch >> 2, (scratch >> 2) + 4); // left, top, right, bottom
        let [left, right] = [rect[0], rect[2]];
        let [top, bottom] = [rect[1], rect[3]];
        // The loose box's height comes from the font descriptor, which some producers (pdf-lib) fill with the
        // whole font's extremes. The em box from the baseline is steadier: 0.88 em up, 0.12 em down.
        const size = wasm._FPDFText_GetFontSize(textPage, i) * this.matrixScale(textPage, i, scratch + 24);
        if (size > 0 && wasm._FPDFText_GetCharOrigin(textPage, i, scratch + 8, scratch + 16)) {
          const baseline = wasm.HEAPF64[(scratch + 16) >> 3];
          [top, bottom] = [baseline + 0.88 * size, baseline - 0.12 * size];
        }
        if (right < left) [left, right] = [right, left];
        const [x1, y1] = toDevice(left, top);
        const [x2, y2] = toDevice(right, bottom);
        const generated = wasm._FPDFText_IsGenerated(textPage, i) === 1;
        if (!generated) {
          const font = wasm._FPDFTextObj_GetFont(wasm._FPDFText_GetTextObject(textPage, i));
          if (font && !fonts.has(font)) {
            fonts.set(font, wasm._FPDFFont_GetIsEmbedded(font) === 1 ? null : this.fontName(font));
          }
        }
        chars.push({
          char: code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : "\ufffd",
          generated,
          left: Math.min(x1, x2),
          right: Math.max(x1, x2),
          top: Math.min(y1, y2),
          bottom: Math.max(y1, y2),
          fontSize: size,
        });
      }
      const missingFonts = [...new Set([...fonts.values()])].filter(
        (name): name is string => name !== null && !STANDARD_FONTS.test(name),
      );
      return { chars, missingFonts };
    } finally {
      wasm.wasmExports.free(scratch);
      if (textPage) wasm._FPDFText_ClosePage(textPage);
      wasm._FPDF_ClosePage(page);
    }
  }

  /** How much the character's matrix (text matrix × CTM) scales its font size. */
  private matrixScale(textPage: number, index: number, scratch: number): number {
    if (!this.wasm._FPDFText_GetMatrix(textPage, index, scratch)) return 1;
    const [a, b, c, d] = this.wasm.HEAPF32.subarray(scratch >> 2, (scratch >> 2) + 4);
    return Math.sqrt(Math.abs(a * d - b * c)) || 1;
  }

  private fontName(font: number): string {
    const wasm = this.wasm;
    const length = wasm._FPDFFont_GetBaseFontName(font, 0, 0);
    if (length <= 1 || length > 1000) return "?";
    const buffer = wasm.wasmExports.malloc(length);
    try {
      wasm._FPDFFont_GetBaseFontName(font, buffer, length);
      // Subset fonts are named "ABCDEF+SimSun": the part after "+" is the font.
      const name = new TextDecoder().decode(wasm.HEAPU8.subarray(buffer, buffer + length - 1));
      return name.replace(/^[A-Z]{6}\+/, "");
    } finally {
      wasm.wasmExports.free(buffer);
    }
  }

  close(): void {
    this.wasm._FPDF_CloseDocument(this.handle);
    this.wasm.wasmExports.free(this.dataPointer);
  }
}
