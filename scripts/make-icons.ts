// npx tsx scripts/make-icons.ts — draws the site icons into public/ and
// app/favicon.ico: the character 版 in white on the masthead red, set in the
// project's own Noto Serif SC (lib/fonts.ts). Run again after changing them;
// the files are committed so builds need no font work.
import { writeFile } from "node:fs/promises";
import sharp from "sharp";
import { cjkFontFile } from "../lib/fonts";

const RED = "#a4161a";

/** A square icon; `inset` is the share of the side kept clear around the glyph (maskable icons need a safe zone). */
async function icon(size: number, inset: number, rounded: boolean): Promise<Buffer> {
  const glyphSize = Math.round(size * (1 - 2 * inset) * 0.78);
  const glyph = await sharp({
    text: {
      text: `<span foreground="#ffffff">版</span>`,
      font: `Noto Serif SC Bold ${glyphSize}px`,
      fontfile: cjkFontFile("serif", "bold"),
      rgba: true,
      dpi: 72,
    },
  })
    .png()
    .toBuffer({ resolveWithObject: true });
  const radius = rounded ? Math.round(size * 0.18) : 0;
  const background = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}"><rect width="${size}" height="${size}" rx="${radius}" fill="${RED}"/></svg>`,
  );
  return sharp(background)
    .composite([
      {
        input: glyph.data,
        left: Math.round((size - glyph.info.width) / 2),
        top: Math.round((size - glyph.info.height) / 2),
      },
    ])
    .png({ compressionLevel: 9 })
    .toBuffer();
}

/** An .ico holding PNG images (allowed since Windows Vista; every browser reads it). */
function ico(images: { size: number; png: Buffer }[]): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  const entries: Buffer[] = [];
  let offset = 6 + 16 * images.length;
  for (const { size, png } of images) {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size >= 256 ? 0 : size, 0);
    entry.writeUInt8(size >= 256 ? 0 : size, 1);
    entry.writeUInt16LE(1, 4);
    entry.writeUInt16LE(32, 6);
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += png.length;
    entries.push(entry);
  }
  return Buffer.concat([header, ...entries, ...images.map((image) => image.png)]);
}

const files: [string, Buffer][] = [
  ["public/icon-32.png", await icon(32, 0, false)],
  ["public/icon-192.png", await icon(192, 0, true)],
  ["public/icon-512.png", await icon(512, 0, true)],
  ["public/icon-maskable-512.png", await icon(512, 0.1, false)],
  ["public/apple-touch-icon.png", await icon(180, 0.04, false)],
  [
    "app/favicon.ico",
    ico(await Promise.all([16, 32, 48].map(async (size) => ({ size, png: await icon(size, 0, false) })))),
  ],
];
for (const [name, data] of files) {
  await writeFile(name, data);
  console.log(`${name}  ${data.length} bytes`);
}
