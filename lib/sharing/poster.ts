// 分享海报: one long PNG for WeChat Moments — the masthead, the page with the
// article's region outlined, the headline, date and page, the first lines and
// a QR code to the article. Drawn on the server with sharp: text is set by
// Pango in the project's own Noto fonts (lib/fonts.ts), so CJK never depends
// on the fonts a machine happens to have. Each poster is kept in storage under
// a key derived from everything drawn on it.
import { createHash } from "node:crypto";
import QRCode from "qrcode";
import sharp, { type OverlayOptions } from "sharp";
import type { Region } from "@/lib/content";
import { cjkFontFile, type CjkFontStyle, type CjkFontWeight } from "@/lib/fonts";
import { getFile, putFile } from "@/lib/storage";
import type { PageImageSource } from "./cards";

/** 750 px: twice a phone's 375-point width, sharp on phone screens and small enough for WeChat. */
export const POSTER_WIDTH = 750;
const MARGIN = 48;
const CONTENT = POSTER_WIDTH - 2 * MARGIN;
const RED = "#a4161a";
/** Bumped when the drawing changes, so posters made before are not reused. */
const POSTER_VERSION = 1;
/** The longest headline drawn in full; longer ones are cut with "…". */
const MAX_TITLE = 60;
const MAX_LEAD = 90;

export type PosterInput = {
  publication: string;
  /** "2026年11月25日 第A01版：要闻" */
  dateLine: string;
  title: string;
  subtitle: string | null;
  lead: string;
  /** Absolute URL the QR code opens. */
  url: string;
  page: { source: PageImageSource; regions: Region[] } | null;
};

function cut(text: string, max: number): string {
  const chars = Array.from(text.trim());
  return chars.length > max ? `${chars.slice(0, max - 1).join("")}…` : chars.join("");
}

function escapeMarkup(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

const FAMILIES: Record<CjkFontStyle, string> = { sans: "Noto Sans SC", serif: "Noto Serif SC" };

export type TextBlock = { data: Buffer; width: number; height: number };

/** Text set in one of the project's fonts, wrapped to `width`, as a transparent PNG. */
export async function renderText(
  text: string,
  options: { style: CjkFontStyle; weight: CjkFontWeight; size: number; color: string; width: number },
): Promise<TextBlock> {
  const family = `${FAMILIES[options.style]}${options.weight === "bold" ? " Bold" : ""}`;
  const { data, info } = await sharp({
    text: {
      text: `<span foreground="${options.color}">${escapeMarkup(text)}</span>`,
      font: `${family} ${options.size}`,
      fontfile: cjkFontFile(options.style, options.weight),
      width: options.width,
      dpi: 72,
      rgba: true,
      wrap: "word-char",
      spacing: Math.round(options.size * 0.3),
    },
  })
    .png()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

function regionShapes(regions: Region[], scale: number): string {
  return regions
    .map((region) =>
      region.type === "rect"
        ? `<rect x="${region.x * scale}" y="${region.y * scale}" width="${region.w * scale}" height="${region.h * scale}"/>`
        : `<polygon points="${region.points.map(([x, y]) => `${x * scale},${y * scale}`).join(" ")}"/>`,
    )
    .join("");
}

/** The page scaled to the poster's width with the article's regions outlined; null if its image is missing. */
async function pageWithRegions(page: NonNullable<PosterInput["page"]>): Promise<TextBlock | null> {
  const { original, variants } = page.source;
  const source =
    [...variants].sort((a, b) => a.width - b.width).find((variant) => variant.width >= CONTENT) ?? original;
  const bytes = await getFile(source.key);
  if (!bytes) return null;
  const height = Math.round((original.height * CONTENT) / original.width);
  const scale = CONTENT / original.width;
  const overlay = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CONTENT}" height="${height}">` +
      `<g fill="${RED}" fill-opacity="0.10" stroke="${RED}" stroke-width="5" stroke-linejoin="round">${regionShapes(page.regions, scale)}</g>` +
      `<rect x="0.5" y="0.5" width="${CONTENT - 1}" height="${height - 1}" fill="none" stroke="#bbbbbb"/></svg>`,
  );
  const data = await sharp(bytes, { limitInputPixels: 60_000_000 })
    .resize(CONTENT, height, { fit: "fill" })
    .composite([{ input: overlay }])
    .png()
    .toBuffer();
  return { data, width: CONTENT, height };
}

/** Draws the poster. */
export async function renderPoster(input: PosterInput): Promise<Buffer> {
  const layers: OverlayOptions[] = [];
  let y = 0;
  const masthead = await renderText(input.publication, {
    style: "serif",
    weight: "bold",
    size: 44,
    color: "#ffffff",
    width: CONTENT,
  });
  const bandHeight = masthead.height + 56;
  layers.push({
    input: Buffer.from(
      `<svg xmlns="http://www.w3.org/2000/svg" width="${POSTER_WIDTH}" height="${bandHeight}"><rect width="100%" height="100%" fill="${RED}"/></svg>`,
    ),
    left: 0,
    top: 0,
  });
  layers.push({ input: masthead.data, left: Math.round((POSTER_WIDTH - masthead.width) / 2), top: 28 });
  y = bandHeight + 32;

  const page = input.page && (await pageWithRegions(input.page));
  if (page) {
    layers.push({ input: page.data, left: MARGIN, top: y });
    y += page.height + 36;
  }

  const blocks: [TextBlock, number][] = [
    [
      await renderText(cut(input.title, MAX_TITLE), {
        style: "serif",
        weight: "bold",
        size: 46,
        color: "#111111",
        width: CONTENT,
      }),
      16,
    ],
  ];
  if (input.subtitle)
    blocks.push([
      await renderText(cut(input.subtitle, MAX_TITLE), {
        style: "serif",
        weight: "regular",
        size: 30,
        color: "#333333",
        width: CONTENT,
      }),
      16,
    ]);
  blocks.push([
    await renderText(input.dateLine, { style: "sans", weight: "regular", size: 26, color: RED, width: CONTENT }),
    20,
  ]);
  if (input.lead)
    blocks.push([
      await renderText(cut(input.lead, MAX_LEAD), {
        style: "sans",
        weight: "regular",
        size: 30,
        color: "#333333",
        width: CONTENT,
      }),
      32,
    ]);
  for (const [block, after] of blocks) {
    layers.push({ input: block.data, left: MARGIN, top: y });
    y += block.height + after;
  }

  layers.push({
    input: Buffer.from(
      `<svg xmlns="http://www.w3.org/2000/svg" width="${CONTENT}" height="2"><rect width="100%" height="100%" fill="#dddddd"/></svg>`,
    ),
    left: MARGIN,
    top: y,
  });
  y += 32;
  const qrSize = 200;
  const qr = await QRCode.toBuffer(input.url, { type: "png", width: qrSize, margin: 1, errorCorrectionLevel: "M" });
  layers.push({ input: qr, left: MARGIN, top: y });
  const call = await renderText("长按识别二维码\n阅读全文", {
    style: "sans",
    weight: "bold",
    size: 32,
    color: "#111111",
    width: CONTENT - qrSize - 32,
  });
  const host = await renderText(new URL(input.url).host, {
    style: "sans",
    weight: "regular",
    size: 22,
    color: "#666666",
    width: CONTENT - qrSize - 32,
  });
  const textTop = y + Math.max(0, Math.round((qrSize - call.height - host.height - 12) / 2));
  layers.push({ input: call.data, left: MARGIN + qrSize + 32, top: textTop });
  layers.push({ input: host.data, left: MARGIN + qrSize + 32, top: textTop + call.height + 12 });
  y += qrSize + MARGIN;

  return sharp({ create: { width: POSTER_WIDTH, height: y, channels: 3, background: "#ffffff" } })
    .composite(layers)
    .png({ compressionLevel: 9 })
    .toBuffer();
}

/** The storage key a poster is kept under. */
export function posterKey(input: PosterInput): string {
  const page = input.page && { key: input.page.source.original.key, regions: input.page.regions };
  const hash = createHash("sha256")
    .update(JSON.stringify([POSTER_VERSION, { ...input, page }]))
    .digest("hex")
    .slice(0, 40);
  return `posters/${hash.slice(0, 2)}/${hash}.png`;
}

const pending = new Map<string, Promise<Buffer>>();

/** The poster, from storage when it was drawn before; concurrent requests share one drawing. */
export async function getPoster(input: PosterInput): Promise<Buffer> {
  const key = posterKey(input);
  const running = pending.get(key);
  if (running) return running;
  const work = (async () => {
    const cached = await getFile(key);
    if (cached) return cached;
    const data = await renderPoster(input);
    await putFile(key, data);
    return data;
  })().finally(() => pending.delete(key));
  pending.set(key, work);
  return work;
}
