import "server-only";
import { cacheLife, cacheTag } from "next/cache";
import { prisma } from "@/lib/db/prisma";
import { TAGS } from "@/lib/cache-tags";
import { readImageVariants } from "@/lib/content";
import type { PageImageSource } from "@/lib/sharing/cards";

/** The stored page image and its smaller renditions, by storage key (to crop share cards and draw posters from). */
export async function getPageImageSource(pageId: number): Promise<PageImageSource | null> {
  "use cache";
  cacheTag(TAGS.page(pageId));
  cacheLife("reader");
  const page = await prisma.page.findUnique({
    where: { id: pageId },
    select: { imageKey: true, imageWidth: true, imageHeight: true, imageVariants: true },
  });
  if (!page?.imageKey || !page.imageWidth || !page.imageHeight) return null;
  return {
    original: { key: page.imageKey, width: page.imageWidth, height: page.imageHeight },
    variants: readImageVariants(page.imageVariants, `page ${pageId}`).map(({ key, width, height }) => ({
      key,
      width,
      height,
    })),
  };
}
