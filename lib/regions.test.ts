import { test } from "node:test";
import assert from "node:assert/strict";
import type { Region } from "./content";
import {
  boundingBox,
  clampRegion,
  clampRegions,
  containsPoint,
  cornerPoint,
  isTooSmall,
  moveRegion,
  normaliseRegion,
  percent,
  rectFromPoints,
  regionArea,
  regionStyle,
  regionsBoundingBox,
  resizeRect,
  scaleRegions,
  svgPoints,
  type PolygonRegion,
  type RectRegion,
} from "./regions";

const page = { width: 1000, height: 1500 };
const rect = (x: number, y: number, w: number, h: number): RectRegion => ({ type: "rect", x, y, w, h });
const triangle: PolygonRegion = {
  type: "polygon",
  points: [
    [100, 100],
    [300, 100],
    [200, 400],
  ],
};

test("a rectangle from two corners in any order", () => {
  assert.deepEqual(rectFromPoints([10, 20], [110, 220]), rect(10, 20, 100, 200));
  // Drawn leftwards and upwards: the same rectangle.
  assert.deepEqual(rectFromPoints([110, 220], [10, 20]), rect(10, 20, 100, 200));
  assert.deepEqual(rectFromPoints([110, 20], [10, 220]), rect(10, 20, 100, 200));
  // A click without a drag is 1×1, never 0×0 (the schema refuses zero sizes).
  assert.deepEqual(rectFromPoints([5, 5], [5, 5]), rect(5, 5, 1, 1));
});

test("normalise: whole pixels, negative sizes flipped, at least 1×1", () => {
  assert.deepEqual(normaliseRegion(rect(10.4, 20.6, 99.5, 0.2)), rect(10, 21, 100, 1));
  assert.deepEqual(normaliseRegion(rect(110, 220, -100, -200)), rect(10, 20, 100, 200));
  assert.deepEqual(
    normaliseRegion({
      type: "polygon",
      points: [
        [0.4, 0.6],
        [10.5, 0],
        [5, 9.49],
      ],
    }),
    {
      type: "polygon",
      points: [
        [0, 1],
        [11, 0],
        [5, 9],
      ],
    },
  );
});

test("bounding boxes of one region and of several", () => {
  assert.deepEqual(boundingBox(rect(1, 2, 3, 4)), { x: 1, y: 2, w: 3, h: 4 });
  assert.deepEqual(boundingBox(triangle), { x: 100, y: 100, w: 200, h: 300 });
  assert.deepEqual(regionsBoundingBox([rect(0, 500, 50, 50), triangle]), { x: 0, y: 100, w: 300, h: 450 });
  assert.equal(regionsBoundingBox([]), null);
});

test("clamp: a rectangle starts inside the image and is cut at its edges; polygon points move onto the edge", () => {
  assert.deepEqual(clampRegion(rect(950, 1400, 200, 200), page), rect(950, 1400, 50, 100));
  assert.deepEqual(clampRegion(rect(-20, -5, 100, 100), page), rect(0, 0, 100, 100));
  // Starting on or past the right edge still leaves one pixel inside.
  assert.deepEqual(clampRegion(rect(1000, 1500, 10, 10), page), rect(999, 1499, 1, 1));
  assert.deepEqual(
    clampRegion(
      {
        type: "polygon",
        points: [
          [-5, 10],
          [1200, 10],
          [500, 1600],
        ],
      },
      page,
    ),
    {
      type: "polygon",
      points: [
        [0, 10],
        [1000, 10],
        [500, 1500],
      ],
    },
  );
  assert.deepEqual(clampRegions([rect(0, 0, 10, 10), rect(990, 0, 50, 10)], page), [
    rect(0, 0, 10, 10),
    rect(990, 0, 10, 10),
  ]);
});

test("move: by the delta, stopping at the edges without changing size or form", () => {
  assert.deepEqual(moveRegion(rect(100, 100, 200, 200), 1, 10, page), rect(101, 110, 200, 200));
  assert.deepEqual(moveRegion(rect(100, 100, 200, 200), -500, 2000, page), rect(0, 1300, 200, 200));
  assert.deepEqual(moveRegion(rect(100, 100, 200, 200), 5000, -5000, page), rect(800, 0, 200, 200));
  // A polygon stops as a whole: its points are not squashed against the edge.
  assert.deepEqual(moveRegion(triangle, -150, 0, page), {
    type: "polygon",
    points: [
      [0, 100],
      [200, 100],
      [100, 400],
    ],
  });
  // A shape wider than the image goes to the left edge rather than off it.
  assert.deepEqual(moveRegion(rect(10, 0, 1200, 100), 30, 0, page), rect(0, 0, 1200, 100));
});

test("resize by a corner handle; dragging past the opposite side flips the rectangle", () => {
  const box = rect(100, 100, 200, 200);
  assert.deepEqual(resizeRect(box, "se", [400, 350]), rect(100, 100, 300, 250));
  assert.deepEqual(resizeRect(box, "nw", [50, 80]), rect(50, 80, 250, 220));
  assert.deepEqual(resizeRect(box, "ne", [350, 150]), rect(100, 150, 250, 150));
  assert.deepEqual(resizeRect(box, "sw", [150, 500]), rect(150, 100, 150, 400));
  assert.deepEqual(resizeRect(box, "se", [50, 60]), rect(50, 60, 50, 40));
  assert.deepEqual(resizeRect(box, "se", [100, 100]), rect(100, 100, 1, 1));
  assert.deepEqual(cornerPoint(box, "ne"), [300, 100]);
  assert.deepEqual(cornerPoint(box, "sw"), [100, 300]);
});

test("scale on image replacement: to a tenth of a pixel, rectangles at least 1×1", () => {
  const regions: Region[] = [rect(100, 200, 300, 1), triangle];
  assert.deepEqual(scaleRegions(regions, 0.5, 1 / 3), [
    rect(50, 66.7, 150, 1),
    {
      type: "polygon",
      points: [
        [50, 33.3],
        [150, 33.3],
        [100, 133.3],
      ],
    },
  ]);
  assert.deepEqual(scaleRegions([rect(0, 0, 1, 1)], 0.1, 0.1), [rect(0, 0, 1, 1)]);
});

test("a tap is too small to be a region; a drag is not", () => {
  assert.ok(isTooSmall(rect(10, 10, 5, 300), page));
  assert.ok(isTooSmall(rect(10, 10, 300, 14), page));
  assert.ok(!isTooSmall(rect(10, 10, 10, 15), page));
});

test("polygon helpers: area, containment, SVG points", () => {
  assert.equal(regionArea(rect(0, 0, 20, 30)), 600);
  assert.equal(regionArea(triangle), 30_000);
  assert.ok(containsPoint(triangle, [200, 200]));
  assert.ok(!containsPoint(triangle, [120, 350]));
  assert.ok(containsPoint(rect(0, 0, 10, 10), [10, 10]));
  assert.ok(!containsPoint(rect(0, 0, 10, 10), [10.5, 5]));
  assert.equal(svgPoints(triangle.points), "100,100 300,100 200,400");
});

test("CSS: percentages of the image, a polygon clipped within its box", () => {
  assert.equal(percent(250, 1000), "25.0000%");
  assert.equal(percent(-5, 1000), "0.0000%");
  assert.equal(percent(2000, 1000), "100.0000%");
  // A box of zero width (all points on a line) must not give NaN.
  assert.equal(percent(5, 0), "0.0000%");
  assert.deepEqual(regionStyle(rect(100, 150, 500, 300), page), {
    left: "10.0000%",
    top: "10.0000%",
    width: "50.0000%",
    height: "20.0000%",
  });
  assert.deepEqual(regionStyle(triangle, page), {
    left: "10.0000%",
    top: "6.6667%",
    width: "20.0000%",
    height: "20.0000%",
    clipPath: "polygon(0.0000% 0.0000%, 100.0000% 0.0000%, 50.0000% 100.0000%)",
  });
});
