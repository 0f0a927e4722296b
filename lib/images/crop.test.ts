import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { getFile, putFile, removeFile } from "../storage";
import { cropGeometry, cropImage, cropKey, pickSource, type ImageSource } from "./crop";

let storage: string;
const original: ImageSource = { key: "test/page/original.png", width: 1000, height: 1500 };
// The variant is deliberately a different colour, so a test can tell which file a crop was read from.
const variant: ImageSource = { key: "test/page/medium.png", width: 500, height: 750 };

before(async () => {
  storage = await mkdtemp(path.join(tmpdir(), "banmian-crop-"));
  process.env.STORAGE_DIR = storage;
  // White page with a red block at x 200–600, y 300–500.
  const red = await sharp({ create: { width: 400, height: 200, channels: 3, background: "#ff0000" } })
    .png()
    .toBuffer();
  await putFile(
    original.key,
    await sharp({ create: { width: 1000, height: 1500, channels: 3, background: "#ffffff" } })
      .composite([{ input: red, left: 200, top: 300 }])
      .png()
      .toBuffer(),
  );
  await putFile(
    variant.key,
    await sharp({ create: { width: 500, height: 750, channels: 3, background: "#0000ff" } })
      .png()
      .toBuffer(),
  );
});
after(() => rm(storage, { recursive: true, force: true }));

async function meanColour(data: Buffer): Promise<[number, number, number]> {
  const { channels } = await sharp(data).stats();
  return [channels[0].mean, channels[1].mean, channels[2].mean].map(Math.round) as [number, number, number];
}

test("geometry: clamps to the image, rounds outwards, scales down to the bounds and never up", () => {
  const image = { width: 1000, height: 1500 };
  assert.deepEqual(cropGeometry({ x: 10.4, y: 20.6, w: 100.2, h: 50 }, image, { maxWidth: 1200, maxHeight: 1200 }), {
    rect: { x: 10, y: 20, w: 101, h: 51 },
    width: 101,
    height: 51,
  });
  // Off the edges: only the part on the image.
  assert.deepEqual(cropGeometry({ x: -50, y: 1400, w: 200, h: 500 }, image, { maxWidth: 1200, maxHeight: 1200 }), {
    rect: { x: 0, y: 1400, w: 150, h: 100 },
    width: 150,
    height: 100,
  });
  // Bounded by the tighter side: 800×400 into 200×200 is 200×100.
  assert.deepEqual(cropGeometry({ x: 0, y: 0, w: 800, h: 400 }, image, { maxWidth: 200, maxHeight: 200 }), {
    rect: { x: 0, y: 0, w: 800, h: 400 },
    width: 200,
    height: 100,
  });
  // Wholly outside: still at least one pixel, never a zero-sized extract.
  const outside = cropGeometry({ x: 5000, y: 5000, w: 10, h: 10 }, image, { maxWidth: 100, maxHeight: 100 });
  assert.deepEqual(outside.rect, { x: 999, y: 1499, w: 1, h: 1 });
});

test("source choice: the smallest rendition sharp enough, else the original", () => {
  const large = { key: "l", width: 700, height: 1050 };
  // 400 px of the original are 200 px in the 500-wide variant: enough for 200 wide, not for 300.
  assert.equal(pickSource(original, [large, variant], 400, 200), variant);
  assert.equal(pickSource(original, [large, variant], 400, 250), large);
  assert.equal(pickSource(original, [large, variant], 400, 400), original);
  assert.equal(pickSource(original, [], 400, 10), original);
});

test("crops the rectangle from the original at full size", async () => {
  const crop = await cropImage({ original, rect: { x: 200, y: 300, w: 400, h: 200 }, maxWidth: 1200, maxHeight: 1200 });
  assert.ok(crop);
  assert.equal(crop.contentType, "image/jpeg");
  const meta = await sharp(crop.data).metadata();
  assert.deepEqual([meta.format, meta.width, meta.height], ["jpeg", 400, 200]);
  const [r, g, b] = await meanColour(crop.data);
  assert.ok(r > 240 && g < 20 && b < 20, `expected the red block, got ${r},${g},${b}`);
});

test("a small output reads the smaller variant", async () => {
  const crop = await cropImage({
    original,
    variants: [variant],
    rect: { x: 200, y: 300, w: 400, h: 200 },
    maxWidth: 100,
    maxHeight: 100,
    format: "png",
  });
  assert.ok(crop);
  const meta = await sharp(crop.data).metadata();
  assert.deepEqual([meta.format, meta.width, meta.height], ["png", 100, 50]);
  const [r, , b] = await meanColour(crop.data);
  assert.ok(b > 240 && r < 20, "read from the blue variant");
});

test("made once: a second request reads the stored crop, even when the source is gone", async () => {
  const request = {
    original: { ...original, key: "test/once/original.png" },
    rect: { x: 0, y: 0, w: 300, h: 300 },
    maxWidth: 200,
    maxHeight: 200,
    format: "webp" as const,
  };
  await putFile(request.original.key, (await getFile(original.key))!);
  const [first, concurrent] = await Promise.all([cropImage(request), cropImage(request)]);
  assert.ok(first && concurrent);
  assert.equal(first.key, cropKey(request));
  assert.deepEqual(await getFile(first.key), first.data);
  await removeFile(request.original.key);
  const second = await cropImage(request);
  assert.deepEqual(second?.data, first.data);
  assert.deepEqual([second?.width, second?.height], [200, 200]);
});

test("the key changes with every input that shapes the crop", () => {
  const base = { original, rect: { x: 0, y: 0, w: 100, h: 100 }, maxWidth: 50, maxHeight: 50 };
  const keys = new Set([
    cropKey(base),
    cropKey({ ...base, original: { ...original, key: "test/other/original.png" } }),
    cropKey({ ...base, rect: { x: 1, y: 0, w: 100, h: 100 } }),
    cropKey({ ...base, maxWidth: 40 }),
    cropKey({ ...base, format: "png" }),
  ]);
  assert.equal(keys.size, 5);
  // Sub-pixel differences that give the same crop share it.
  assert.equal(cropKey({ ...base, rect: { x: 0.2, y: 0, w: 99.5, h: 100 } }), cropKey(base));
});

test("a missing source is null, not an error", async () => {
  assert.equal(
    await cropImage({
      original: { key: "test/missing.png", width: 10, height: 10 },
      rect: { x: 0, y: 0, w: 5, h: 5 },
      maxWidth: 5,
      maxHeight: 5,
    }),
    null,
  );
});
