// Checks and stores an uploaded page image. The type comes from the file's
// bytes (never its name), size and pixel dimensions are limited, and a
// replacement keeps the page's regions, scaled to the new size.
import { randomBytes } from "node:crypto";
import { fileTypeFromBuffer } from "file-type";
import sharp from "sharp";
import type { PrismaClient } from "../db/client";
import { readImageVariants, readRegions } from "../content";
import { scaleRegions } from "../regions";
import { LIMITS } from "../limits";
import { storePageImage, withoutMetadata, type StoredPageImage } from "../page-image";
import type { TextLayer } from "../pdf/text-layer";
import { putFile, removeFile, removeFolder } from "../storage";
import { audit } from "./audit";
import { UploadError } from "./upload-error";

export const PAGE_IMAGE_LIMITS = LIMITS.image;

const ALLOWED = new Map([
  ["image/jpeg", "jpg"],
  ["image/png", "png"],
  ["image/webp", "webp"],
]);

export { UploadError };

export async function checkPageImage(bytes: Buffer): Promise<{ extension: string; width: number; height: number }> {
  if (bytes.length === 0) throw new UploadError("文件是空的。", 400);
  if (bytes.length > PAGE_IMAGE_LIMITS.maxBytes)
    throw new UploadError(`文件太大：最大 ${PAGE_IMAGE_LIMITS.maxBytes / 1024 / 1024} MB。`, 413);
  const type = await fileTypeFromBuffer(bytes);
  const extension = type ? ALLOWED.get(type.mime) : undefined;
  if (!extension) {
    const found = type ? `（这是 ${type.mime} 文件）` : "（无法识别文件内容，可能是改了扩展名的文本或 SVG 文件）";
    throw new UploadError(`只支持 JPEG、PNG 或 WebP 图片${found}。`, 415);
  }
  let width: number | undefined;
  let height: number | undefined;
  try {
    ({ width, height } = await sharp(bytes, { limitInputPixels: PAGE_IMAGE_LIMITS.maxPixels }).metadata());
  } catch {
    throw new UploadError("图片文件已损坏，无法读取。", 400);
  }
  if (!width || !height) throw new UploadError("图片文件已损坏，无法读取。", 400);
  if (
    width > PAGE_IMAGE_LIMITS.maxSide ||
    height > PAGE_IMAGE_LIMITS.maxSide ||
    width * height > PAGE_IMAGE_LIMITS.maxPixels
  ) {
    throw new UploadError(
      `图片尺寸太大（${width}×${height}）：每边最多 ${PAGE_IMAGE_LIMITS.maxSide} 像素，总像素最多 6000 万。`,
      413,
    );
  }
  if (width < PAGE_IMAGE_LIMITS.minSide || height < PAGE_IMAGE_LIMITS.minSide) {
    throw new UploadError(`图片太小（${width}×${height}）：每边至少 ${PAGE_IMAGE_LIMITS.minSide} 像素。`, 400);
  }
  // Decode fully once: a truncated file passes the header checks but fails here.
  try {
    await sharp(bytes, { limitInputPixels: PAGE_IMAGE_LIMITS.maxPixels }).resize(32).toBuffer();
  } catch {
    throw new UploadError("图片文件不完整或已损坏。", 400);
  }
  return { extension, width, height };
}

export type UploadResult = {
  message: string;
  width: number;
  height: number;
  scaledRegions: number;
  editionId: number;
  articleIds: number[];
};

/** Stores a page's new image (JPEG, PNG or WebP; PDFs go through lib/admin/page-pdf.ts). */
export async function replacePageImage(
  prisma: PrismaClient,
  pageId: number,
  userId: number,
  bytes: Buffer,
): Promise<UploadResult> {
  const exists = await prisma.page.findUnique({ where: { id: pageId }, select: { id: true, editionId: true } });
  if (!exists) throw new UploadError("版面不存在。", 404);
  const { extension } = await checkPageImage(bytes);
  // A new folder for every upload: on failure it goes as a whole (image, sizes and tiles).
  const folder = pageFolder(exists.editionId, exists.id);
  let stored: StoredPageImage;
  try {
    stored = await storePageImage(bytes, folder, extension);
  } catch (error) {
    await removeFolder(folder).catch(() => undefined);
    throw error;
  }
  return commitPageImage(prisma, pageId, userId, { stored, folder, label: "版面图" });
}

/** A new storage folder for one upload of a page's image (and PDF). */
export function pageFolder(editionId: number, pageId: number): string {
  return `pages/e${editionId}/p${pageId}-${randomBytes(6).toString("hex")}`;
}

export type NewPageImage = {
  stored: StoredPageImage;
  /** The upload's storage folder: removed whole if the page cannot take it. */
  folder: string;
  /** What the editor uploaded, for the messages: 版面图 or PDF. */
  label: string;
  /** A PDF upload: its key (the 本版PDF) and text layer (null: no text, an image-only page). */
  pdf?: { key: string; textLayer: TextLayer | null; missingFonts: string[] };
};

/**
 * Points a page at a stored upload. The page row is locked while its size and
 * its articles' regions change, so a region save at the same moment is not
 * lost (it waits, then finds the page's regions version changed). The old
 * files are removed once the new ones are committed; the new ones if it fails.
 */
export async function commitPageImage(
  prisma: PrismaClient,
  pageId: number,
  userId: number,
  upload: NewPageImage,
): Promise<UploadResult> {
  const { stored, folder, label, pdf } = upload;
  let outcome: { result: UploadResult; oldKeys: string[] };
  try {
    outcome = await prisma.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT id FROM pages WHERE id = ${pageId} FOR UPDATE`;
      const page = await tx.page.findUnique({
        where: { id: pageId },
        include: { articles: { select: { id: true, regions: true } } },
      });
      if (!page) throw new UploadError("版面不存在（可能刚被删除）。", 404);
      const resized =
        page.imageWidth &&
        page.imageHeight &&
        (page.imageWidth !== stored.imageWidth || page.imageHeight !== stored.imageHeight);
      await tx.page.update({
        where: { id: page.id },
        data: {
          imageKey: stored.imageKey,
          imageWidth: stored.imageWidth,
          imageHeight: stored.imageHeight,
          imageVariants: stored.imageVariants,
          imageTiles: stored.imageTiles,
          ...(pdf ? { pdfKey: pdf.key } : {}),
          // A region editor open on the old image must not save over the new one.
          regionsVersion: { increment: 1 },
        },
      });
      if (pdf) {
        // The old text layer belongs to the old PDF; a PDF without text leaves none.
        await tx.pageText.deleteMany({ where: { pageId: page.id } });
        if (pdf.textLayer) {
          await tx.pageText.create({
            data: { pageId: page.id, layer: pdf.textLayer, missingFonts: pdf.missingFonts },
          });
        }
      }
      let scaledRegions = 0;
      let regionCount = 0;
      for (const article of page.articles) {
        const regions = readRegions(article.regions, `article ${article.id}`);
        regionCount += regions.length;
        if (!resized || !regions.length) continue;
        scaledRegions += regions.length;
        const sx = stored.imageWidth / page.imageWidth!;
        const sy = stored.imageHeight / page.imageHeight!;
        await tx.article.update({ where: { id: article.id }, data: { regions: scaleRegions(regions, sx, sy) } });
      }
      const verb = page.imageKey ? "替换" : "上传";
      await audit(tx, {
        userId,
        editionId: page.editionId,
        action: "upload",
        entityType: "page",
        entityId: page.id,
        summary: `${verb}第 ${page.code} 版${label}（${stored.imageWidth}×${stored.imageHeight}）`,
      });
      let message = `${label}已${verb}（${stored.imageWidth}×${stored.imageHeight}）。`;
      if (page.imageKey && regionCount) {
        message += resized
          ? `尺寸有变化，原有 ${scaledRegions} 个文章区域已按比例缩放，请检查位置。`
          : `尺寸相同，原有 ${regionCount} 个文章区域保持不变。`;
      }
      return {
        result: {
          message,
          width: stored.imageWidth,
          height: stored.imageHeight,
          scaledRegions,
          editionId: page.editionId,
          articleIds: page.articles.map((article) => article.id),
        },
        oldKeys: [
          page.imageKey,
          ...(pdf ? [page.pdfKey] : []),
          ...readImageVariants(page.imageVariants, `page ${page.id}`).map((variant) => variant.key),
        ].filter((key): key is string => typeof key === "string"),
      };
    });
  } catch (error) {
    await removeFolder(folder).catch(() => undefined);
    throw error;
  }
  for (const key of outcome.oldKeys) await removeFile(key).catch(() => undefined);
  return outcome.result;
}

/** An image inside an article's body: the original is kept (without metadata), readers get a WebP at most 1600 px wide. */
export async function storeArticleImage(
  articleId: number,
  bytes: Buffer,
): Promise<{ key: string; width: number; height: number }> {
  const { extension } = await checkPageImage(bytes);
  const prefix = `articles/a${articleId}-${randomBytes(6).toString("hex")}`;
  await putFile(`${prefix}/original.${extension}`, await withoutMetadata(bytes, extension));
  const { data, info } = await sharp(bytes, { limitInputPixels: PAGE_IMAGE_LIMITS.maxPixels })
    .rotate()
    .resize({ width: 1600, withoutEnlargement: true })
    .webp({ quality: 80 })
    .toBuffer({ resolveWithObject: true });
  const key = `${prefix}/display.webp`;
  await putFile(key, data);
  return { key, width: info.width, height: info.height };
}
