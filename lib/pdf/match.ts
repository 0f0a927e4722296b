// Finds where an article's text is printed on a page (from the page's PDF
// text layer) and proposes its regions; finds printed text blocks that no
// article's regions cover (漏标). Pure functions.
//
// Matching is tolerant of what differs between the layout system's text and
// the article as pasted: line breaks, spaces, hyphenation, punctuation and
// full-/half-width forms are ignored (NFKC, letters and digits only), and a
// paragraph may be printed in pieces (across columns, in any content order).
import type { Region } from "../content";
import { LAYER_UNITS, union, type Box, type TextBlock, type TextLayer } from "./text-layer";

export type ArticleText = {
  kicker?: string | null;
  title: string;
  subtitle?: string | null;
  byline?: string | null;
  paragraphs: string[];
};

/** One comparable character of the page: normalized, with the line and character it came from. */
type PageChar = { c: string; line: number; index: number };

const SIGNIFICANT = /[\p{L}\p{N}]/u;

/** Letters and digits only, NFKC (full-width → half-width), lower case. */
export function normalizeText(text: string): string {
  let out = "";
  for (const char of text.normalize("NFKC").toLowerCase()) if (SIGNIFICANT.test(char)) out += char;
  return out;
}

function pageChars(layer: TextLayer): PageChar[] {
  const chars: PageChar[] = [];
  layer.lines.forEach((line, lineIndex) => {
    Array.from(line.text).forEach((char, index) => {
      for (const c of normalizeText(char)) chars.push({ c, line: lineIndex, index });
    });
  });
  return chars;
}

const K = 4;
/** A printed piece must match at least this many characters in a row (or all of a shorter title). */
const MIN_RUN = 8;
/** Skip k-grams that occur more often than this on the page (boilerplate). */
const MAX_OCCURRENCES = 40;

/** A stretch of a piece of an article's text found on the page: piece offsets [from, to) at page offset `page`. */
type Run = { article: number; piece: number; from: number; to: number; page: number };

function gramIndex(page: PageChar[]): Map<string, number[]> {
  const index = new Map<string, number[]>();
  for (let p = 0; p + K <= page.length; p++) {
    let gram = "";
    for (let j = 0; j < K; j++) gram += page[p + j].c;
    const list = index.get(gram);
    if (list) list.push(p);
    else index.set(gram, [p]);
  }
  return index;
}

/**
 * Every printed stretch of `piece`: each k-gram's places on the page vote for
 * a diagonal (page offset − piece offset); consecutive votes on one diagonal
 * are one run. One differing character (K k-grams missing) does not break it.
 */
function findRuns(index: Map<string, number[]>, piece: string, article: number, pieceIndex: number): Run[] {
  const chars = Array.from(piece);
  const runs: Run[] = [];
  if (chars.length < K) return runs;
  const minRun = Math.min(MIN_RUN, chars.length);
  const open = new Map<number, { start: number; last: number }>();
  const close = (diagonal: number, run: { start: number; last: number }) => {
    if (run.last - run.start + K >= minRun) {
      runs.push({ article, piece: pieceIndex, from: run.start, to: run.last + K, page: diagonal + run.start });
    }
  };
  for (let i = 0; i + K <= chars.length; i++) {
    const places = index.get(chars.slice(i, i + K).join(""));
    if (!places || places.length > MAX_OCCURRENCES) continue;
    for (const p of places) {
      const diagonal = p - i;
      const run = open.get(diagonal);
      if (run && i - run.last <= K + 1) run.last = i;
      else {
        if (run) close(diagonal, run);
        open.set(diagonal, { start: i, last: i });
      }
    }
  }
  for (const [diagonal, run] of open) close(diagonal, run);
  return runs;
}

/** The texts of an article worth looking for: short bylines and kickers ("记者 方明") occur everywhere. */
function piecesOf(article: ArticleText): string[] {
  const pieces = [normalizeText(article.title)];
  for (const text of [article.kicker, article.subtitle, article.byline, ...article.paragraphs]) {
    const normalized = text ? normalizeText(text) : "";
    if (normalized.length >= MIN_RUN) pieces.push(normalized);
  }
  return pieces;
}

/**
 * Which article printed each page character (−1: none). Longest runs first:
 * a run is taken when its piece offsets are not yet placed and its page
 * characters are not yet anyone's. So each character of an article
 * is placed once, and a sentence two articles share goes to the one whose
 * text runs on around it.
 */
function assignOwners(page: PageChar[], articles: ArticleText[]): Int32Array {
  const index = gramIndex(page);
  const runs = articles.flatMap((article, a) => piecesOf(article).flatMap((piece, p) => findRuns(index, piece, a, p)));
  runs.sort((x, y) => y.to - y.from - (x.to - x.from) || x.page - y.page);
  const owner = new Int32Array(page.length).fill(-1);
  const placed = new Map<string, Array<[number, number]>>();
  for (const run of runs) {
    const length = run.to - run.from;
    const key = `${run.article}:${run.piece}`;
    const intervals = placed.get(key) ?? [];
    const overlap = intervals.reduce(
      (sum, [from, to]) => sum + Math.max(0, Math.min(to, run.to) - Math.max(from, run.from)),
      0,
    );
    if (overlap > K) continue;
    // Taken by another article, or by another piece of this one (a character prints one piece).
    let taken = 0;
    for (let p = run.page; p < run.page + length; p++) if (owner[p] !== -1) taken++;
    if (taken > length * 0.2) continue;
    for (let p = run.page; p < run.page + length; p++) if (owner[p] === -1) owner[p] = run.article;
    intervals.push([run.from, run.to]);
    placed.set(key, intervals);
  }
  return owner;
}

/** For each line, the range of characters [from, to) the article covers. */
function coveredLineSpans(layer: TextLayer, page: PageChar[], covered: number[]): Map<number, [number, number]> {
  const spans = new Map<number, [number, number]>();
  for (const p of covered) {
    const { line, index } = page[p];
    const span = spans.get(line);
    if (span) spans.set(line, [Math.min(span[0], index), Math.max(span[1], index + 1)]);
    else spans.set(line, [index, index + 1]);
  }
  // A line mostly covered is the article's whole line (its spaces and punctuation too).
  for (const [line, span] of spans) {
    const length = layer.lines[line].edges.length - 1;
    if (span[1] - span[0] >= length * 0.5) spans.set(line, [0, length]);
  }
  return spans;
}

type Cluster = { box: Box; chars: number; size: number };

const gapBetween = (a: Box, b: Box) =>
  Math.max(0, Math.max(a[0], b[0]) - Math.min(a[2], b[2]), Math.max(a[1], b[1]) - Math.min(a[3], b[3]));

/** Share of `outer` covered by the union of `boxes` (sampled on a grid). */
function coverage(outer: Box, boxes: Box[]): number {
  const steps = 40;
  let inside = 0;
  for (let i = 0; i < steps; i++) {
    for (let j = 0; j < steps; j++) {
      const x = outer[0] + ((i + 0.5) * (outer[2] - outer[0])) / steps;
      const y = outer[1] + ((j + 0.5) * (outer[3] - outer[1])) / steps;
      if (boxes.some((b) => x >= b[0] && x <= b[2] && y >= b[1] && y <= b[3])) inside++;
    }
  }
  return inside / (steps * steps);
}

/** Merges boxes that touch or stack in one column, until nothing changes. */
function mergeColumns(clusters: Cluster[]): Cluster[] {
  const out = clusters.map((c) => ({ ...c, box: [...c.box] as Box }));
  let changed = true;
  while (changed) {
    changed = false;
    outer: for (let i = 0; i < out.length; i++) {
      for (let j = i + 1; j < out.length; j++) {
        const a = out[i];
        const b = out[j];
        const size = Math.max(a.size, b.size);
        const overlapX = Math.min(a.box[2], b.box[2]) - Math.max(a.box[0], b.box[0]);
        const narrower = Math.min(a.box[2] - a.box[0], b.box[2] - b.box[0]);
        const gapY = Math.max(a.box[1], b.box[1]) - Math.min(a.box[3], b.box[3]);
        if (overlapX >= 0.5 * narrower && gapY <= 2.5 * size) {
          out[i] = { box: union(a.box, b.box), chars: a.chars + b.chars, size };
          out.splice(j, 1);
          changed = true;
          break outer;
        }
      }
    }
  }
  return out;
}

export type Proposal = {
  /** Regions in image pixels, ready for Article.regions. */
  regions: Region[];
  /** How many printed characters of the article were found. */
  matchedChars: number;
  /** Boxes in layer units (for tests and the region editor's hints). */
  boxes: Box[];
};

/**
 * Where each article is printed on the page, as rectangles in image pixels
 * (`imageWidth` wide); null where too little of its text is found. One
 * rectangle when an article is a rectangle on the page, else one per column.
 * Pass every article of the page: a character printed once belongs to one article.
 */
export function proposeRegions(layer: TextLayer, articles: ArticleText[], imageWidth: number): (Proposal | null)[] {
  const page = pageChars(layer);
  const owner = assignOwners(page, articles);
  const blockOf = new Map<number, number>();
  layer.blocks.forEach((block, b) => {
    for (let line = block.first; line < block.end; line++) blockOf.set(line, b);
  });
  return articles.map((article, a) => {
    const covered: number[] = [];
    owner.forEach((o, p) => o === a && covered.push(p));
    if (covered.length < Math.min(12, piecesOf(article).join("").length)) return null;
    return proposalFrom(layer, page, owner, a, article, blockOf, imageWidth);
  });
}

function proposalFrom(
  layer: TextLayer,
  page: PageChar[],
  owner: Int32Array,
  articleIndex: number,
  article: ArticleText,
  blockOf: Map<number, number>,
  imageWidth: number,
): Proposal {
  const covered: number[] = [];
  owner.forEach((o, p) => o === articleIndex && covered.push(p));
  const spans = coveredLineSpans(layer, page, covered);
  // A block mostly the article's, the rest nobody's (its byline line), is all the article's.
  const ownersOfLine = new Map<number, Set<number>>();
  page.forEach((char, p) => {
    const set = ownersOfLine.get(char.line) ?? new Set<number>();
    set.add(owner[p]);
    ownersOfLine.set(char.line, set);
  });
  layer.blocks.forEach((block) => {
    let mine = 0;
    let total = 0;
    for (let line = block.first; line < block.end; line++) {
      total++;
      if (spans.has(line)) mine++;
    }
    if (mine === 0 || mine < total / 2) return;
    for (let line = block.first; line < block.end; line++) {
      const owners = ownersOfLine.get(line);
      if (spans.has(line) || !owners || [...owners].some((o) => o !== -1 && o !== articleIndex)) continue;
      spans.set(line, [0, layer.lines[line].edges.length - 1]);
    }
  });
  // One cluster per block: the covered parts of its lines.
  const perBlock = new Map<number, Cluster>();
  for (const [lineIndex, [from, to]] of spans) {
    const line = layer.lines[lineIndex];
    const box: Box = [line.edges[from], line.box[1], line.edges[to], line.box[3]];
    const b = blockOf.get(lineIndex) ?? -1 - lineIndex;
    const cluster = perBlock.get(b);
    if (cluster) {
      cluster.box = union(cluster.box, box);
      cluster.chars += to - from;
      cluster.size = Math.max(cluster.size, line.size);
    } else perBlock.set(b, { box, chars: to - from, size: line.size });
  }
  // Drop stray matches (a phrase that also occurs elsewhere): keep the clusters near the biggest one.
  const clusters = mergeColumns([...perBlock.values()]).sort((a, b) => b.chars - a.chars);
  const main = clusters[0];
  const near = LAYER_UNITS * 0.04;
  const kept = [main];
  let grew = true;
  while (grew) {
    grew = false;
    for (const cluster of clusters) {
      if (kept.includes(cluster)) continue;
      if (kept.some((k) => gapBetween(k.box, cluster.box) <= near) || cluster.chars >= main.chars * 0.5) {
        kept.push(cluster);
        grew = true;
      }
    }
  }
  // A kicker or byline too short to search the page for: taken where it is printed right above or below the article.
  for (const text of [article.kicker, article.byline, article.title]) {
    const wanted = text ? normalizeText(text) : "";
    if (!wanted || wanted.length >= MIN_RUN) continue;
    const top = kept.reduce((b, c) => union(b, c.box), kept[0].box);
    layer.lines.forEach((line, l) => {
      if (normalizeText(line.text) !== wanted) return;
      const owners = ownersOfLine.get(l);
      if (owners && [...owners].some((o) => o !== -1 && o !== articleIndex)) return;
      const gap = Math.max(top[1] - line.box[3], line.box[1] - top[3]);
      const overlapX = Math.min(line.box[2], top[2]) - Math.max(line.box[0], top[0]);
      if (gap <= line.size * 2 && overlapX > 0)
        kept.push({ box: [...line.box], chars: wanted.length, size: line.size });
    });
  }
  const merged = mergeColumns(kept);
  const matchedChars = merged.reduce((sum, c) => sum + c.chars, 0);
  const pad = Math.round(Math.max(...merged.map((c) => c.size)) * 0.4);
  const padded = (b: Box): Box => [
    Math.max(0, b[0] - pad),
    Math.max(0, b[1] - pad),
    Math.min(LAYER_UNITS, b[2] + pad),
    Math.min(layer.height, b[3] + pad),
  ];
  const boxes = merged.map((c) => c.box);
  const whole = boxes.reduce(union);
  const result = (coverage(whole, boxes) >= 0.9 ? [whole] : boxes).map(padded);
  result.sort((a, b) => a[1] - b[1] || a[0] - b[0]);
  return { regions: result.map((b) => boxToRegion(b, imageWidth)), matchedChars, boxes: result };
}

export function boxToRegion(box: Box, imageWidth: number): Region {
  const scale = imageWidth / LAYER_UNITS;
  const r = (value: number) => Math.round(value * scale * 10) / 10;
  return {
    type: "rect",
    x: r(box[0]),
    y: r(box[1]),
    w: Math.max(1, r(box[2] - box[0])),
    h: Math.max(1, r(box[3] - box[1])),
  };
}

function insideRegion(region: Region, x: number, y: number): boolean {
  if (region.type === "rect")
    return x >= region.x && x <= region.x + region.w && y >= region.y && y <= region.y + region.h;
  let inside = false;
  const points = region.points;
  for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
    const [xi, yi] = points[i];
    const [xj, yj] = points[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Blocks with fewer printed characters are page furniture (page number, section name). */
export const MIN_UNCOVERED_CHARS = 12;

/** A single line in the top 12% or bottom 6% of the page: masthead, running head, date line, folio. */
function isFurniture(layer: TextLayer, block: TextBlock): boolean {
  return block.end - block.first === 1 && (block.box[3] <= layer.height * 0.12 || block.box[1] >= layer.height * 0.94);
}

/**
 * 漏标: indexes of text blocks that no region covers — at least half of
 * their characters lie outside every region. Regions are in image pixels.
 * Page furniture and blocks of fewer than MIN_UNCOVERED_CHARS characters are not counted.
 */
export function uncoveredBlocks(layer: TextLayer, regions: Region[], imageWidth: number): number[] {
  const scale = imageWidth / LAYER_UNITS;
  const result: number[] = [];
  layer.blocks.forEach((block, b) => {
    if (isFurniture(layer, block)) return;
    let total = 0;
    let inside = 0;
    for (let l = block.first; l < block.end; l++) {
      const line = layer.lines[l];
      const chars = Array.from(line.text);
      const y = ((line.box[1] + line.box[3]) / 2) * scale;
      chars.forEach((char, i) => {
        if (!char.trim()) return;
        total++;
        const x = ((line.edges[i] + line.edges[i + 1]) / 2) * scale;
        if (regions.some((region) => insideRegion(region, x, y))) inside++;
      });
    }
    if (total >= MIN_UNCOVERED_CHARS && inside < total / 2) result.push(b);
  });
  return result;
}

/** The box of block `index` as a region in image pixels. */
export function blockRegion(layer: TextLayer, index: number, imageWidth: number): Region {
  return boxToRegion(layer.blocks[index].box, imageWidth);
}
