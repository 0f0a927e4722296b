import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { storeArticleImage } from "./admin/page-upload";
import { storePageImage, withoutMetadata } from "./page-image";
import { EXIF_MARKER, jpegWithGps, metadataIn } from "./testing/exif";

let storage: string;

before(async () => {
  storage = await mkdtemp(path.join(tmpdir(), "banmian-page-image-"));
  process.env.STORAGE_DIR = storage;
});
after(() => rm(storage, { recursive: true, force: true }));

async function imageFilesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && /\.(jpg|png|webp)$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

test("the test image really carries GPS EXIF (so the tests below can fail)", async () => {
  assert.deepEqual(await metadataIn(await jpegWithGps()), ["EXIF", "the EXIF text"]);
});

test("a page image's stored original, sizes and tiles carry no EXIF, GPS or other metadata", async () => {
  // The original used to be stored byte for byte, GPS position included, and is served at /media/….
  const stored = await storePageImage(await jpegWithGps(), "pages/e1/p1-test", "jpg");
  const files = await imageFilesUnder(path.join(storage, "pages/e1/p1-test"));
  assert.ok(files.length > 4, "original, three sizes and tiles");
  for (const file of files) assert.deepEqual(await metadataIn(await readFile(file)), [], file);
  assert.deepEqual([stored.imageWidth, stored.imageHeight], [800, 1100]);
});

test("an article image's stored original and display copy carry no metadata", async () => {
  const { key } = await storeArticleImage(7, await jpegWithGps(1000, 700));
  const files = await imageFilesUnder(path.join(storage, path.dirname(key)));
  assert.equal(files.length, 2);
  for (const file of files) assert.deepEqual(await metadataIn(await readFile(file)), [], file);
});

test("PNG and WebP keep their format and size without their metadata", async () => {
  const base = sharp({ create: { width: 500, height: 700, channels: 3, background: "#fff" } }).withExif({
    IFD0: { Artist: EXIF_MARKER },
  });
  for (const [format, extension] of [
    ["png", "png"],
    ["webp", "webp"],
  ] as const) {
    const bytes = await base.clone().toFormat(format).toBuffer();
    assert.notDeepEqual(await metadataIn(bytes), []);
    const clean = await withoutMetadata(bytes, extension);
    assert.deepEqual(await metadataIn(clean), []);
    const metadata = await sharp(clean).metadata();
    assert.deepEqual([metadata.format, metadata.width, metadata.height], [format, 500, 700]);
  }
});
