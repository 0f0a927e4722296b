import { test } from "node:test";
import assert from "node:assert/strict";
import {
  FIT,
  clampZoom,
  levelFor,
  levelSize,
  maxLevel,
  maxScale,
  revealBox,
  tileDensity,
  tileGrid,
  tileKey,
  tileLevelOver,
  tilesInView,
  visibleFraction,
  zoomAround,
  type DeepZoom,
} from "./deep-zoom";

// A 200 dpi broadsheet page, as PDFium renders it.
const page: DeepZoom = {
  key: "pages/e1/p2/tiles",
  width: 2755,
  height: 3858,
  tileSize: 512,
  overlap: 1,
  format: "webp",
};

test("levels halve from full resolution down to one pixel, rounding up as libvips does", () => {
  assert.equal(maxLevel(page), 12); // 2^12 = 4096 ≥ 3858
  assert.deepEqual(levelSize(page, 12), { width: 2755, height: 3858 });
  assert.deepEqual(levelSize(page, 11), { width: 1378, height: 1929 });
  assert.deepEqual(levelSize(page, 10), { width: 689, height: 965 });
  assert.deepEqual(levelSize(page, 0), { width: 1, height: 1 });
  assert.deepEqual(tileGrid(page, 12), { columns: 6, rows: 8 });
  assert.deepEqual(tileGrid(page, 9), { columns: 1, rows: 1 });
});

test("the level drawn is the first at least as wide as the display, never past full resolution", () => {
  assert.equal(levelFor(page, 600), 10);
  assert.equal(levelFor(page, 689), 10);
  assert.equal(levelFor(page, 690), 11);
  assert.equal(levelFor(page, 10_000), 12);
});

test("tiles are drawn at the screen's density up to 2×, and at 1.5× on a dense phone", () => {
  assert.equal(tileDensity(1, false), 1);
  assert.equal(tileDensity(2, false), 2);
  assert.equal(tileDensity(3, false), 2); // a 3× laptop or a phone held sideways
  assert.equal(tileDensity(2.75, true), 1.5);
  assert.equal(tileDensity(3, true), 1.5);
  // A 375 px phone at 3× after a double tap (2.5×, body text at about 12 CSS px): level 11, not 12.
  assert.equal(levelFor(page, 351 * 2.5 * tileDensity(3, true)), 11);
  assert.equal(levelFor(page, 351 * 2.5 * 3), 12);
});

test("no tiles over a page image that is already as detailed as the level the zoom needs", () => {
  // A desktop's 1400 px page image in an 896 px frame: at 1.5× level 11 (1378 px) would add nothing.
  assert.equal(tileLevelOver(page, 896 * 1.5, 1400), null);
  assert.equal(tileLevelOver(page, 896 * 2, 1400), 12);
  // A phone's 800 px image in a 351 px frame at 1.5× density: level 10 (689 px) is not drawn, level 11 is.
  assert.equal(tileLevelOver(page, 351 * 1.2 * 1.5, 800), null);
  assert.equal(tileLevelOver(page, 351 * 2.5 * 1.5, 800), 11);
  // The page image not loaded yet: tiles.
  assert.equal(tileLevelOver(page, 351 * 1.2 * 1.5, 0), 10);
});

test("only the tiles in view are listed, with where they go and the overlap to hide", () => {
  // The top-left quarter of the page at full resolution: columns 0–2 (0–1377 px), rows 0–3 (0–1928 px).
  const tiles = tilesInView(page, 12, { x: 0, y: 0, w: 0.5, h: 0.5 });
  assert.deepEqual(
    tiles.map((t) => `${t.column},${t.row}`),
    ["0,0", "1,0", "2,0", "0,1", "1,1", "2,1", "0,2", "1,2", "2,2", "0,3", "1,3", "2,3"],
  );
  const inner = tiles.find((t) => t.column === 1 && t.row === 1)!;
  assert.deepEqual([inner.overlapLeft, inner.overlapTop, inner.fileWidth, inner.fileHeight], [1, 1, 514, 514]);
  assert.equal(inner.x, 512 / 2755);
  const corner = tilesInView(page, 12, { x: 0.99, y: 0.99, w: 0.01, h: 0.01 });
  assert.deepEqual(
    corner.map((t) => [t.column, t.row, t.fileWidth, t.fileHeight]),
    [[5, 7, 2755 - 5 * 512 + 1, 3858 - 7 * 512 + 1]],
  );
  assert.deepEqual(tilesInView(page, 12, { x: 1.2, y: 0, w: 0.1, h: 0.1 }), []);
  assert.equal(tileKey(page, inner), "pages/e1/p2/tiles_files/12/1_1.webp");
});

test("zooming keeps the point under the finger in place and the page inside the frame", () => {
  const frame = { width: 350, height: 490 };
  const zoomed = zoomAround(FIT, 2, 100, 100, frame, 6);
  assert.deepEqual(zoomed, { scale: 2, x: -100, y: -100 });
  // At the top-left corner the page cannot move right or down.
  assert.deepEqual(zoomAround(FIT, 2, 0, 0, frame, 6), { scale: 2, x: 0, y: 0 });
  // Never below the whole page, never above the maximum.
  assert.deepEqual(zoomAround(zoomed, 0.1, 100, 100, frame, 6), FIT);
  assert.equal(zoomAround(zoomed, 100, 100, 100, frame, 6).scale, 6);
  assert.deepEqual(clampZoom({ scale: 2, x: 50, y: -2000 }, frame, 6), { scale: 2, x: 0, y: -490 });
  assert.deepEqual(visibleFraction({ scale: 2, x: -175, y: -245 }, frame), { x: 0.25, y: 0.25, w: 0.5, h: 0.5 });
});

test("the highest zoom shows full resolution twice over, between 4× and 16×", () => {
  assert.equal(maxScale(page, { width: 350, height: 490 }, 3), (2 * 2755) / (350 * 2));
  assert.equal(maxScale(page, { width: 900, height: 1260 }, 1), (2 * 2755) / 900);
  assert.equal(maxScale({ width: 1500 }, { width: 900, height: 1260 }, 1), 4);
});

test("focusing a region off screen brings it whole into view; one in view stays put", () => {
  const frame = { width: 400, height: 560 };
  const zoomed = { scale: 4, x: 0, y: 0 };
  assert.equal(revealBox(zoomed, { x: 0.05, y: 0.05, w: 0.1, h: 0.1 }, frame, 8), zoomed);
  const moved = revealBox(zoomed, { x: 0.6, y: 0.7, w: 0.2, h: 0.1 }, frame, 8);
  const view = visibleFraction(moved, frame);
  assert.ok(view.x <= 0.6 && view.x + view.w >= 0.8 && view.y <= 0.7 && view.y + view.h >= 0.8, JSON.stringify(view));
  assert.equal(moved.scale, 4);
  // A region larger than the view: zoom out until it fits.
  const wide = revealBox(zoomed, { x: 0.1, y: 0.5, w: 0.5, h: 0.2 }, frame, 8);
  assert.equal(wide.scale, 2);
});
