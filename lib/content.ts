// Shapes of the JSON columns (article body and regions, page image variants):
// validated where they enter the database (prepareBody, regionsSchema) and
// read leniently where they leave it, so a stored value that does not match
// is shown (and logged), never silently emptied.
import { z } from "zod";
import { LIMITS } from "./limits";
import { isStorageKey } from "./storage-key";

const { article: A, regions: R } = LIMITS;

export const bodyBlockSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("paragraph"), text: z.string().min(1).max(A.paragraph) }),
  z.object({ type: z.literal("subhead"), text: z.string().min(1).max(A.subhead) }),
  z.object({
    type: z.literal("image"),
    key: z.string().min(1).max(A.imageKey).refine(isStorageKey),
    caption: z.string().max(A.caption).default(""),
    width: z.number().int().positive().max(LIMITS.image.maxSide),
    height: z.number().int().positive().max(LIMITS.image.maxSide),
  }),
]);
export const articleBodySchema = z.array(bodyBlockSchema).max(A.blocks);
export type BodyBlock = z.infer<typeof bodyBlockSchema>;

const coordinate = z.number().finite().min(0).max(R.coordinate);
export const regionSchema = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("rect"),
    x: coordinate,
    y: coordinate,
    w: coordinate.positive(),
    h: coordinate.positive(),
  }),
  z.object({
    type: z.literal("polygon"),
    points: z
      .array(z.tuple([coordinate, coordinate]))
      .min(3)
      .max(R.polygonPoints),
  }),
]);
export const regionsSchema = z.array(regionSchema).max(R.perArticle);
export type Region = z.infer<typeof regionSchema>;

export const imageVariantSchema = z.object({
  name: z.string(),
  key: z.string(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
});
export const imageVariantsSchema = z.array(imageVariantSchema);
export type ImageVariant = z.infer<typeof imageVariantSchema>;

// --- Writing a body -------------------------------------------------------

/** A body ready to store, what the editor should know about it, and what keeps it from being stored. */
export type PreparedBody = { blocks: BodyBlock[]; notes: string[]; problems: string[] };

/** Where a paragraph may be split: after a sentence end and any closing quotes or brackets. */
const SENTENCE_END = /[。！？!?；;…]+[”’"'」』）)\]】]*/g;

function splitSentences(line: string, max: number): string[] | null {
  const sentences: string[] = [];
  let start = 0;
  for (const match of line.matchAll(SENTENCE_END)) {
    const end = match.index + match[0].length;
    sentences.push(line.slice(start, end));
    start = end;
  }
  if (start < line.length) sentences.push(line.slice(start));
  const chunks: string[] = [];
  let current = "";
  for (const sentence of sentences) {
    if (sentence.length > max) return null;
    if (current.length + sentence.length > max) {
      chunks.push(current);
      current = "";
    }
    current += sentence;
  }
  if (current) chunks.push(current);
  return chunks.map((chunk) => chunk.trim()).filter(Boolean);
}

/**
 * A paragraph over the limit, split where a reader would expect a break: at
 * its line breaks (a report pasted with single newlines), and a line still
 * over the limit at sentence ends. Null when a single sentence is too long.
 */
export function splitParagraph(
  text: string,
  max: number = A.paragraph,
): { pieces: string[]; at: "lines" | "sentences" } | null {
  if (text.length <= max) return { pieces: [text], at: "lines" };
  const pieces: string[] = [];
  let at: "lines" | "sentences" = "lines";
  for (const line of text
    .split("\n")
    .map((part) => part.trim())
    .filter(Boolean)) {
    if (line.length <= max) {
      pieces.push(line);
      continue;
    }
    const sentences = splitSentences(line, max);
    if (!sentences) return null;
    at = "sentences";
    pieces.push(...sentences);
  }
  return { pieces, at };
}

const describeBlock = (number: number, block: { type: string }) =>
  `第${number}段${block.type === "subhead" ? "（小标题）" : block.type === "image" ? "（图片）" : ""}`;

/**
 * Makes a body ready to store, the same way on every path (article form,
 * paste, import): paragraphs over the limit are split safely, empty ones are
 * dropped, and anything else the reader could not show is a problem naming
 * the block ("第3段超过 20000 字，请分段。"). Stored bodies always pass
 * articleBodySchema, so the reader never has to drop one.
 */
export function prepareBody(input: readonly BodyBlock[]): PreparedBody {
  const blocks: BodyBlock[] = [];
  const notes: string[] = [];
  const problems: string[] = [];
  input.forEach((block, index) => {
    const number = index + 1;
    if (block.type === "paragraph") {
      const text = block.text.trim();
      if (!text) return;
      const split = splitParagraph(text);
      if (!split) {
        problems.push(`第${number}段超过 ${A.paragraph} 字，且没有可以断开的换行或句末，请分段。`);
        return;
      }
      if (split.pieces.length > 1)
        notes.push(
          `第${number}段超过 ${A.paragraph} 字，已在${split.at === "lines" ? "换行处" : "换行和句末"}拆成 ${split.pieces.length} 段。`,
        );
      for (const piece of split.pieces) blocks.push({ type: "paragraph", text: piece });
      return;
    }
    const parsed = bodyBlockSchema.safeParse(block.type === "subhead" ? { ...block, text: block.text.trim() } : block);
    if (parsed.success) {
      if (parsed.data.type !== "subhead" || parsed.data.text) blocks.push(parsed.data);
      return;
    }
    const label = describeBlock(number, block);
    if (block.type === "subhead") {
      if (block.text.trim()) problems.push(`${label}超过 ${A.subhead} 字。`);
    } else if (block.type === "image") {
      if (block.caption.length > A.caption) problems.push(`${label}的说明超过 ${A.caption} 字。`);
      else if (!isStorageKey(block.key)) problems.push(`${label}的图片文件名无效，请删除这一行后重新插入图片。`);
      else
        problems.push(`${label}的尺寸无效（宽和高须为 1–${LIMITS.image.maxSide} 像素），请删除这一行后重新插入图片。`);
    } else problems.push(`${label}格式不对。`);
  });
  if (blocks.length > A.blocks)
    problems.push(`正文最多 ${A.blocks} 段（现在有 ${blocks.length} 段），请合并或删减一些段落。`);
  return { blocks, notes, problems };
}

// --- Reading stored JSON ---------------------------------------------------

/**
 * Reads a stored body. Blocks that do not match the schema (written by an
 * older version, or by hand) are kept as paragraphs with whatever text they
 * have and logged: the reader shows them, the admin shows them in the form.
 */
export function readBody(value: unknown, where: string): { blocks: BodyBlock[]; damaged: number } {
  if (value === null || value === undefined) return { blocks: [], damaged: 0 };
  const items = Array.isArray(value) ? value : [value];
  const blocks: BodyBlock[] = [];
  let damaged = 0;
  items.forEach((item, index) => {
    const parsed = bodyBlockSchema.safeParse(item);
    if (parsed.success) {
      blocks.push(parsed.data);
      return;
    }
    damaged++;
    const text = textOf(item);
    console.warn(`${where}: body block ${index + 1} does not match the schema; shown as text.`);
    if (text) blocks.push({ type: "paragraph", text });
  });
  return { blocks, damaged };
}

function textOf(item: unknown): string {
  if (typeof item === "string") return item.trim();
  if (!item || typeof item !== "object") return item === null || item === undefined ? "" : String(item);
  const record = item as Record<string, unknown>;
  for (const key of ["text", "caption"]) if (typeof record[key] === "string" && record[key].trim()) return record[key];
  return JSON.stringify(item);
}

/** Reads a stored list (regions, image variants): malformed entries are left out and logged, the rest kept. */
export function readJsonList<T>(schema: z.ZodType<T>, value: unknown, where: string): T[] {
  if (value === null || value === undefined) return [];
  if (!Array.isArray(value)) {
    console.warn(`${where}: expected a list, found ${typeof value}; ignored.`);
    return [];
  }
  const items: T[] = [];
  value.forEach((item, index) => {
    const parsed = schema.safeParse(item);
    if (parsed.success) items.push(parsed.data);
    else console.warn(`${where}: entry ${index + 1} does not match the schema; left out.`);
  });
  return items;
}

export const readRegions = (value: unknown, where: string) => readJsonList(regionSchema, value, where);
export const readImageVariants = (value: unknown, where: string) => readJsonList(imageVariantSchema, value, where);
