// Parsing an article pasted from the layout system, a web page, a PDF or Word:
// paragraphs, the byline at the end, and the continuation notes "（下转第8版）" /
// "（上接第1版）". Pure: no I/O, so every variant is covered by unit tests.
//
// Pasted text is dirty in ways the eye cannot see: non-breaking, ideographic,
// thin and em spaces, zero-width characters, CR/CRLF, tabs, full-width digits
// and brackets. Zero-width characters are dropped first; every run of spaces
// inside a line becomes one space; and the notes and bylines are recognised on
// the text with its spaces removed, so a space anywhere in "（下转 第 8 版）"
// changes nothing. No regular expression here sees a whole line or paragraph
// unanchored: each runs on a short window or is anchored at the start, so a
// 500,000-character paste parses in linear time.

import { stripInvisible } from "../text";

export type ContinuationNote = {
  direction: "to" | "from";
  /** As printed, e.g. "8", "A8", "B03". */ page: string;
  /** The note as printed, without spaces: "（下转第8版）". */
  text: string;
};

export type PastedArticle = {
  title: string;
  byline: string | null;
  paragraphs: string[];
  continuedTo: ContinuationNote | null;
  continuedFrom: ContinuationNote | null;
};

const OPEN_CHARS = "（(〔【[［﹙";
const CLOSE_CHARS = "）)〕】]］﹚";
const inClass = (chars: string) => chars.replace(/[\\\]\[^-]/g, "\\$&");
const OPEN = `[${inClass(OPEN_CHARS)}]`;
const CLOSE = `[${inClass(CLOSE_CHARS)}]`;
const CHINESE_DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const PAGE = "([A-Za-zＡ-Ｚａ-ｚ]?[0-9０-９]{1,3}|[一二三四五六七八九十零〇两]{1,3})";
// Written without spaces: they are matched against text whose spaces are removed.
const NOTES = {
  to: `${OPEN}下?转第?${PAGE}版${CLOSE}`,
  from: `${OPEN}(?:上接|接上|接)第?${PAGE}版${CLOSE}`,
};
const NOTE_AT = {
  start: { to: new RegExp(`^${NOTES.to}`), from: new RegExp(`^${NOTES.from}`) },
  end: { to: new RegExp(`${NOTES.to}$`), from: new RegExp(`${NOTES.from}$`) },
};
/** "（下转第A123版）" has 10 characters without spaces; a window of 12 always holds a note. */
const NOTE_WINDOW = 12;

// CR, CRLF, vertical tab and form feed (Word's manual line break and page break), NEL, U+2028/U+2029.
const LINE_BREAK = /\r\n|[\n\r\v\f\u0085\u2028\u2029]/;
const SPACE = /\s/;
const SPACES = /\s+/g;
/** Spaces as wide as a Chinese character: one of them indents a line, as two narrower ones do. */
const WIDE_INDENT = "\t\u3000\u2001\u2003";

const UNCLEAN_SPACE = /[^\S ]|  /;

function collapseSpaces(text: string): string {
  // Most lines need no replacing; building a new string for each of their spaces costs more than looking.
  return (UNCLEAN_SPACE.test(text) ? text.replace(SPACES, " ") : text).trim();
}

function withoutSpaces(text: string): string {
  return text.replace(SPACES, "");
}

function isIndented(line: string): boolean {
  return WIDE_INDENT.includes(line[0]) || (SPACE.test(line[0] ?? "") && SPACE.test(line[1] ?? ""));
}

function halfWidth(text: string): string {
  return text.replace(/[Ａ-Ｚａ-ｚ０-９]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0));
}

function chineseNumber(text: string): number | null {
  if (!/^[一二三四五六七八九十零〇两]+$/.test(text)) return null;
  if (text.includes("十")) {
    const [tens, ones] = text.split("十");
    return (tens ? (CHINESE_DIGITS[tens] ?? 0) : 1) * 10 + (ones ? (CHINESE_DIGITS[ones] ?? 0) : 0);
  }
  return Number([...text].map((char) => CHINESE_DIGITS[char]).join(""));
}

/** "８" → "8", "Ａ０８" → "A08", "十二" → "12". */
export function normalizePageRef(raw: string): string {
  const compact = halfWidth(withoutSpaces(raw));
  const chinese = chineseNumber(compact);
  return chinese === null ? compact.toUpperCase() : String(chinese);
}

/** Does a page reference like "8" or "A8" point at the page with code `code` ("A08", "a8", "8")? */
export function pageRefMatches(ref: string, code: string): boolean {
  const parse = (value: string) => {
    const match = /^([A-Za-z]*)(\d+)$/.exec(halfWidth(value.trim()));
    return match ? { letter: match[1].toUpperCase(), number: Number(match[2]) } : null;
  };
  const a = parse(ref);
  const b = parse(code);
  if (!a || !b) return false;
  return a.number === b.number && (!a.letter || a.letter === b.letter);
}

/**
 * Up to `count` non-space characters at the start or end of `text`, and where
 * each stands in `text`: short enough to match against without backtracking,
 * whatever runs of spaces the text holds.
 */
function visibleEdge(text: string, count: number, edge: "start" | "end"): { chars: string; at: number[] } {
  const at: number[] = [];
  if (edge === "start") {
    for (let index = 0; index < text.length && at.length < count; index++) if (!SPACE.test(text[index])) at.push(index);
  } else {
    for (let index = text.length - 1; index >= 0 && at.length < count; index--)
      if (!SPACE.test(text[index])) at.unshift(index);
  }
  return { chars: at.map((index) => text[index]).join(""), at };
}

/** A continuation note found at the start or end of a text, and the text without it. */
export type NoteMatch = { note: ContinuationNote; rest: string };

/**
 * The note "（下转第8版）" (direction "to") or "（上接第1版）" ("from") standing at
 * the start or end of `text`, spaces anywhere inside it allowed.
 */
export function findNote(text: string, direction: "to" | "from", edge: "start" | "end"): NoteMatch | null {
  const window = visibleEdge(text, NOTE_WINDOW, edge);
  const match = NOTE_AT[edge][direction].exec(window.chars);
  if (!match) return null;
  const first = window.at[match.index];
  const last = window.at[match.index + match[0].length - 1];
  return {
    note: { direction, page: normalizePageRef(match[1]), text: match[0] },
    rest: edge === "start" ? text.slice(last + 1).trim() : text.slice(0, first).trim(),
  };
}

const BYLINE_MARK = /^[□■◇◆○●△▲☆★]/;
// Matched against the line without spaces ("本报记者 张三" → "本报记者张三").
const BYLINE_ROLE =
  /^(本报(?:特约)?记者|本报通讯员|本报评论员|本报特约评论员|特约记者|见习记者|实习记者|首席记者|记者|通讯员|实习生|特约撰稿人?|撰稿|作者|编译|文[/／]图|图[/／]文|文|摄影?|新华社记者|新华社(?:[\u4e00-\u9fa5]{2,3})?电)/;
const TRAILING_BRACKETED_BYLINE = new RegExp(
  `${OPEN}(?:本报|特约|见习|实习|首席)?(?:记者|通讯员|实习生)[^${inClass(OPEN_CHARS + CLOSE_CHARS)}]{1,40}${CLOSE}$`,
);
/** The longest trailing bracketed byline, without spaces: bracket, role (5), 40 characters, bracket. */
const BYLINE_WINDOW = 48;
const SENTENCE_END = /[。！？；，!?;,.]$/;

function withoutBrackets(text: string): string {
  return text.length >= 2 && OPEN_CHARS.includes(text[0]) && CLOSE_CHARS.includes(text.at(-1)!)
    ? text.slice(1, -1)
    : text;
}

function isBylineLine(line: string): boolean {
  const compact = withoutSpaces(line);
  if (compact.length > 42) return false;
  const text = withoutBrackets(compact);
  if (text.length === 0 || text.length > 40) return false;
  if (SENTENCE_END.test(text)) return false;
  if (BYLINE_MARK.test(text)) return text.length > 1;
  const role = BYLINE_ROLE.exec(text);
  if (!role) return false;
  const rest = text.slice(role[0].length);
  return rest.length > 0 && rest.length <= 30 && !/[。！？!?]/.test(rest);
}

function cleanByline(line: string): string {
  let text = collapseSpaces(line);
  if (BYLINE_MARK.test(text)) text = text.slice(1).trim();
  return collapseSpaces(withoutBrackets(text));
}

/** "最后一段结束。（记者 张三）": the bracketed byline closing the last sentence, and the text before it. */
function trailingBracketedByline(text: string): { byline: string; rest: string } | null {
  const window = visibleEdge(text, BYLINE_WINDOW, "end");
  const match = TRAILING_BRACKETED_BYLINE.exec(window.chars);
  if (!match) return null;
  const open = window.at[match.index];
  const close = window.at[match.index + match[0].length - 1];
  const rest = text.slice(0, open).trim();
  return rest ? { byline: cleanByline(text.slice(open + 1, close)), rest } : null;
}

/** Latin words broken over lines need a space; Chinese lines, and numbers broken in Chinese text, join directly. */
function joinWrapped(lines: string[]): string {
  const parts: string[] = [];
  lines.forEach((line, index) => {
    const end = index > 0 ? lines[index - 1].slice(-2) : "";
    const start = line[0];
    // "1\n2%" and "2.\n3亿吨": a number the layout broke, not two words.
    const number = /\d[.,]?$/.test(end) && /\d/.test(start);
    if (index > 0 && !number && /[A-Za-z0-9,.;:!?]$/.test(end) && /[A-Za-z0-9]/.test(start)) parts.push(" ");
    parts.push(line);
  });
  return parts.join("");
}

const ENDS_SENTENCE = /[。！？!?….；;：:」』”"]$/;

/** Display width: Chinese characters and full-width forms count twice. */
function width(line: string): number {
  let total = 0;
  for (const char of line) total += char.charCodeAt(0) >= 0x2e80 ? 2 : 1;
  return total;
}

/**
 * An unindented block of several lines between blank lines is either one
 * paragraph per line (Word, web pages: most lines end a sentence) or a
 * paragraph hard-wrapped at the column width (layout exports, PDFs), where
 * a short line ending a sentence closes a paragraph.
 */
function unindentedBlock(lines: string[]): string[] {
  const inner = lines.slice(0, -1);
  if (inner.filter((line) => ENDS_SENTENCE.test(line)).length * 2 >= inner.length) return lines;
  const column = lines.reduce((widest, line) => Math.max(widest, width(line)), 0);
  const paragraphs: string[] = [];
  let current: string[] = [];
  for (const line of lines) {
    current.push(line);
    if (ENDS_SENTENCE.test(line) && width(line) < column * 0.6) {
      paragraphs.push(joinWrapped(current));
      current = [];
    }
  }
  if (current.length) paragraphs.push(joinWrapped(current));
  return paragraphs;
}

/**
 * Paragraphs: blank lines separate them; when lines start with full-width
 * (or 2+ narrower) spaces, an indented line starts a new paragraph and
 * unindented lines continue the previous one (a hard-wrapped export).
 * Without indentation or blank lines, every line is a paragraph.
 */
export function splitParagraphs(text: string): string[] {
  const blocks: string[][] = [[]];
  for (const line of stripInvisible(text).split(LINE_BREAK)) {
    if (line.trim()) blocks.at(-1)!.push(line);
    else if (blocks.at(-1)!.length) blocks.push([]);
  }
  if (!blocks.at(-1)!.length) blocks.pop();
  const paragraphs: string[] = [];
  for (const block of blocks) {
    const lines = block.map(collapseSpaces);
    if (!block.some(isIndented)) {
      // Not push(...lines): a paste may have more lines than a call may have arguments.
      for (const paragraph of blocks.length === 1 ? lines : unindentedBlock(lines)) paragraphs.push(paragraph);
      continue;
    }
    let current: string[] = [];
    block.forEach((line, index) => {
      if (isIndented(line) && current.length) {
        paragraphs.push(joinWrapped(current));
        current = [];
      }
      current.push(lines[index]);
    });
    if (current.length) paragraphs.push(joinWrapped(current));
  }
  return paragraphs.filter(Boolean);
}

/**
 * Parses a pasted article. With `title` empty, the first paragraph is taken
 * as the title (when there is more than one).
 */
export function parsePastedArticle(raw: string, options: { title?: string } = {}): PastedArticle {
  let paragraphs = splitParagraphs(raw);
  let title = collapseSpaces(stripInvisible(options.title ?? ""));
  let continuedFrom: ContinuationNote | null = null;
  let continuedTo: ContinuationNote | null = null;

  // "（上接第1版）" opens the text (or the line after the title): alone on a line or before the first sentence.
  for (let index = 0; index < Math.min(2, paragraphs.length) && !continuedFrom; index++) {
    const found =
      findNote(paragraphs[index], "from", "start") ?? (index === 0 ? findNote(paragraphs[index], "from", "end") : null);
    if (found) {
      continuedFrom = found.note;
      paragraphs[index] = found.rest;
    }
  }
  paragraphs = paragraphs.filter(Boolean);

  // A title line carrying the note ("标题（上接第1版）") was handled above.
  if (!title && paragraphs.length > 1) title = paragraphs.shift()!;

  // "（下转第8版）" closes the text: alone on the last line or at the end of the last sentence.
  if (paragraphs.length) {
    const found = findNote(paragraphs.at(-1)!, "to", "end");
    if (found) {
      continuedTo = found.note;
      paragraphs[paragraphs.length - 1] = found.rest;
      if (!found.rest) paragraphs.pop();
    }
  }

  let byline: string | null = null;
  if (paragraphs.length > 1 && isBylineLine(paragraphs.at(-1)!)) {
    byline = cleanByline(paragraphs.pop()!);
  } else if (paragraphs.length) {
    const bracketed = trailingBracketedByline(paragraphs.at(-1)!);
    if (bracketed) {
      byline = bracketed.byline;
      paragraphs[paragraphs.length - 1] = bracketed.rest;
    }
  }
  // A byline can also stand before the "（下转…）" note's line; and the note can follow the byline.
  if (!continuedTo && paragraphs.length) {
    const found = findNote(paragraphs.at(-1)!, "to", "end");
    if (found && !found.rest) {
      continuedTo = found.note;
      paragraphs.pop();
    }
  }

  return { title, byline, paragraphs: paragraphs.filter(Boolean), continuedTo, continuedFrom };
}

/** Character-bigram similarity (Dice), for matching a continuation's shortened title. */
export function titleSimilarity(a: string, b: string): number {
  const clean = (text: string) => text.replace(/[\s\u3000（）()《》“”"'‘’：:，,。！？!?·—\-（续）]/g, "");
  const x = clean(a);
  const y = clean(b);
  if (!x || !y) return 0;
  if (x === y) return 1;
  if (x.includes(y) || y.includes(x)) return 0.9;
  const grams = (text: string) => {
    const list: string[] = [];
    for (let i = 0; i < text.length - 1; i++) list.push(text.slice(i, i + 2));
    return list.length ? list : [text];
  };
  const gx = grams(x);
  const gy = new Map<string, number>();
  for (const gram of grams(y)) gy.set(gram, (gy.get(gram) ?? 0) + 1);
  let common = 0;
  for (const gram of gx) {
    const count = gy.get(gram) ?? 0;
    if (count > 0) {
      common++;
      gy.set(gram, count - 1);
    }
  }
  return (2 * common) / (gx.length + grams(y).length);
}

export const SIMILAR_TITLE = 0.5;

/** The best-matching article by title, if similar enough. */
export function findSimilarTitle<T extends { title: string }>(title: string, candidates: T[]): T | null {
  let best: T | null = null;
  let bestScore = SIMILAR_TITLE;
  for (const candidate of candidates) {
    const score = titleSimilarity(title, candidate.title);
    if (score >= bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}
