import { adminRoute } from "@/lib/admin/action";
import { errorResponse } from "@/lib/admin/form-action";
import { isPdf, PdfPagesError, uploadPagePdf, type PdfProgress, type PdfUploadResult } from "@/lib/admin/page-pdf";
import { PAGE_IMAGE_LIMITS, replacePageImage } from "@/lib/admin/page-upload";
import { readLimited } from "@/lib/admin/read-body";
import { revalidateReader } from "@/lib/admin/revalidate";
import { idParam } from "@/lib/admin/schemas";
import { PDF_LIMITS } from "@/lib/pdf/limits";

const MAX_BYTES = Math.max(PAGE_IMAGE_LIMITS.maxBytes, PDF_LIMITS.maxBytes);

/**
 * Upload or replace a page's image, or its PDF (rendered into the image). The
 * body is the file itself (sent by XHR, for the progress bar). `?pages=each`:
 * a PDF of several pages becomes one 版 per page. With `Accept:
 * application/x-ndjson` a PDF's answer streams one line per rendering stage,
 * the last line carrying the outcome and its HTTP status.
 */
export const POST = adminRoute<{ pageId: string }>(async (request, { db, user, params }) => {
  const pageId = idParam(params.pageId);
  if (!pageId) return Response.json({ message: "版面不存在。" }, { status: 404 });
  const bytes = await readLimited(request, MAX_BYTES);
  if (!(await isPdf(bytes))) {
    if (bytes.length > PAGE_IMAGE_LIMITS.maxBytes) {
      return Response.json(
        { message: `图片太大：最大 ${PAGE_IMAGE_LIMITS.maxBytes / 1024 / 1024} MB。` },
        { status: 413 },
      );
    }
    const result = await replacePageImage(db, pageId, user.id, bytes);
    revalidateReader({ editionId: result.editionId, pageIds: [pageId], articleIds: result.articleIds });
    return Response.json({ message: result.message, width: result.width, height: result.height });
  }
  const eachPage = new URL(request.url).searchParams.get("pages") === "each";
  const upload = (onProgress?: PdfProgress) =>
    uploadPagePdf(db, pageId, user.id, bytes, { eachPage, onProgress }).then((result) => {
      revalidateReader({
        editionId: result.editionId,
        pageIds: [pageId, ...result.addedPages.map((page) => page.id)],
        articleIds: result.articleIds,
        editions: result.addedPages.length > 0,
      });
      return result;
    });
  const body = (result: PdfUploadResult) => ({
    message: result.message,
    width: result.width,
    height: result.height,
    imageOnly: result.imageOnly,
    addedPages: result.addedPages,
  });
  if (!(request.headers.get("accept") ?? "").includes("application/x-ndjson")) {
    try {
      return Response.json(body(await upload()));
    } catch (error) {
      if (error instanceof PdfPagesError) {
        return Response.json({ message: error.message, pages: error.pages }, { status: 409 });
      }
      throw error;
    }
  }
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const line = (value: object) => controller.enqueue(encoder.encode(`${JSON.stringify(value)}\n`));
      try {
        const result = await upload((event) => line({ progress: event }));
        line({ status: 200, ...body(result) });
      } catch (error) {
        if (error instanceof PdfPagesError) line({ status: 409, message: error.message, pages: error.pages });
        else {
          const response = errorResponse(error);
          if (!response) console.error("PDF upload failed:", error);
          const answer = response
            ? ((await response.json()) as { message: string })
            : { message: "处理 PDF 时出错，请重试。" };
          line({ status: response?.status ?? 500, message: answer.message });
        }
      } finally {
        controller.close();
      }
    },
  });
  return new Response(stream, { headers: { "Content-Type": "application/x-ndjson", "Cache-Control": "no-store" } });
});
