// Derived sizes and deep-zoom tiles of a page image, made with sharp. The
// original is kept (an upload re-encoded without its metadata; a PDF page
// rendered as JPEG); readers get WebP variants, and tiles when they zoom in.
import { mkdir } from "node:fs/promises";
import path from "node:path";
import sharp, { type Sharp } from "sharp";
import type { ImageVariant } from "./content";
import { TILE_OVERLAP, TILE_SIZE, type DeepZoom } from "./deep-zoom";
import { putFile, removeFile, storagePath } from "./storage";

/**
 * WebP sizes of a page image. "medium" is what a phone's page view shows (sizes in page-image.tsx): a
 * broadsheet's overview at about two image pixels per CSS pixel, where WebP's quality 65 looks the same as
 * 78 and weighs 13% less (a03: 125 → 109 KB); a reader zooms into tiles to read. A desktop's "large" is seen
 * at one pixel per device pixel and keeps 78.
 */
export const PAGE_IMAGE_VARIANTS = [
  { name: "thumb", width: 240, quality: 78 },
  { name: "medium", width: 800, quality: 65 },
  { name: "large", width: 1400, quality: 78 },
] as const;

export type StoredPageImage = {
  imageKey: string;
  imageWidth: number;
  imageHeight: number;
  imageVariants: ImageVariant[];
  imageTiles: DeepZoom;
};

const SOURCE_OPTIONS = { limitInputPixels: 60_000_000 } as const;

/**
 * An uploaded image re-encoded in its own format with no metadata: a camera's
 * or phone's EXIF (GPS position, device, owner), XMP, IPTC and comments are
 * dropped, and colours are converted to sRGB. Every stored file is public to
 * whoever has its URL, so nothing the uploader did not mean to publish is kept.
 * Pixels stay as stored (EXIF orientation is not applied), like the derived sizes.
 */
export async function withoutMetadata(bytes: Buffer, extension: string): Promise<Buffer> {
  const image = sharp(bytes, SOURCE_OPTIONS);
  if (extension === "png") return image.png().toBuffer();
  if (extension === "webp") return image.webp({ quality: 90 }).toBuffer();
  if (extension === "jpg") return image.jpeg({ quality: 92, chromaSubsampling: "4:4:4" }).toBuffer();
  throw new Error(`No re-encoding for .${extension} images`);
}

/** Stores `original` under `prefix` (e.g. "pages/2026-11-25/a01") with its derived sizes and tiles. */
export async function storePageImage(upload: Buffer, prefix: string, extension: string): Promise<StoredPageImage> {
  const original = await withoutMetadata(upload, extension);
  const { width, height } = await sharp(original, SOURCE_OPTIONS).metadata();
  if (!width || !height) throw new Error("The image has no dimensions");
  const imageKey = `${prefix}/original.${extension}`;
  await putFile(imageKey, original);
  return {
    imageKey,
    ...(await storeDerived(() => sharp(original, SOURCE_OPTIONS), width, height, prefix)),
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
  // 4:4:4 keeps thin red rules and small coloured type crisp. Optimised Huffman tables (sharp's default) make the
  // encoder hold the whole page's coefficients: 125 MB more at 200 dpi for a file 11% smaller (docs/pdf.md).
  const jpeg = { quality: 90, chromaSubsampling: "4:4:4", optimiseCoding: false } as const;
  await putFile(imageKey, await source().jpeg(jpeg).toBuffer());
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
      .webp({ quality: variant.quality })
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
