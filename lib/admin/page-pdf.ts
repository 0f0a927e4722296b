// A page's PDF upload (the layout system's 本版PDF): checked and rendered in a
// worker thread (lib/pdf/run.ts) into the page image, its sizes and tiles and
// the text layer, then committed like an image upload. A PDF of several pages
// is refused with its page count, so the screen can offer one 版 per page
// (uploadPdfPages), which puts page 1 on this page and adds the others after
// the edition's last page.
import { fileTypeFromBuffer } from "file-type";
import type { PrismaClient } from "../db/client";
import { nextPageCode } from "../reading/page-codes";
import type { Stage } from "../pdf/process";
import { getFile, removeFolder } from "../storage";
import { addPage } from "./pages";
import { commitPageImage, pageFolder, type UploadResult } from "./page-upload";
import { inspectPagePdf, renderPagePdf, splitPagePdf } from "./page-pdf-files";
import { UploadError } from "./upload-error";

export type PdfProgress = (event: { stage: Stage; page: number; pages: number }) => void;

/** Whether an upload is a PDF, by its bytes (never its name). */
export async function isPdf(bytes: Uint8Array): Promise<boolean> {
  if (Buffer.from(bytes.subarray(0, 1024)).toString("latin1").includes("%PDF-")) return true;
  return (await fileTypeFromBuffer(bytes))?.mime === "application/pdf";
}

export type PdfUploadResult = UploadResult & {
  /** No text layer: the page is image-only, regions must be drawn by hand. */
  imageOnly: boolean;
  missingFonts: string[];
  /** Pages this upload added (one 版 per further page of the PDF). */
  addedPages: { id: number; code: string }[];
};

/** A multi-page PDF sent as one page's: the editor chooses to split it (PdfPagesError.pages). */
export class PdfPagesError extends UploadError {
  constructor(readonly pages: number) {
    super(
      `这个 PDF 有 ${pages} 页。可以为每一页建一个版：第 1 页放在本版，其余 ${pages - 1} 页依次新建在最后一版之后。`,
      409,
    );
  }
}

async function renderInto(
  prisma: PrismaClient,
  pageId: number,
  editionId: number,
  userId: number,
  pdf: Uint8Array,
  index: number,
  onStage: (stage: Stage) => void,
): Promise<UploadResult & { imageOnly: boolean; missingFonts: string[] }> {
  const folder = pageFolder(editionId, pageId);
  try {
    const rendered = await renderPagePdf(pdf, folder, { index, onStage });
    const result = await commitPageImage(prisma, pageId, userId, {
      stored: rendered.stored,
      folder,
      label: "PDF 版面",
      pdf: rendered.pdf,
    });
    return {
      ...result,
      message: result.message + rendered.notes.join(""),
      imageOnly: !rendered.pdf.textLayer,
      missingFonts: rendered.pdf.missingFonts,
    };
  } catch (error) {
    await removeFolder(folder).catch(() => undefined);
    throw error;
  }
}

/**
 * Renders a one-page PDF into page `pageId` (image, sizes, tiles, text layer,
 * 本版PDF). `eachPage`: a PDF of several pages becomes one 版 per page.
 */
export async function uploadPagePdf(
  prisma: PrismaClient,
  pageId: number,
  userId: number,
  bytes: Uint8Array,
  options: { eachPage?: boolean; onProgress?: PdfProgress } = {},
): Promise<PdfUploadResult> {
  const page = await prisma.page.findUnique({ where: { id: pageId }, select: { id: true, editionId: true } });
  if (!page) throw new UploadError("版面不存在。", 404);
  const info = await inspectPagePdf(bytes);
  const progress = options.onProgress ?? (() => undefined);
  if (info.pageCount === 1) {
    const result = await renderInto(prisma, pageId, page.editionId, userId, bytes, 0, (stage) =>
      progress({ stage, page: 1, pages: 1 }),
    );
    return { ...result, addedPages: [] };
  }
  if (!options.eachPage) throw new PdfPagesError(info.pageCount);

  // Each page is stored as a one-page PDF (the 本版PDF readers download), then rendered from it.
  const splitFolder = pageFolder(page.editionId, pageId);
  const keys = await splitPagePdf(bytes, splitFolder);
  try {
    const first = await getFile(keys[0]);
    if (!first) throw new UploadError("拆分 PDF 失败，请重试。", 500);
    const result = await renderInto(prisma, pageId, page.editionId, userId, first, 0, (stage) =>
      progress({ stage, page: 1, pages: keys.length }),
    );
    const addedPages: { id: number; code: string }[] = [];
    for (let i = 1; i < keys.length; i++) {
      const single = await getFile(keys[i]);
      if (!single) throw new UploadError("拆分 PDF 失败，请重试。", 500);
      const codes = await prisma.page.findMany({
        where: { editionId: page.editionId },
        orderBy: { sortOrder: "asc" },
        select: { code: true },
      });
      const code = nextPageCode(codes.map((row) => row.code));
      if (!code) throw new UploadError(`第 ${i + 1} 页无法新建版：版号已用完，请先整理版号。`, 422);
      const added = await addPage(prisma, { id: userId }, { editionId: page.editionId, code, name: `第 ${code} 版` });
      addedPages.push({ id: added.pageId, code });
      const rendered = await renderInto(prisma, added.pageId, page.editionId, userId, single, 0, (stage) =>
        progress({ stage, page: i + 1, pages: keys.length }),
      );
      result.articleIds.push(...rendered.articleIds);
    }
    const message = `${result.message}PDF 共 ${keys.length} 页：第 1 页在本版，另新建了 ${addedPages.map((added) => `第 ${added.code} 版`).join("、")}。`;
    return { ...result, message, addedPages };
  } finally {
    await removeFolder(splitFolder).catch(() => undefined);
  }
}
