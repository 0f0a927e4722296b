// Lays out a sample page like a printed broadsheet: masthead or page header,
// a lead story across the top, the rest in two columns. The layout is a list
// of drawing elements in page pixels; lib/sample/page-svg.ts and
// lib/sample/page-pdf.ts draw the same list as an SVG image and as a PDF with
// real text, so the page image, the 本版PDF and each article's region (in
// image pixels) all agree.
import type { Region } from "../content";

export const PAGE_WIDTH = 1500;
export const PAGE_HEIGHT = 2100;
const MARGIN = 60;
const GAP = 28;
type Font = "serif" | "sans";
const SERIF: Font = "serif";
const SANS: Font = "sans";

/** One thing drawn on the page, in page pixels; text is placed at its baseline. */
export type LayoutElement =
  | {
      kind: "text";
      x: number;
      y: number;
      text: string;
      size: number;
      font: Font;
      bold: boolean;
      fill: string;
      anchor: "start" | "middle" | "end";
      letterSpacing?: number;
    }
  | { kind: "rect"; x: number; y: number; w: number; h: number; fill: string }
  | { kind: "line"; x1: number; y1: number; x2: number; y2: number; stroke: string; width: number };

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

function wrap(text: string, perLine: number): string[] {
  const chars = Array.from(text);
  const lines: string[] = [];
  for (let i = 0; i < chars.length; i += perLine) lines.push(chars.slice(i, i + perLine).join(""));
  return lines;
}

type Rect = { x: number; y: number; w: number; h: number };

function renderArticle(article: LayoutArticle, rect: Rect, lead: boolean): LayoutElement[] {
  const pad = 14;
  const width = rect.w - pad * 2;
  const out: LayoutElement[] = [];
  let y = rect.y + pad;
  const line = (
    content: string,
    size: number,
    opts: { font?: Font; bold?: boolean; fill?: string; center?: boolean },
  ) => {
    y += size;
    const x = opts.center ? rect.x + rect.w / 2 : rect.x + pad;
    out.push(text(x, y, content, size, { ...opts, anchor: opts.center ? "middle" : "start" }));
    y += size * 0.35;
  };
  if (article.kicker) line(article.kicker, lead ? 30 : 24, { font: SANS, fill: "#555", center: lead });
  const titleSize = lead ? 64 : article.title.length > 12 ? 38 : 44;
  for (const part of wrap(article.title, Math.floor(width / titleSize)))
    line(part, titleSize, { font: SANS, bold: true, center: lead });
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
    out.push(text(rect.x + pad, y, bodyLine, size, { fill: "#333" }));
    y += size * 0.6;
  }
  if (article.jumpTo) {
    y += size;
    out.push(
      text(rect.x + rect.w - pad, Math.min(y, bottom), article.jumpTo, size, {
        font: SANS,
        fill: "#a4161a",
        anchor: "end",
      }),
    );
  }
  return out;
}

function text(
  x: number,
  y: number,
  content: string,
  size: number,
  opts: {
    font?: Font;
    bold?: boolean;
    fill?: string;
    anchor?: "start" | "middle" | "end";
    letterSpacing?: number;
  } = {},
): LayoutElement {
  return {
    kind: "text",
    x,
    y,
    text: content,
    size,
    font: opts.font ?? SERIF,
    bold: opts.bold ?? false,
    fill: opts.fill ?? "#1a1a1a",
    anchor: opts.anchor ?? "start",
    letterSpacing: opts.letterSpacing,
  };
}

/** Heights proportional to weights, filling `total` with gaps between. */
function split(total: number, weights: number[]): number[] {
  const free = total - GAP * (weights.length - 1);
  const sum = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => Math.floor((free * w) / sum));
}

export function layoutPage(page: LayoutPage): { elements: LayoutElement[]; regions: Region[] } {
  const parts: LayoutElement[] = [{ kind: "rect", x: 0, y: 0, w: PAGE_WIDTH, h: PAGE_HEIGHT, fill: "#fbfaf6" }];
  let top: number;
  if (page.front) {
    parts.push(
      text(PAGE_WIDTH / 2, 190, page.publicationName, 150, {
        bold: true,
        fill: "#a4161a",
        anchor: "middle",
        letterSpacing: 30,
      }),
      text(MARGIN, 262, page.dateLabel, 24, { font: SANS, fill: "#333" }),
      text(PAGE_WIDTH - MARGIN, 262, `${page.issueLabel}　今日8版`, 24, { font: SANS, fill: "#333", anchor: "end" }),
      { kind: "rect", x: MARGIN, y: 282, w: PAGE_WIDTH - MARGIN * 2, h: 6, fill: "#a4161a" },
    );
    top = 310;
  } else {
    parts.push(
      text(MARGIN, 92, page.code.toUpperCase(), 44, { font: SANS, bold: true, fill: "#a4161a" }),
      text(MARGIN + 110, 92, page.name, 40, { font: SANS, bold: true }),
      text(PAGE_WIDTH - MARGIN, 92, `${page.publicationName}　${page.dateLabel}`, 24, {
        font: SANS,
        fill: "#444",
        anchor: "end",
      }),
      { kind: "rect", x: MARGIN, y: 116, w: PAGE_WIDTH - MARGIN * 2, h: 4, fill: "#1a1a1a" },
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
    parts.push(...renderArticle(article, rect, i === 0));
    const y = rect.y + rect.h + GAP / 2;
    parts.push({ kind: "line", x1: rect.x, y1: y, x2: rect.x + rect.w, y2: y, stroke: "#999", width: 1 });
  });
  if (rest.length) {
    const x = MARGIN + columnWidth + GAP / 2;
    parts.push({ kind: "line", x1: x, y1: top, x2: x, y2: bottom, stroke: "#999", width: 1 });
  }
  const regions: Region[] = ordered.map((r) => ({ type: "rect", x: r.x, y: r.y, w: r.w, h: r.h }));
  return { elements: parts, regions };
}
