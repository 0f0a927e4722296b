import { test } from "node:test";
import assert from "node:assert/strict";
import sharp from "sharp";
import { UploadError, checkPageImage } from "./page-upload";

const refusal = (pattern: RegExp, status?: number) => (error: unknown) =>
  error instanceof UploadError && pattern.test(error.message) && (status === undefined || error.status === status);

test("JPEG, PNG and WebP are accepted, by their bytes", async () => {
  const base = sharp({ create: { width: 400, height: 600, channels: 3, background: "#fff" } });
  for (const [format, extension] of [
    ["jpeg", "jpg"],
    ["png", "png"],
    ["webp", "webp"],
  ] as const) {
    const bytes = await base.clone().toFormat(format).toBuffer();
    assert.deepEqual(await checkPageImage(bytes), { extension, width: 400, height: 600 });
  }
});

test("a text file renamed .jpg, an SVG with a script, a GIF and an empty file are refused", async () => {
  await assert.rejects(checkPageImage(Buffer.from("hello, I am text")), refusal(/只支持 JPEG、PNG 或 WebP/, 415));
  await assert.rejects(
    checkPageImage(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')),
    refusal(/只支持/, 415),
  );
  const gif = await sharp({ create: { width: 300, height: 300, channels: 3, background: "#000" } })
    .gif()
    .toBuffer();
  await assert.rejects(checkPageImage(gif), refusal(/image\/gif/, 415));
  await assert.rejects(checkPageImage(Buffer.alloc(0)), refusal(/空/));
  await assert.rejects(
    checkPageImage(Buffer.from("%PDF-1.7\n1 0 obj\n<<>>\nendobj\n")),
    refusal(/只支持 JPEG、PNG 或 WebP 图片（这是 application\/pdf 文件）/, 415),
  );
});

test("too many pixels, too small, too big and truncated files are refused", async () => {
  const huge = await sharp({ create: { width: 16_001, height: 300, channels: 3, background: "#fff" } })
    .png({ compressionLevel: 9 })
    .toBuffer();
  await assert.rejects(checkPageImage(huge), refusal(/图片尺寸太大/, 413));
  const tiny = await sharp({ create: { width: 50, height: 50, channels: 3, background: "#fff" } })
    .png()
    .toBuffer();
  await assert.rejects(checkPageImage(tiny), refusal(/图片太小/));
  await assert.rejects(checkPageImage(Buffer.alloc(41 * 1024 * 1024)), refusal(/文件太大/, 413));
  const jpeg = await sharp({ create: { width: 400, height: 600, channels: 3, background: "#abc" } })
    .jpeg()
    .toBuffer();
  await assert.rejects(checkPageImage(jpeg.subarray(0, 300)), refusal(/损坏|不完整/));
});
