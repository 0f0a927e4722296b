// Share cards: the picture a shared link unfurls with (Open Graph, Twitter).
// An article's card is its region cropped from the page image; a page's (and
// an edition's) is the page itself, scaled down. Crops are made by
// lib/images/crop.ts and kept in storage.
import type { CropRequest, ImageSource } from "@/lib/images/crop";
import { cropGeometry } from "@/lib/images/crop";
import { regionsBoundingBox } from "@/lib/regions";
import type { Region } from "@/lib/content";

/** An article's card: at most this big (large enough for summary_large_image, small enough to fetch fast). */
export const ARTICLE_CARD = { maxWidth: 1200, maxHeight: 1200 } as const;
/** A page's card: the whole page, portrait. */
export const PAGE_CARD = { maxWidth: 800, maxHeight: 1200 } as const;
/** Space kept around an article's region, in page-image pixels per 1000 px of page width. */
const MARGIN_PER_MILLE = 12;

export type PageImageSource = { original: ImageSource; variants: ImageSource[] };

/** The rectangle a card shows: the article's regions with a little margin, or the whole page. */
export function cardRect(image: { width: number; height: number }, regions: Region[] | null) {
  const box = regions ? regionsBoundingBox(regions) : null;
  if (!box || box.w <= 0 || box.h <= 0) return { x: 0, y: 0, w: image.width, h: image.height };
  const margin = Math.round((image.width * MARGIN_PER_MILLE) / 1000);
  return { x: box.x - margin, y: box.y - margin, w: box.w + 2 * margin, h: box.h + 2 * margin };
}

/** What to crop for a card; `regions` null (or empty) means the page card. */
export function cardRequest(source: PageImageSource, regions: Region[] | null): CropRequest {
  const bounds = regions && regions.length ? ARTICLE_CARD : PAGE_CARD;
  return {
    original: source.original,
    variants: source.variants,
    rect: cardRect(source.original, regions),
    ...bounds,
    format: "jpeg",
  };
}

/** The card's size, known without making it (for og:image:width/height). */
export function cardSize(image: { width: number; height: number }, regions: Region[] | null) {
  const bounds = regions && regions.length ? ARTICLE_CARD : PAGE_CARD;
  const { width, height } = cropGeometry(cardRect(image, regions), image, bounds);
  return { width, height };
}
