// A PDF page's text as lines and blocks with positions: what region proposals
// and 漏标 (printed text no article covers) are computed from. Pure functions;
// the characters come from PDFium (lib/pdf/pdfium.ts).
//
// Positions are in layer units, the same on both axes: the page is 10000 units
// wide (and 10000 × height / width tall), so they map onto any image of the
// page: image px = units × image width / 10000.
import { z } from "zod";

export const LAYER_UNITS = 10_000;

/** [left, top, right, bottom] in layer units. */
export type Box = [number, number, number, number];

export type TextLine = {
  /** The characters as printed, spaces between words included. */
  text: string;
  box: Box;
  /** Left edge of each character (by code point), then the right edge of the last: text length + 1 numbers. */
  edges: number[];
  /** Height of the line's characters (about the font size) in layer units. */
  size: number;
};

/** Consecutive lines of one text frame or paragraph group: same column, same size, close together. */
export type TextBlock = { box: Box; first: number; end: number };

/** `height` is the page's height in layer units (its width is LAYER_UNITS). */
export type TextLayer = { height: number; lines: TextLine[]; blocks: TextBlock[] };

const box = z.tuple([z.number(), z.number(), z.number(), z.number()]);
export const textLayerSchema = z.object({
  height: z.number().positive(),
  lines: z.array(z.object({ text: z.string(), box, edges: z.array(z.number()), size: z.number().nonnegative() })),
  blocks: z.array(z.object({ box, first: z.number().int().nonnegative(), end: z.number().int().nonnegative() })),
});

/** A character with its box in page points (top-left origin), as lib/pdf/pdfium.ts returns them. */
export type PositionedChar = {
  char: string;
  generated: boolean;
  left: number;
  top: number;
  right: number;
  bottom: number;
  fontSize: number;
};

const round = (value: number) => Math.round(value);

type Glyph = { char: string; left: number; top: number; right: number; bottom: number; size: number };

/**
 * Lines from characters in content order: a new line starts at a line break
 * PDFium inserted, when a character does not sit on the current line, when it
 * jumps back to the left, or across a gap wider than two characters (a column gutter).
 */
export function buildLines(chars: PositionedChar[], pageWidth: number): TextLine[] {
  const sx = LAYER_UNITS / pageWidth;
  const sy = sx;
  const lines: TextLine[] = [];
  let current: Glyph[] = [];
  const flush = () => {
    while (current.length && current[current.length - 1].char.trim() === "") current.pop();
    while (current.length && current[0].char.trim() === "") current.shift();
    if (current.length) {
      const top = Math.min(...current.map((g) => g.top));
      const bottom = Math.max(...current.map((g) => g.bottom));
      const sizes = current.filter((g) => g.char.trim()).map((g) => g.size);
      lines.push({
        text: current.map((g) => g.char).join(""),
        box: [round(current[0].left), round(top), round(current[current.length - 1].right), round(bottom)],
        edges: [...current.map((g) => round(g.left)), round(current[current.length - 1].right)],
        size: round(median(sizes)),
      });
    }
    current = [];
  };
  for (const c of chars) {
    if (c.char === "\r" || c.char === "\n" || c.char === "\u2028") {
      flush();
      continue;
    }
    if (c.char === "\ufffe" || c.char === "\u0002") continue; // PDFium's soft-hyphen/unknown markers
    const glyph: Glyph = {
      char: /\s/.test(c.char) ? " " : c.char,
      left: c.left * sx,
      right: Math.max(c.right, c.left) * sx,
      top: c.top * sy,
      bottom: Math.max(c.bottom, c.top) * sy,
      size: Math.max(0, (c.bottom - c.top) * sy),
    };
    const last = current[current.length - 1];
    if (last && glyph.char !== " ") {
      const lineTop = Math.min(...current.map((g) => g.top));
      const lineBottom = Math.max(...current.map((g) => g.bottom));
      const middle = (glyph.top + glyph.bottom) / 2;
      const height = Math.max(glyph.bottom - glyph.top, 1);
      // Generated spaces have empty boxes; compare against the last printed glyph.
      const previous = [...current].reverse().find((g) => g.char !== " ") ?? last;
      const sameLine = middle >= lineTop && middle <= lineBottom && glyph.left >= previous.right - height * 0.5;
      const gutter = glyph.left - previous.right > height * 2;
      if (!sameLine || gutter) flush();
    }
    if (glyph.char === " " && (!current.length || current[current.length - 1].char === " ")) continue;
    if (glyph.char === " " && last && glyph.right <= glyph.left) {
      glyph.left = last.right;
      glyph.right = last.right;
      glyph.top = last.top;
      glyph.bottom = last.bottom;
    }
    current.push(glyph);
  }
  flush();
  return lines;
}

/**
 * Blocks from lines in content order: a line joins the block before it when
 * its size is within 20%, it starts at most 1.5 lines below, and it overlaps
 * the block horizontally by at least half of the narrower of the two.
 */
export function buildBlocks(lines: TextLine[]): TextBlock[] {
  const blocks: TextBlock[] = [];
  let current: TextBlock | null = null;
  lines.forEach((line, index) => {
    if (current) {
      const previous = lines[index - 1];
      const size = Math.max(line.size, previous.size, 1);
      const similar = Math.abs(line.size - previous.size) <= 0.2 * size;
      const gap = line.box[1] - previous.box[3];
      const below = gap >= -0.5 * size && gap <= 1.5 * size;
      const overlap = Math.min(line.box[2], current.box[2]) - Math.max(line.box[0], current.box[0]);
      const narrower = Math.min(line.box[2] - line.box[0], current.box[2] - current.box[0]);
      if (similar && below && overlap >= 0.5 * narrower) {
        current.end = index + 1;
        current.box = union(current.box, line.box);
        return;
      }
    }
    current = { box: [...line.box], first: index, end: index + 1 };
    blocks.push(current);
  });
  return blocks;
}

export function buildTextLayer(chars: PositionedChar[], pageWidth: number, pageHeight: number): TextLayer {
  const lines = buildLines(chars, pageWidth);
  return { height: round((LAYER_UNITS * pageHeight) / pageWidth), lines, blocks: buildBlocks(lines) };
}

/** Printed characters (not spaces) in the layer: fewer than a handful means the page has no usable text layer. */
export function printedCharacters(layer: TextLayer): number {
  return layer.lines.reduce((sum, line) => sum + line.text.replace(/\s/g, "").length, 0);
}

export function union(a: Box, b: Box): Box {
  return [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])];
}

function median(values: number[]): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** The text of some blocks as paste-able text: a blank line between paragraphs (a new paragraph starts at an indented line). */
export function blocksToText(layer: TextLayer, blockIndexes: number[]): string {
  return blockIndexes
    .map((index) => layer.blocks[index])
    .filter((block): block is TextBlock => Boolean(block))
    .map((block) => {
      const paragraphs: string[] = [];
      for (let i = block.first; i < block.end; i++) {
        const line = layer.lines[i];
        const indented = line.box[0] - block.box[0] > line.size * 1.5 || /^[\u3000\s]{2}/.test(line.text);
        const text = line.text.replace(/^[\u3000\s]+/, "");
        if (i === block.first || indented || !paragraphs.length) paragraphs.push(text);
        else paragraphs[paragraphs.length - 1] = joinLines(paragraphs[paragraphs.length - 1], text);
      }
      return paragraphs.join("\n\n");
    })
    .join("\n\n");
}

/** Joins two printed lines: a hyphen at a line end between Latin letters is dropped, CJK lines join without a space. */
export function joinLines(first: string, second: string): string {
  if (/[A-Za-z]-$/.test(first) && /^[a-z]/.test(second)) return first.slice(0, -1) + second;
  if (/[A-Za-z0-9,.;:!?]$/.test(first) && /^[A-Za-z0-9]/.test(second)) return `${first} ${second}`;
  return first + second;
}
