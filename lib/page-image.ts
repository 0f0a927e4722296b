// Derived sizes of a page image, made with sharp. The original is kept as
// uploaded; readers get WebP variants.
import sharp from "sharp";
import type { ImageVariant } from "./content";
import { putFile } from "./storage";

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
};

/** Stores `original` under `prefix` (e.g. "pages/2026-11-25/a01") with its derived sizes. */
export async function storePageImage(original: Buffer, prefix: string, extension: string): Promise<StoredPageImage> {
  const image = sharp(original, { limitInputPixels: 60_000_000 });
  const { width, height } = await image.metadata();
  if (!width || !height) throw new Error("The image has no dimensions");
  const imageKey = `${prefix}/original.${extension}`;
  await putFile(imageKey, original);
  const imageVariants: ImageVariant[] = [];
  for (const variant of PAGE_IMAGE_VARIANTS) {
    const targetWidth = Math.min(variant.width, width);
    const { data, info } = await sharp(original)
      .resize({ width: targetWidth })
      .webp({ quality: 78 })
      .toBuffer({ resolveWithObject: true });
    const key = `${prefix}/${variant.name}.webp`;
    await putFile(key, data);
    imageVariants.push({ name: variant.name, key, width: info.width, height: info.height });
  }
  return { imageKey, imageWidth: width, imageHeight: height, imageVariants };
}
