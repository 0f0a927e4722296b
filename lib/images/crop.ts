// Crops of stored images: a rectangle of a page image (an article's region for
// a share card, a 剪报 clip) scaled to a bounded size. Each crop is made once
// and kept in storage under a key derived from everything that shapes it, so
// a second request reads the file; the source keys are immutable (every upload
// gets a new key), so a cached crop never goes stale.
import { createHash } from "node:crypto";
import sharp from "sharp";
import { getFile, putFile } from "../storage";

/** A rectangle in pixels of the original image. */
export type Rect = { x: number; y: number; w: number; h: number };

/** One stored rendition of an image: the original or a smaller variant of it. */
export type ImageSource = { key: string; width: number; height: number };

export type CropFormat = "jpeg" | "png" | "webp";

export type CropRequest = {
  /** The original image; `rect` is in its pixels. */
  original: ImageSource;
  /** Smaller renditions of the same picture (e.g. the page's large/medium WebP): the crop reads the smallest that is sharp enough. */
  variants?: ImageSource[];
  rect: Rect;
  maxWidth: number;
  maxHeight: number;
  format?: CropFormat;
};

export type Crop = { key: string; data: Buffer; width: number; height: number; contentType: string };

const CONTENT_TYPES: Record<CropFormat, string> = { jpeg: "image/jpeg", png: "image/png", webp: "image/webp" };
const EXTENSIONS: Record<CropFormat, string> = { jpeg: "jpg", png: "png", webp: "webp" };
/** Bumped when the output for the same request changes (encoder settings), so old cached crops are not reused. */
const CROP_VERSION = 1;

/**
 * The rectangle clamped to the image and rounded outwards to whole pixels, and
 * the output size: scaled down to fit maxWidth × maxHeight, never up. Pure, so
 * a page's metadata can state a card's size without making it.
 */
export function cropGeometry(
  rect: Rect,
  image: { width: number; height: number },
  bounds: { maxWidth: number; maxHeight: number },
): { rect: Rect; width: number; height: number } {
  const x0 = Math.min(Math.max(Math.floor(rect.x), 0), image.width - 1);
  const y0 = Math.min(Math.max(Math.floor(rect.y), 0), image.height - 1);
  const x1 = Math.max(Math.min(Math.ceil(rect.x + rect.w), image.width), x0 + 1);
  const y1 = Math.max(Math.min(Math.ceil(rect.y + rect.h), image.height), y0 + 1);
  const clamped = { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
  const scale = Math.min(1, bounds.maxWidth / clamped.w, bounds.maxHeight / clamped.h);
  return {
    rect: clamped,
    width: Math.max(1, Math.round(clamped.w * scale)),
    height: Math.max(1, Math.round(clamped.h * scale)),
  };
}

/** The smallest rendition that still has at least as many pixels across the rectangle as the output needs. */
export function pickSource(original: ImageSource, variants: ImageSource[], rectWidth: number, outputWidth: number) {
  const enough = variants
    .filter((variant) => variant.width < original.width && (rectWidth * variant.width) / original.width >= outputWidth)
    .sort((a, b) => a.width - b.width);
  return enough[0] ?? original;
}

/** The storage key a crop is cached under. */
export function cropKey(request: CropRequest): string {
  const format = request.format ?? "jpeg";
  const { rect, width, height } = cropGeometry(request.rect, request.original, request);
  const hash = createHash("sha256")
    .update(JSON.stringify([CROP_VERSION, request.original.key, rect, width, height, format]))
    .digest("hex")
    .slice(0, 40);
  return `crops/${hash.slice(0, 2)}/${hash}.${EXTENSIONS[format]}`;
}

const pending = new Map<string, Promise<Crop | null>>();

/**
 * The crop, from storage when it was made before. null when the source image
 * is missing from storage. Concurrent requests for the same crop share one
 * rendering.
 */
export async function cropImage(request: CropRequest): Promise<Crop | null> {
  const key = cropKey(request);
  const running = pending.get(key);
  if (running) return running;
  const work = makeCrop(request, key).finally(() => pending.delete(key));
  pending.set(key, work);
  return work;
}

async function makeCrop(request: CropRequest, key: string): Promise<Crop | null> {
  const format = request.format ?? "jpeg";
  const geometry = cropGeometry(request.rect, request.original, request);
  const result = { key, width: geometry.width, height: geometry.height, contentType: CONTENT_TYPES[format] };
  const cached = await getFile(key);
  if (cached) return { ...result, data: cached };

  const source = pickSource(request.original, request.variants ?? [], geometry.rect.w, geometry.width);
  const bytes = await getFile(source.key);
  if (!bytes) return null;
  const scale = source.width / request.original.width;
  const region = cropGeometry(
    {
      x: geometry.rect.x * scale,
      y: geometry.rect.y * scale,
      w: geometry.rect.w * scale,
      h: geometry.rect.h * scale,
    },
    source,
    { maxWidth: Infinity, maxHeight: Infinity },
  ).rect;
  let image = sharp(bytes, { limitInputPixels: 60_000_000 })
    .extract({ left: region.x, top: region.y, width: region.w, height: region.h })
    .resize(geometry.width, geometry.height, { fit: "fill" });
  if (format === "jpeg") image = image.flatten({ background: "#ffffff" }).jpeg({ quality: 82, mozjpeg: true });
  else if (format === "png") image = image.png({ compressionLevel: 9 });
  else image = image.webp({ quality: 80 });
  const data = await image.toBuffer();
  await putFile(key, data);
  return { ...result, data };
}
