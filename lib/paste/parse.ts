// Parsing an article pasted from the layout system: paragraphs, the byline at
// the end, and the continuation notes "（下转第8版）" / "（上接第1版）".
// Pure: no I/O, so every variant is covered by unit tests.

export type ContinuationNote = {
  direction: "to" | "from";
  /** As printed, e.g. "8", "A8", "B03". */ page: string;
  text: string;
};

export type PastedArticle = {
  title: string;
  byline: string | null;
  paragraphs: string[];
  continuedTo: ContinuationNote | null;
  continuedFrom: ContinuationNote | null;
};

const OPEN = "[（(〔【\\[]";
const CLOSE = "[）)〕】\\]]";
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
const PAGE = "([A-Za-zＡ-Ｚａ-ｚ]?\\s*[0-9０-９]{1,3}|[一二三四五六七八九十零〇两]{1,3})";
const NOTE_TO = new RegExp(`${OPEN}\\s*(?:下\\s*)?转\\s*(?:第\\s*)?${PAGE}\\s*版\\s*${CLOSE}`);
const NOTE_FROM = new RegExp(`${OPEN}\\s*(?:上\\s*接|接\\s*上|接)\\s*(?:第\\s*)?${PAGE}\\s*版\\s*${CLOSE}`);

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
  const compact = halfWidth(raw.replace(/\s+/g, ""));
  const chinese = chineseNumber(compact);
  return chinese === null ? compact.toUpperCase() : String(chinese);
}

/** Does a page reference like "8" or "A8" point at the page with code `code` ("A08", "a8", "8")? */
export function pageRefMatches(ref: string, code: string): boolean {
  const parse = (value: string) => {
    const match = /^([A-Za-z]*)0*(\d+)$/.exec(halfWidth(value.trim()));
    return match ? { letter: match[1].toUpperCase(), number: Number(match[2]) } : null;
  };
  const a = parse(ref);
  const b = parse(code);
  if (!a || !b) return false;
  return a.number === b.number && (!a.letter || a.letter === b.letter);
}

const BYLINE_MARK = /^[□■◇◆○●△▲☆★]\s*/;
const BYLINE_ROLE =
  /^(本报(?:特约)?记者|本报通讯员|本报评论员|本报特约评论员|特约记者|见习记者|实习记者|首席记者|记者|通讯员|实习生|特约撰稿人?|撰稿|作者|编译|文\s*[/／]\s*图|图\s*[/／]\s*文|文|摄影?|新华社记者|新华社(?:[\u4e00-\u9fa5]{2,3})?电)/;
const TRAILING_BRACKETED_BYLINE = new RegExp(
  `${OPEN}((?:本报|特约|见习|实习|首席)?(?:记者|通讯员|实习生)[^（）()]{1,40})${CLOSE}$`,
);

function isBylineLine(line: string): boolean {
  const text = line
    .trim()
    .replace(new RegExp(`^${OPEN}(.*)${CLOSE}$`), "$1")
    .trim();
  if (text.length === 0 || text.length > 40) return false;
  if (/[。！？；，]$/.test(text)) return false;
  if (BYLINE_MARK.test(text)) return text.replace(BYLINE_MARK, "").trim().length > 0;
  const rest = text.replace(BYLINE_ROLE, "").trim();
  return BYLINE_ROLE.test(text) && rest.length > 0 && rest.length <= 30 && !/[。！？]/.test(rest);
}

function cleanByline(line: string): string {
  return line
    .trim()
    .replace(BYLINE_MARK, "")
    .replace(new RegExp(`^${OPEN}(.*)${CLOSE}$`), "$1")
    .replace(/[\s\u3000]+/g, " ")
    .trim();
}

function joinWrapped(lines: string[]): string {
  return lines.reduce((text, line) => {
    if (!text) return line;
    // Latin words broken over lines need a space; Chinese lines join directly.
    return /[A-Za-z0-9,.;:!?]$/.test(text) && /^[A-Za-z0-9]/.test(line) ? `${text} ${line}` : text + line;
  }, "");
}

/**
 * Paragraphs: blank lines separate them; when lines start with full-width
 * (or 2+ ASCII) spaces, an indented line starts a new paragraph and
 * unindented lines continue the previous one (a hard-wrapped export).
 */
export function splitParagraphs(text: string): string[] {
  const normalized = text.replace(/\r\n?/g, "\n").replace(/\u00a0/g, " ");
  const blocks = normalized.split(/\n[ \t\u3000]*\n/);
  const paragraphs: string[] = [];
  for (const block of blocks) {
    const lines = block.split("\n").filter((line) => line.trim());
    if (!lines.length) continue;
    const indented = lines.filter((line) => /^(\u3000|\s{2,}|\t)/.test(line));
    if (indented.length === 0) {
      // No indentation at all: a block of short lines is one paragraph per line only when there are no blank lines anywhere.
      if (blocks.length === 1) paragraphs.push(...lines.map((line) => line.trim()));
      else paragraphs.push(joinWrapped(lines.map((line) => line.trim())));
      continue;
    }
    let current: string[] = [];
    for (const line of lines) {
      if (/^(\u3000|\s{2,}|\t)/.test(line) && current.length) {
        paragraphs.push(joinWrapped(current));
        current = [];
      }
      current.push(line.replace(/^[\s\u3000]+/, "").trimEnd());
    }
    if (current.length) paragraphs.push(joinWrapped(current));
  }
  return paragraphs.map((paragraph) => paragraph.replace(/^[\s\u3000]+|[\s\u3000]+$/g, "")).filter(Boolean);
}

function note(direction: "to" | "from", match: RegExpExecArray): ContinuationNote {
  return { direction, page: normalizePageRef(match[1]), text: match[0] };
}

/**
 * Parses a pasted article. With `title` empty, the first paragraph is taken
 * as the title (when there is more than one).
 */
export function parsePastedArticle(raw: string, options: { title?: string } = {}): PastedArticle {
  let paragraphs = splitParagraphs(raw);
  let title = options.title?.trim() ?? "";
  let continuedFrom: ContinuationNote | null = null;
  let continuedTo: ContinuationNote | null = null;

  // "（上接第1版）" opens the text (or the line after the title): alone on a line or before the first sentence.
  for (let index = 0; index < Math.min(2, paragraphs.length) && !continuedFrom; index++) {
    const leading = new RegExp(`^\\s*${NOTE_FROM.source}\\s*`).exec(paragraphs[index]);
    const trailing = new RegExp(`\\s*${NOTE_FROM.source}\\s*$`).exec(paragraphs[index]);
    const match = leading ?? (index === 0 ? trailing : null);
    if (match) {
      continuedFrom = note("from", match);
      paragraphs[index] = paragraphs[index].replace(match[0], "").trim();
    }
  }
  paragraphs = paragraphs.filter(Boolean);

  if (!title && paragraphs.length > 1) title = paragraphs.shift()!;
  // A title line carrying the note ("标题（上接第1版）") was handled above; strip stray spaces.
  title = title.replace(/[\s\u3000]+/g, " ").trim();

  // "（下转第8版）" closes the text: alone on the last line or at the end of the last sentence.
  if (paragraphs.length) {
    const last = paragraphs.length - 1;
    const match = new RegExp(`\\s*${NOTE_TO.source}\\s*$`).exec(paragraphs[last]);
    if (match) {
      continuedTo = note("to", match);
      paragraphs[last] = paragraphs[last].slice(0, match.index).trim();
      if (!paragraphs[last]) paragraphs.pop();
    }
  }

  let byline: string | null = null;
  if (paragraphs.length > 1 && isBylineLine(paragraphs.at(-1)!)) {
    byline = cleanByline(paragraphs.pop()!);
  } else if (paragraphs.length) {
    const last = paragraphs.length - 1;
    const bracketed = TRAILING_BRACKETED_BYLINE.exec(paragraphs[last]);
    if (bracketed && bracketed.index > 0) {
      byline = cleanByline(bracketed[1]);
      paragraphs[last] = paragraphs[last].slice(0, bracketed.index).trim();
    }
  }
  // A byline can also stand before the "（下转…）" note's line; and the note can follow the byline.
  if (!continuedTo && paragraphs.length) {
    const match = new RegExp(`^${NOTE_TO.source}$`).exec(paragraphs.at(-1)!);
    if (match) {
      continuedTo = note("to", match);
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
