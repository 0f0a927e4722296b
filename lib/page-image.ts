// Derived sizes and deep-zoom tiles of a page image, made with sharp. The
// original is kept (an upload as uploaded; a PDF page rendered as JPEG);
// readers get WebP variants, and tiles when they zoom in.
import { mkdir } from "node:fs/promises";
import path from "node:path";
import sharp, { type Sharp } from "sharp";
import type { ImageVariant } from "./content";
import { TILE_OVERLAP, TILE_SIZE, type DeepZoom } from "./deep-zoom";
import { putFile, removeFile, storagePath } from "./storage";

export const PAGE_IMAGE_VARIANTS = [
  { name: "thumb", width: 240 },
  { name: "medium", width: 800 },
  { name: "large", width: 1400 },
] as const;

export type StoredPageImage = {
  imageKey: string;
  imageWidth: number;
  imageHeight: number;
  imageVariants: ImageVariant[];
  imageTiles: DeepZoom;
};

/** Stores `original` under `prefix` (e.g. "pages/2026-11-25/a01") with its derived sizes and tiles. */
export async function storePageImage(original: Buffer, prefix: string, extension: string): Promise<StoredPageImage> {
  const { width, height } = await sharp(original, { limitInputPixels: 60_000_000 }).metadata();
  if (!width || !height) throw new Error("The image has no dimensions");
  const imageKey = `${prefix}/original.${extension}`;
  await putFile(imageKey, original);
  return {
    imageKey,
    ...(await storeDerived(() => sharp(original, { limitInputPixels: 60_000_000 }), width, height, prefix)),
  };
}

/** Stores a rendered page (RGBA pixels, e.g. from PDFium): the original as JPEG, its sizes and tiles. */
export async function storeRenderedPage(
  rgba: Uint8Array,
  width: number,
  height: number,
  prefix: string,
): Promise<StoredPageImage> {
  const source = () => sharp(rgba, { raw: { width, height, channels: 4 }, limitInputPixels: false }).removeAlpha();
  const imageKey = `${prefix}/original.jpg`;
  // 4:4:4 keeps thin red rules and small coloured type crisp.
  await putFile(imageKey, await source().jpeg({ quality: 90, chromaSubsampling: "4:4:4" }).toBuffer());
  return { imageKey, ...(await storeDerived(source, width, height, prefix)) };
}

async function storeDerived(
  source: () => Sharp,
  width: number,
  height: number,
  prefix: string,
): Promise<Omit<StoredPageImage, "imageKey">> {
  const imageVariants: ImageVariant[] = [];
  for (const variant of PAGE_IMAGE_VARIANTS) {
    const { data, info } = await source()
      .resize({ width: Math.min(variant.width, width) })
      .webp({ quality: 78 })
      .toBuffer({ resolveWithObject: true });
    const key = `${prefix}/${variant.name}.webp`;
    await putFile(key, data);
    imageVariants.push({ name: variant.name, key, width: info.width, height: info.height });
  }
  return {
    imageWidth: width,
    imageHeight: height,
    imageVariants,
    imageTiles: await storeTiles(source(), width, height, prefix),
  };
}

/**
 * Deep Zoom tiles in `${prefix}/tiles_files/…` with `${prefix}/tiles.dzi`.
 * The prefix is new for every upload, so nobody sees tiles before the page
 * row points at them.
 */
async function storeTiles(image: Sharp, width: number, height: number, prefix: string): Promise<DeepZoom> {
  const key = `${prefix}/tiles`;
  const target = storagePath(`${key}.dz`);
  await mkdir(path.dirname(target), { recursive: true });
  await image
    .webp({ quality: 75, effort: 2 })
    .tile({ size: TILE_SIZE, overlap: TILE_OVERLAP, layout: "dz" })
    .toFile(target);
  await removeFile(`${key}_files/vips-properties.xml`);
  return { key, width, height, tileSize: TILE_SIZE, overlap: TILE_OVERLAP, format: "webp" };
}
