import { test } from "node:test";
import assert from "node:assert/strict";
import { clipFromFractions, clipSegment, isClipInside, MIN_CLIP_SIDE, parseClipSegment } from "./clips";

const image = { width: 2755, height: 3858 };

test("a clip segment is four whole numbers; anything else is not a clip", () => {
  assert.deepEqual(parseClipSegment("10,20,300,400"), { x: 10, y: 20, w: 300, h: 400 });
  for (const bad of [
    "",
    "1,2,3",
    "1,2,3,4,5",
    "-1,2,3,4",
    "1.5,2,3,4",
    "1,2,3,4 ",
    "a,b,c,d",
    "999999,1,1,1",
    "1%2C2,3,4",
  ])
    assert.equal(parseClipSegment(bad), null, bad);
  assert.equal(clipSegment({ x: 1, y: 2, w: 30, h: 40 }), "1,2,30,40");
});

test("a clip must lie inside the image and be big enough to read", () => {
  assert.equal(isClipInside({ x: 0, y: 0, w: 2755, h: 3858 }, image), true);
  assert.equal(isClipInside({ x: 1, y: 0, w: 2755, h: 3858 }, image), false);
  assert.equal(isClipInside({ x: 0, y: 3800, w: 100, h: 100 }, image), false);
  assert.equal(isClipInside({ x: 0, y: 0, w: MIN_CLIP_SIDE - 1, h: 100 }, image), false);
  assert.equal(isClipInside({ x: 0, y: 0, w: 0, h: 0 }, image), false);
});

test("a selection in page fractions becomes a clip inside the image, any corner first, never too small", () => {
  assert.deepEqual(clipFromFractions({ x0: 0.5, y0: 0.5, x1: 0.1, y1: 0.1 }, { width: 1000, height: 2000 }), {
    x: 100,
    y: 200,
    w: 400,
    h: 800,
  });
  // Past the edges: clamped.
  const whole = clipFromFractions({ x0: -0.2, y0: -1, x1: 1.3, y1: 2 }, image);
  assert.deepEqual(whole, { x: 0, y: 0, w: 2755, h: 3858 });
  // A click without a drag: grown to the smallest side, still inside at the corner.
  const dot = clipFromFractions({ x0: 1, y0: 1, x1: 1, y1: 1 }, image);
  assert.deepEqual(dot, { x: 2755 - MIN_CLIP_SIDE, y: 3858 - MIN_CLIP_SIDE, w: MIN_CLIP_SIDE, h: MIN_CLIP_SIDE });
  assert.ok(isClipInside(dot, image));
});
