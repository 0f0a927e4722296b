// 剪报 images: the crop of a page image a clip URL names, made by sharp from
// the smallest stored rendition sharp enough for it and cached in storage
// (lib/images/crop.ts). The route has already checked the page is published.
import "server-only";
import { prisma } from "@/lib/db/prisma";
import { readImageVariants } from "@/lib/content";
import { cropImage, type Crop } from "@/lib/images/crop";
import { CLIP_MAX_SIDE, isClipInside, type ClipRect } from "@/lib/reading/clips";

/** null: the page has no image, or the rectangle is not inside it (the route answers 404). */
export async function getClipImage(pageId: number, rect: ClipRect): Promise<Crop | null> {
  const page = await prisma.page.findUnique({
    where: { id: pageId },
    select: { imageKey: true, imageWidth: true, imageHeight: true, imageVariants: true },
  });
  if (!page?.imageKey || !page.imageWidth || !page.imageHeight) return null;
  const original = { key: page.imageKey, width: page.imageWidth, height: page.imageHeight };
  if (!isClipInside(rect, original)) return null;
  return cropImage({
    original,
    variants: readImageVariants(page.imageVariants, `page ${pageId}`),
    rect,
    maxWidth: CLIP_MAX_SIDE,
    maxHeight: CLIP_MAX_SIDE,
    format: "jpeg",
  });
}
