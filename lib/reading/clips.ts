// 剪报: a rectangle of a page image in its URL, /2026-11-25/a01/clip/x,y,w,h
// (original image pixels). One owner for the reader's selection, the routes
// and the crop: what a clip segment may be, and how a selection becomes one.

export type ClipRect = { x: number; y: number; w: number; h: number };

/** The smallest clip side (image pixels): a few characters of 6 pt type at 200 dpi. */
export const MIN_CLIP_SIDE = 24;
/** The clip image's largest side (the crop is scaled down to it, never up). */
export const CLIP_MAX_SIDE = 1600;

const SEGMENT = /^(\d{1,5}),(\d{1,5}),(\d{1,5}),(\d{1,5})$/;

/** The rectangle of a clip segment; null when it is not four whole numbers. */
export function parseClipSegment(segment: string): ClipRect | null {
  const match = SEGMENT.exec(segment);
  if (!match) return null;
  const [x, y, w, h] = match.slice(1).map(Number);
  return { x, y, w, h };
}

/** Whether `rect` lies inside the image and is not too small to read. */
export function isClipInside(rect: ClipRect, image: { width: number; height: number }): boolean {
  return (
    rect.w >= MIN_CLIP_SIDE &&
    rect.h >= MIN_CLIP_SIDE &&
    rect.x + rect.w <= image.width &&
    rect.y + rect.h <= image.height
  );
}

export function clipSegment(rect: ClipRect): string {
  return `${rect.x},${rect.y},${rect.w},${rect.h}`;
}

/**
 * A selection in fractions of the page (0–1, any corner first) as a clip in
 * image pixels: rounded outwards, clamped to the image, grown to the
 * smallest side around its centre.
 */
export function clipFromFractions(
  selection: { x0: number; y0: number; x1: number; y1: number },
  image: { width: number; height: number },
): ClipRect {
  const clamp = (value: number) => Math.min(1, Math.max(0, value));
  let left = Math.floor(clamp(Math.min(selection.x0, selection.x1)) * image.width);
  let top = Math.floor(clamp(Math.min(selection.y0, selection.y1)) * image.height);
  let right = Math.ceil(clamp(Math.max(selection.x0, selection.x1)) * image.width);
  let bottom = Math.ceil(clamp(Math.max(selection.y0, selection.y1)) * image.height);
  const grow = (start: number, end: number, max: number): [number, number] => {
    const side = Math.min(max, Math.max(MIN_CLIP_SIDE, end - start));
    const from = Math.round((start + end) / 2 - side / 2);
    const clamped = Math.min(Math.max(0, from), max - side);
    return [clamped, clamped + side];
  };
  [left, right] = grow(left, right, image.width);
  [top, bottom] = grow(top, bottom, image.height);
  return { x: left, y: top, w: right - left, h: bottom - top };
}
