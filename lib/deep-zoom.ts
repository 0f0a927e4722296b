// Deep Zoom (DZI) tiles of a page image, made with sharp at upload, and the
// tiling math the reader's viewer uses to load only the tiles in view. Pure;
// the same layout OpenSeadragon reads: level L is the image scaled by
// 2^(L − maxLevel), cut into tileSize squares with `overlap` pixels shared
// with each neighbour; tile (col, row) of level L is
// `${key}_files/${L}/${col}_${row}.${format}`.
// No zod here: the page's zoom code imports this module, and zod is 30 KB of
// gzipped JavaScript a phone would download to zoom (deep-zoom-schema.ts
// validates stored rows on the server).

export type DeepZoom = {
  key: string;
  width: number;
  height: number;
  tileSize: number;
  overlap: number;
  format: "webp" | "jpeg" | "png";
};

/**
 * 254 px tiles with 1 px overlap (256 px files): libvips's and Deep Zoom's default. A phone zoomed into an
 * article gets the tiles it shows with less waste at the screen's edges than with 512 px ones (a02's view:
 * 116 → 93 KB in 12 tiles instead of 4); rows stored before keep their own tileSize and still work.
 */
export const TILE_SIZE = 254;
export const TILE_OVERLAP = 1;

/**
 * A phone's screen: narrow, and 2.5 device pixels per CSS pixel or more
 * (400+ ppi). Its page image and tiles are drawn at less than its density.
 */
export const DENSE_PHONE = "(max-width: 639px) and (min-resolution: 2.5dppx)";

/**
 * Device pixels per CSS pixel the tiles are drawn at: the screen's own, at
 * most 2; on a dense phone 1.5, about as sharp as a 2× laptop's screen (body
 * text zoomed to 12 CSS px still reads crisply) for half the tiles' bytes.
 */
export function tileDensity(devicePixelRatio: number, densePhone: boolean): number {
  return densePhone ? 1.5 : Math.min(Math.max(devicePixelRatio, 1), 2);
}

/** The full-resolution level: the smallest L with 2^L ≥ the longer side. */
export function maxLevel(image: { width: number; height: number }): number {
  return Math.ceil(Math.log2(Math.max(image.width, image.height, 1)));
}

/** Pixel size of level `level` (each halving rounds up, as libvips and OpenSeadragon do). */
export function levelSize(image: { width: number; height: number }, level: number): { width: number; height: number } {
  const scale = 2 ** (maxLevel(image) - level);
  return { width: Math.max(1, Math.ceil(image.width / scale)), height: Math.max(1, Math.ceil(image.height / scale)) };
}

/** Columns and rows of tiles at `level`. */
export function tileGrid(zoom: DeepZoom, level: number): { columns: number; rows: number } {
  const { width, height } = levelSize(zoom, level);
  return { columns: Math.ceil(width / zoom.tileSize), rows: Math.ceil(height / zoom.tileSize) };
}

/**
 * The level to draw when the whole image is shown `displayWidth` device
 * pixels wide: the first one at least that wide, at most full resolution.
 */
export function levelFor(zoom: DeepZoom, displayWidth: number): number {
  const top = maxLevel(zoom);
  for (let level = 0; level <= top; level++) if (levelSize(zoom, level).width >= displayWidth) return level;
  return top;
}

/**
 * The level of tiles to draw over a base image `baseWidth` pixels wide (the
 * size the browser took from the srcset) shown `displayWidth` device pixels
 * wide, or null when the base image is already as detailed as that level.
 */
export function tileLevelOver(zoom: DeepZoom, displayWidth: number, baseWidth: number): number | null {
  const level = levelFor(zoom, displayWidth);
  return levelSize(zoom, level).width > baseWidth ? level : null;
}

export type Tile = {
  level: number;
  column: number;
  row: number;
  /** Where the tile's pixels go, as fractions of the whole image (0–1), overlap excluded. */
  x: number;
  y: number;
  w: number;
  h: number;
  /** The part of the tile file that is overlap, in pixels, on its left and top (to offset the image). */
  overlapLeft: number;
  overlapTop: number;
  /** Pixel size of the tile file, overlap included. */
  fileWidth: number;
  fileHeight: number;
};

/**
 * The tiles of `level` that intersect `view` (fractions of the image:
 * x, y, w, h), in reading order.
 */
export function tilesInView(
  zoom: DeepZoom,
  level: number,
  view: { x: number; y: number; w: number; h: number },
): Tile[] {
  const size = levelSize(zoom, level);
  const { columns, rows } = tileGrid(zoom, level);
  const clamp = (value: number, max: number) => Math.max(0, Math.min(max, value));
  const firstColumn = clamp(Math.floor((view.x * size.width) / zoom.tileSize), columns - 1);
  const lastColumn = clamp(Math.ceil(((view.x + view.w) * size.width) / zoom.tileSize) - 1, columns - 1);
  const firstRow = clamp(Math.floor((view.y * size.height) / zoom.tileSize), rows - 1);
  const lastRow = clamp(Math.ceil(((view.y + view.h) * size.height) / zoom.tileSize) - 1, rows - 1);
  const tiles: Tile[] = [];
  if (view.w <= 0 || view.h <= 0 || view.x >= 1 || view.y >= 1 || view.x + view.w <= 0 || view.y + view.h <= 0) {
    return tiles;
  }
  for (let row = firstRow; row <= lastRow; row++) {
    for (let column = firstColumn; column <= lastColumn; column++) {
      const left = column * zoom.tileSize;
      const top = row * zoom.tileSize;
      const right = Math.min(size.width, left + zoom.tileSize);
      const bottom = Math.min(size.height, top + zoom.tileSize);
      const overlapLeft = column > 0 ? zoom.overlap : 0;
      const overlapTop = row > 0 ? zoom.overlap : 0;
      const overlapRight = column < columns - 1 ? zoom.overlap : 0;
      const overlapBottom = row < rows - 1 ? zoom.overlap : 0;
      tiles.push({
        level,
        column,
        row,
        x: left / size.width,
        y: top / size.height,
        w: (right - left) / size.width,
        h: (bottom - top) / size.height,
        overlapLeft,
        overlapTop,
        fileWidth: right - left + overlapLeft + overlapRight,
        fileHeight: bottom - top + overlapTop + overlapBottom,
      });
    }
  }
  return tiles;
}

/** Storage key of a tile file. */
export function tileKey(zoom: DeepZoom, tile: { level: number; column: number; row: number }): string {
  return `${zoom.key}_files/${tile.level}/${tile.column}_${tile.row}.${zoom.format}`;
}

/**
 * The page viewer's state: the page is laid out `frame.width` CSS pixels wide
 * (its height follows the image's aspect ratio) and drawn scaled by `scale`
 * and moved by (x, y) CSS pixels, inside a frame of the same size.
 */
export type ZoomState = { scale: number; x: number; y: number };
export type Frame = { width: number; height: number };

export const FIT: ZoomState = { scale: 1, x: 0, y: 0 };

/** The highest zoom: twice full resolution (6 pt type then reads at about 12 px), at least 4×, at most 16×. */
export function maxScale(image: { width: number }, frame: Frame, devicePixelRatio: number): number {
  const fullResolution = image.width / (frame.width * Math.min(devicePixelRatio, 2));
  return Math.min(16, Math.max(4, 2 * fullResolution));
}

/** Keeps the page covering the frame: no zooming out past the whole page, no panning past its edges. */
export function clampZoom(state: ZoomState, frame: Frame, max: number): ZoomState {
  const scale = Math.min(max, Math.max(1, state.scale));
  const clamp = (value: number, size: number) => Math.min(0, Math.max(size - size * scale, value));
  return { scale, x: clamp(state.x, frame.width), y: clamp(state.y, frame.height) };
}

/** Zooms by `factor` keeping the page point under (px, py) (frame pixels) where it is. */
export function zoomAround(
  state: ZoomState,
  factor: number,
  px: number,
  py: number,
  frame: Frame,
  max: number,
): ZoomState {
  const scale = Math.min(max, Math.max(1, state.scale * factor));
  const ratio = scale / state.scale;
  return clampZoom({ scale, x: px - (px - state.x) * ratio, y: py - (py - state.y) * ratio }, frame, max);
}

/** The part of the page in the frame, as fractions of the page (for tilesInView and clips). */
export function visibleFraction(state: ZoomState, frame: Frame): { x: number; y: number; w: number; h: number } {
  return {
    x: -state.x / (frame.width * state.scale),
    y: -state.y / (frame.height * state.scale),
    w: 1 / state.scale,
    h: 1 / state.scale,
  };
}

/** The zoom that shows `box` (fractions of the page) whole and centred, or `current` when it already is. */
export function revealBox(
  current: ZoomState,
  box: { x: number; y: number; w: number; h: number },
  frame: Frame,
  max: number,
): ZoomState {
  const view = visibleFraction(current, frame);
  const inside =
    box.x >= view.x && box.y >= view.y && box.x + box.w <= view.x + view.w && box.y + box.h <= view.y + view.h;
  if (inside) return current;
  const scale = Math.min(current.scale, 1 / Math.max(box.w, box.h, 1 / max));
  const cx = (box.x + box.w / 2) * frame.width * scale;
  const cy = (box.y + box.h / 2) * frame.height * scale;
  return clampZoom({ scale, x: frame.width / 2 - cx, y: frame.height / 2 - cy }, frame, max);
}
