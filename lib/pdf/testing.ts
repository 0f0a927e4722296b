// Builds characters and text layers for tests, as PDFium would report a page
// set in a monospaced CJK face: every character one em wide.
import { buildTextLayer, type PositionedChar, type TextLayer } from "./text-layer";

export type SetLine = { text: string; x: number; y: number; size: number };

/** Characters of `lines` (points, top-left origin, y = the line's top), with PDFium's generated line breaks between lines. */
export function setChars(lines: SetLine[]): PositionedChar[] {
  const chars: PositionedChar[] = [];
  for (const line of lines) {
    let x = line.x;
    for (const char of line.text) {
      const width = /[\x20-\x7e]/.test(char) ? line.size * 0.5 : line.size;
      chars.push({
        char,
        generated: false,
        left: x,
        right: x + width,
        top: line.y,
        bottom: line.y + line.size,
        fontSize: line.size,
      });
      x += width;
    }
    chars.push({ char: "\r", generated: true, left: x, right: x, top: line.y, bottom: line.y, fontSize: 1 });
    chars.push({ char: "\n", generated: true, left: x, right: x, top: line.y, bottom: line.y, fontSize: 1 });
  }
  return chars;
}

/** A column of text wrapped every `perLine` characters, starting at (x, y), line height 1.5 em. */
export function column(text: string, x: number, y: number, size: number, perLine: number): SetLine[] {
  const chars = Array.from(text);
  const lines: SetLine[] = [];
  for (let i = 0; i < chars.length; i += perLine) {
    lines.push({ text: chars.slice(i, i + perLine).join(""), x, y: y + (i / perLine) * size * 1.5, size });
  }
  return lines;
}

/** A text layer of a 1000 × 1400 pt page. */
export function layerOf(lines: SetLine[]): TextLayer {
  return buildTextLayer(setChars(lines), 1000, 1400);
}
