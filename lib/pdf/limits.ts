// What a page PDF may be, and how it is rendered. One owner for the upload,
// the bundle import, the docs and the tests.
export const PDF_LIMITS = {
  /** Upload size. Layout systems' page PDFs with print-resolution photos are 5–50 MB. */
  maxBytes: 100 * 1024 * 1024,
  /** Pages in one PDF (one 版 each). */
  maxPages: 100,
  /** Page sides, in millimetres: from a postcard to twice a broadsheet. */
  minSideMm: 50,
  maxSideMm: 1500,
  /** Rendering resolution of the page image (enough to zoom into 6 pt print). */
  dpi: 200,
  /** A rendered page never exceeds this many pixels (the resolution drops for very large pages). */
  maxPixels: 30_000_000,
  /** Time for one page: render, image sizes, tiles and text. */
  pageTimeoutMs: 120_000,
  /** Time to open and check a PDF (or split it into pages). */
  inspectTimeoutMs: 60_000,
  /** Fewer printed characters than this: the page has no usable text layer (a scan). */
  minTextChars: 20,
} as const;

export const POINTS_PER_MM = 72 / 25.4;

export class PdfError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}
