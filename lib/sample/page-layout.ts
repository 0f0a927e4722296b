// Lays out a sample page like a printed broadsheet and renders it as SVG:
// masthead or page header, a lead story across the top, the rest in two
// columns. Returns the SVG and each article's region in image pixels, so the
// clickable regions match what the image shows.
import type { Region } from "../content";

export const PAGE_WIDTH = 1500;
export const PAGE_HEIGHT = 2100;
const MARGIN = 60;
const GAP = 28;
const SERIF = "Noto Serif CJK SC, Noto Serif CJK, serif";
const SANS = "Noto Sans CJK SC, Noto Sans CJK, sans-serif";

export type LayoutArticle = {
  kicker?: string | null;
  title: string;
  subtitle?: string | null;
  byline?: string | null;
  text: string[];
  /** e.g. "（下转第8版）", printed at the end of the region. */
  jumpTo?: string;
  /** e.g. "（上接第1版）", printed before the text. */
  jumpFrom?: string;
};

export type LayoutPage = {
  publicationName: string;
  code: string;
  name: string;
  dateLabel: string;
  issueLabel: string;
  front: boolean;
  articles: LayoutArticle[];
};

const escapeXml = (text: string) => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

function wrap(text: string, perLine: number): string[] {
  const chars = Array.from(text);
  const lines: string[] = [];
  for (let i = 0; i < chars.length; i += perLine) lines.push(chars.slice(i, i + perLine).join(""));
  return lines;
}

type Rect = { x: number; y: number; w: number; h: number };

function renderArticle(article: LayoutArticle, rect: Rect, lead: boolean): string {
  const pad = 14;
  const width = rect.w - pad * 2;
  const out: string[] = [];
  let y = rect.y + pad;
  const line = (
    text: string,
    size: number,
    opts: { font?: string; weight?: number; fill?: string; center?: boolean } = {},
  ) => {
    y += size;
    const x = opts.center ? rect.x + rect.w / 2 : rect.x + pad;
    out.push(
      `<text x="${x}" y="${y}" font-family="${opts.font ?? SERIF}" font-size="${size}" font-weight="${opts.weight ?? 400}" fill="${opts.fill ?? "#1a1a1a"}"${opts.center ? ' text-anchor="middle"' : ""}>${escapeXml(text)}</text>`,
    );
    y += size * 0.35;
  };
  if (article.kicker) line(article.kicker, lead ? 30 : 24, { font: SANS, fill: "#555", center: lead });
  const titleSize = lead ? 64 : article.title.length > 12 ? 38 : 44;
  for (const part of wrap(article.title, Math.floor(width / titleSize)))
    line(part, titleSize, { font: SANS, weight: 700, center: lead });
  if (article.subtitle) line(`——${article.subtitle}`, lead ? 30 : 24, { font: SANS, fill: "#333", center: lead });
  if (article.byline) line(article.byline, 22, { font: SANS, fill: "#666", center: lead });
  y += 8;
  const size = 21;
  const perLine = Math.floor(width / size);
  const bottom = rect.y + rect.h - pad;
  const bodyLines = article.text.flatMap((p, i) =>
    wrap(i === 0 && article.jumpFrom ? `${article.jumpFrom}${p}` : `\u3000\u3000${p}`, perLine),
  );
  const room = Math.max(0, Math.floor((bottom - y) / (size * 1.6)) - (article.jumpTo ? 1 : 0));
  for (const bodyLine of bodyLines.slice(0, room)) {
    y += size;
    out.push(
      `<text x="${rect.x + pad}" y="${y}" font-family="${SERIF}" font-size="${size}" fill="#333">${escapeXml(bodyLine)}</text>`,
    );
    y += size * 0.6;
  }
  if (article.jumpTo) {
    y += size;
    out.push(
      `<text x="${rect.x + rect.w - pad}" y="${Math.min(y, bottom)}" font-family="${SANS}" font-size="${size}" fill="#a4161a" text-anchor="end">${escapeXml(article.jumpTo)}</text>`,
    );
  }
  return out.join("\n");
}

/** Heights proportional to weights, filling `total` with gaps between. */
function split(total: number, weights: number[]): number[] {
  const free = total - GAP * (weights.length - 1);
  const sum = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => Math.floor((free * w) / sum));
}

export function layoutPage(page: LayoutPage): { svg: string; regions: Region[] } {
  const parts: string[] = [`<rect width="${PAGE_WIDTH}" height="${PAGE_HEIGHT}" fill="#fbfaf6"/>`];
  let top: number;
  if (page.front) {
    parts.push(
      `<text x="${PAGE_WIDTH / 2}" y="190" font-family="${SERIF}" font-size="150" font-weight="700" fill="#a4161a" text-anchor="middle" letter-spacing="30">${escapeXml(page.publicationName)}</text>`,
      `<text x="${MARGIN}" y="262" font-family="${SANS}" font-size="24" fill="#333">${escapeXml(page.dateLabel)}</text>`,
      `<text x="${PAGE_WIDTH - MARGIN}" y="262" font-family="${SANS}" font-size="24" fill="#333" text-anchor="end">${escapeXml(page.issueLabel)}　今日8版</text>`,
      `<rect x="${MARGIN}" y="282" width="${PAGE_WIDTH - MARGIN * 2}" height="6" fill="#a4161a"/>`,
    );
    top = 310;
  } else {
    parts.push(
      `<text x="${MARGIN}" y="92" font-family="${SANS}" font-size="44" font-weight="700" fill="#a4161a">${escapeXml(page.code.toUpperCase())}</text>`,
      `<text x="${MARGIN + 110}" y="92" font-family="${SANS}" font-size="40" font-weight="700" fill="#1a1a1a">${escapeXml(page.name)}</text>`,
      `<text x="${PAGE_WIDTH - MARGIN}" y="92" font-family="${SANS}" font-size="24" fill="#444" text-anchor="end">${escapeXml(`${page.publicationName}　${page.dateLabel}`)}</text>`,
      `<rect x="${MARGIN}" y="116" width="${PAGE_WIDTH - MARGIN * 2}" height="4" fill="#1a1a1a"/>`,
    );
    top = 140;
  }
  const bottom = PAGE_HEIGHT - MARGIN;
  const fullWidth = PAGE_WIDTH - MARGIN * 2;
  const rects: Rect[] = [];
  const [lead, ...rest] = page.articles;
  if (lead) {
    const leadHeight = rest.length ? Math.floor((bottom - top) * 0.36) : bottom - top;
    rects.push({ x: MARGIN, y: top, w: fullWidth, h: leadHeight });
    top += leadHeight + GAP;
  }
  const columnWidth = Math.floor((fullWidth - GAP) / 2);
  const left = rest.filter((_, i) => i % 2 === 0);
  const right = rest.filter((_, i) => i % 2 === 1);
  for (const [column, articles] of [left, right].entries()) {
    const heights = split(
      bottom - top,
      articles.map((a) => 1 + Math.min(a.text.join("").length, 900) / 450),
    );
    let y = top;
    for (const height of heights) {
      rects.push({ x: MARGIN + column * (columnWidth + GAP), y, w: columnWidth, h: height });
      y += height + GAP;
    }
  }
  // rects are in lead, left column…, right column… order; map back to article order.
  const ordered: Rect[] = [];
  if (lead) ordered.push(rects[0]);
  const leftRects = rects.slice(lead ? 1 : 0, (lead ? 1 : 0) + left.length);
  const rightRects = rects.slice((lead ? 1 : 0) + left.length);
  rest.forEach((_, i) => ordered.push(i % 2 === 0 ? leftRects[i / 2] : rightRects[(i - 1) / 2]));

  page.articles.forEach((article, i) => {
    const rect = ordered[i];
    parts.push(renderArticle(article, rect, i === 0));
    parts.push(
      `<line x1="${rect.x}" y1="${rect.y + rect.h + GAP / 2}" x2="${rect.x + rect.w}" y2="${rect.y + rect.h + GAP / 2}" stroke="#999" stroke-width="1"/>`,
    );
  });
  if (rest.length) {
    const x = MARGIN + columnWidth + GAP / 2;
    parts.push(`<line x1="${x}" y1="${top}" x2="${x}" y2="${bottom}" stroke="#999" stroke-width="1"/>`);
  }
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${PAGE_WIDTH}" height="${PAGE_HEIGHT}" viewBox="0 0 ${PAGE_WIDTH} ${PAGE_HEIGHT}">\n${parts.join("\n")}\n</svg>`;
  const regions: Region[] = ordered.map((r) => ({ type: "rect", x: r.x, y: r.y, w: r.w, h: r.h }));
  return { svg, regions };
}
