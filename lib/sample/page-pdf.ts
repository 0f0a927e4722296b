// Draws a laid-out sample page as a one-page PDF, the way a layout system
// exports it: a broadsheet of 350 × 490 mm with real, selectable text in
// embedded subsets of Noto Serif SC / Noto Sans SC (lib/fonts.ts).
import { PDFDocument, rgb, type PDFFont } from "pdf-lib";
import fontkit from "@pdf-lib/fontkit";
import { subsetCjkFont, type CjkFontStyle } from "../fonts";
import { PAGE_HEIGHT, PAGE_WIDTH, type LayoutElement } from "./page-layout";

/** Printed width of a sample page: a broadsheet's type area. */
export const PAGE_WIDTH_MM = 350;
const POINTS_PER_PIXEL = ((PAGE_WIDTH_MM / 25.4) * 72) / PAGE_WIDTH;

type TextElement = Extract<LayoutElement, { kind: "text" }>;
const fontKey = (e: TextElement) => `${e.font}-${e.bold ? "bold" : "regular"}` as const;

function color(hex: string) {
  const digits = hex.slice(1);
  const value = Number.parseInt(digits.length === 3 ? digits.replace(/./g, "$&$&") : digits, 16);
  return rgb(((value >> 16) & 255) / 255, ((value >> 8) & 255) / 255, (value & 255) / 255);
}

export async function pagePdf(
  elements: LayoutElement[],
  info: { title: string; author: string; created: Date },
): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  doc.setTitle(info.title);
  doc.setAuthor(info.author);
  doc.setProducer("Banmian sample layout");
  doc.setCreationDate(info.created);
  doc.setModificationDate(info.created);

  const texts = elements.filter((e): e is TextElement => e.kind === "text");
  const fonts = new Map<string, PDFFont>();
  for (const key of new Set(texts.map(fontKey))) {
    const [style, weight] = key.split("-") as [CjkFontStyle, "bold" | "regular"];
    const used = texts.filter((e) => fontKey(e) === key).map((e) => e.text);
    fonts.set(key, await doc.embedFont(await subsetCjkFont(style, weight, used.join("")), { subset: false }));
  }

  const s = POINTS_PER_PIXEL;
  const height = PAGE_HEIGHT * s;
  const page = doc.addPage([PAGE_WIDTH * s, height]);
  for (const e of elements) {
    if (e.kind === "rect") {
      page.drawRectangle({
        x: e.x * s,
        y: height - (e.y + e.h) * s,
        width: e.w * s,
        height: e.h * s,
        color: color(e.fill),
      });
    } else if (e.kind === "line") {
      page.drawLine({
        start: { x: e.x1 * s, y: height - e.y1 * s },
        end: { x: e.x2 * s, y: height - e.y2 * s },
        thickness: e.width * s,
        color: color(e.stroke),
      });
    } else {
      const font = fonts.get(fontKey(e))!;
      const size = e.size * s;
      const spacing = (e.letterSpacing ?? 0) * s;
      const chars = Array.from(e.text);
      // SVG adds letter-spacing after every character, the last one included.
      const width = font.widthOfTextAtSize(e.text, size) + spacing * chars.length;
      let x = e.x * s - (e.anchor === "middle" ? width / 2 : e.anchor === "end" ? width : 0);
      const y = height - e.y * s;
      if (!spacing) {
        page.drawText(e.text, { x, y, size, font, color: color(e.fill) });
        continue;
      }
      for (const char of chars) {
        page.drawText(char, { x, y, size, font, color: color(e.fill) });
        x += font.widthOfTextAtSize(char, size) + spacing;
      }
    }
  }
  return doc.save();
}
