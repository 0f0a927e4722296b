// Geometry of article regions on a page image: rectangles and polygons in
// image pixels. Pure functions, used by the admin's region editor and save
// path, by image replacement (scaling), and by the reader (CSS percentages).
import type { Region } from "./content";

export type Point = [number, number];
export type Box = { x: number; y: number; w: number; h: number };
export type Size = { width: number; height: number };
export type RectRegion = Extract<Region, { type: "rect" }>;
export type PolygonRegion = Extract<Region, { type: "polygon" }>;
export type Corner = "nw" | "ne" | "sw" | "se";
export const CORNERS: Corner[] = ["nw", "ne", "sw", "se"];

const clamp = (value: number, min: number, max: number) => Math.min(Math.max(value, min), max);

/** The rectangle with corners `a` and `b`, in any order (drawn leftwards or upwards), at least 1×1. */
export function rectFromPoints(a: Point, b: Point): RectRegion {
  return {
    type: "rect",
    x: Math.min(a[0], b[0]),
    y: Math.min(a[1], b[1]),
    w: Math.abs(b[0] - a[0]) || 1,
    h: Math.abs(b[1] - a[1]) || 1,
  };
}

/** Whole pixels; a rectangle with a negative width or height flipped to the same area; at least 1×1. */
export function normaliseRegion(region: Region): Region {
  if (region.type === "polygon")
    return { type: "polygon", points: region.points.map(([x, y]) => [Math.round(x), Math.round(y)] as Point) };
  const { x, y, w, h } = region;
  const left = Math.round(w < 0 ? x + w : x);
  const top = Math.round(h < 0 ? y + h : y);
  return {
    type: "rect",
    x: left,
    y: top,
    w: Math.max(1, Math.round(Math.abs(w))),
    h: Math.max(1, Math.round(Math.abs(h))),
  };
}

/** The smallest box holding the region. */
export function boundingBox(region: Region): Box {
  if (region.type === "rect") return { x: region.x, y: region.y, w: region.w, h: region.h };
  let [left, top] = region.points[0];
  let [right, bottom] = region.points[0];
  for (const [x, y] of region.points) {
    left = Math.min(left, x);
    right = Math.max(right, x);
    top = Math.min(top, y);
    bottom = Math.max(bottom, y);
  }
  return { x: left, y: top, w: right - left, h: bottom - top };
}

/** The box holding all regions, or null for none (e.g. to crop or zoom to an article). */
export function regionsBoundingBox(regions: Region[]): Box | null {
  if (!regions.length) return null;
  const boxes = regions.map(boundingBox);
  const left = Math.min(...boxes.map((box) => box.x));
  const top = Math.min(...boxes.map((box) => box.y));
  const right = Math.max(...boxes.map((box) => box.x + box.w));
  const bottom = Math.max(...boxes.map((box) => box.y + box.h));
  return { x: left, y: top, w: right - left, h: bottom - top };
}

export function clampPoint([x, y]: Point, size: Size): Point {
  return [clamp(x, 0, size.width), clamp(y, 0, size.height)];
}

/**
 * The region inside the image: a rectangle starts inside it and is cut at its
 * edges, keeping at least 1×1 pixel; a polygon's points are moved onto the edge.
 */
export function clampRegion(region: Region, size: Size): Region {
  if (region.type === "polygon")
    return { type: "polygon", points: region.points.map((point) => clampPoint(point, size)) };
  const x = clamp(region.x, 0, Math.max(0, size.width - 1));
  const y = clamp(region.y, 0, Math.max(0, size.height - 1));
  return {
    type: "rect",
    x,
    y,
    w: Math.max(1, Math.min(region.w, size.width - x)),
    h: Math.max(1, Math.min(region.h, size.height - y)),
  };
}

export function clampRegions(regions: Region[], size: Size): Region[] {
  return regions.map((region) => clampRegion(region, size));
}

/**
 * The region moved by (dx, dy), stopping at the image's edges: the shape keeps
 * its size and form (a polygon is not squashed against an edge).
 */
export function moveRegion(region: Region, dx: number, dy: number, size: Size): Region {
  const box = boundingBox(region);
  const mx = clamp(dx, -box.x, Math.max(-box.x, size.width - box.x - box.w));
  const my = clamp(dy, -box.y, Math.max(-box.y, size.height - box.y - box.h));
  if (region.type === "rect") return { ...region, x: region.x + mx, y: region.y + my };
  return { type: "polygon", points: region.points.map(([x, y]) => [x + mx, y + my] as Point) };
}

/**
 * The rectangle with its `corner` dragged to `point`; dragged past the opposite
 * side, it flips. Give it the rectangle as it was when the drag began, so the
 * opposite corner stays where it was however the pointer wanders.
 */
export function resizeRect(region: RectRegion, corner: Corner, point: Point): RectRegion {
  const left = corner.includes("w") ? point[0] : region.x;
  const right = corner.includes("e") ? point[0] : region.x + region.w;
  const top = corner.includes("n") ? point[1] : region.y;
  const bottom = corner.includes("s") ? point[1] : region.y + region.h;
  return rectFromPoints([left, top], [right, bottom]);
}

/** Where a corner handle of the rectangle stands. */
export function cornerPoint(region: RectRegion, corner: Corner): Point {
  return [corner.includes("w") ? region.x : region.x + region.w, corner.includes("n") ? region.y : region.y + region.h];
}

/**
 * Regions scaled by (sx, sy), e.g. when a page image is replaced by one of
 * another size: to a tenth of a pixel, a rectangle at least 1×1.
 */
export function scaleRegions(regions: Region[], sx: number, sy: number): Region[] {
  const round = (value: number) => Math.round(value * 10) / 10;
  return regions.map((region) =>
    region.type === "rect"
      ? {
          type: "rect",
          x: round(region.x * sx),
          y: round(region.y * sy),
          w: Math.max(1, round(region.w * sx)),
          h: Math.max(1, round(region.h * sy)),
        }
      : { type: "polygon", points: region.points.map(([x, y]) => [round(x * sx), round(y * sy)] as Point) },
  );
}

/** A shape narrower or lower than `fraction` of the image (a tap rather than a drag). */
export function isTooSmall(region: Region, size: Size, fraction = 0.01): boolean {
  const box = boundingBox(region);
  return box.w < size.width * fraction || box.h < size.height * fraction;
}

/** The polygon's area (shoelace formula); a rectangle's is w × h. */
export function regionArea(region: Region): number {
  if (region.type === "rect") return Math.abs(region.w * region.h);
  let twice = 0;
  region.points.forEach(([x, y], index) => {
    const [nx, ny] = region.points[(index + 1) % region.points.length];
    twice += x * ny - nx * y;
  });
  return Math.abs(twice) / 2;
}

/** Is the point inside the region (edges included for rectangles; even-odd rule for polygons)? */
export function containsPoint(region: Region, [px, py]: Point): boolean {
  if (region.type === "rect")
    return px >= region.x && px <= region.x + region.w && py >= region.y && py <= region.y + region.h;
  let inside = false;
  const points = region.points;
  for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
    const [xi, yi] = points[i];
    const [xj, yj] = points[j];
    if (yi > py !== yj > py && px < ((xj - xi) * (py - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** An SVG `points` attribute: "x,y x,y …". */
export function svgPoints(points: Point[]): string {
  return points.map(([x, y]) => `${x},${y}`).join(" ");
}

/** A percentage of `of` for CSS, within 0–100 %; 0 % of nothing. */
export function percent(value: number, of: number): string {
  const share = of > 0 ? (value / of) * 100 : 0;
  return `${clamp(share, 0, 100).toFixed(4)}%`;
}

/**
 * Where to lay a region over the image in CSS, as percentages of the image, so
 * it scales with the image at every width: its bounding box, and for a polygon
 * a clip-path in percentages of that box.
 */
export function regionStyle(
  region: Region,
  size: Size,
): { left: string; top: string; width: string; height: string; clipPath?: string } {
  const box = boundingBox(region);
  const style = {
    left: percent(box.x, size.width),
    top: percent(box.y, size.height),
    width: percent(box.w, size.width),
    height: percent(box.h, size.height),
  };
  if (region.type === "rect") return style;
  const points = region.points.map(([x, y]) => `${percent(x - box.x, box.w)} ${percent(y - box.y, box.h)}`);
  return { ...style, clipPath: `polygon(${points.join(", ")})` };
}
