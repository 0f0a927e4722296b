// Finding a query's words in a text and cutting a snippet around them, for
// search results and for highlighting an opened article. Pure: the result
// list (server), the article view (browser) and the API share it.
import { normalizeChars } from "./tokens";

export type Segment = { text: string; match: boolean };

const WORD_CHAR = /[a-z0-9]/;

/** [start, end) code-point ranges of the needles in text, merged where they overlap. */
export function findMatches(text: string, needles: readonly string[]): [number, number][] {
  const chars = normalizeChars(text);
  const haystack = chars.join("");
  // Offsets into the joined string differ from code-point offsets only where a char is astral; map them.
  const offsets: number[] = [];
  chars.forEach((char, index) => {
    for (let i = 0; i < char.length; i++) offsets.push(index);
  });
  offsets.push(chars.length);
  const ranges: [number, number][] = [];
  for (const needle of needles) {
    if (!needle) continue;
    const latin = WORD_CHAR.test(needle[0]);
    for (let from = haystack.indexOf(needle); from !== -1; from = haystack.indexOf(needle, from + 1)) {
      const to = from + needle.length;
      // The index holds whole Latin words: "art" does not match inside "party".
      if (latin && (WORD_CHAR.test(haystack[from - 1] ?? "") || WORD_CHAR.test(haystack[to] ?? ""))) continue;
      ranges.push([offsets[from], offsets[to]]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: [number, number][] = [];
  for (const range of ranges) {
    const last = merged.at(-1);
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([...range]);
  }
  return merged;
}

/** The text cut into plain and matched segments. */
export function highlight(text: string, needles: readonly string[]): Segment[] {
  return segmentsOf(Array.from(text), findMatches(text, needles), 0, Array.from(text).length);
}

function segmentsOf(chars: string[], ranges: [number, number][], start: number, end: number): Segment[] {
  const segments: Segment[] = [];
  let at = start;
  for (const [from, to] of ranges) {
    if (to <= start || from >= end) continue;
    const a = Math.max(from, start);
    const b = Math.min(to, end);
    if (a > at) segments.push({ text: chars.slice(at, a).join(""), match: false });
    segments.push({ text: chars.slice(a, b).join(""), match: true });
    at = b;
  }
  if (at < end) segments.push({ text: chars.slice(at, end).join(""), match: false });
  return segments;
}

/**
 * A window of about `length` characters of the text around the place where
 * most different needles match, with "…" where it was cut; the text's
 * beginning when nothing matches.
 */
export function snippet(text: string, needles: readonly string[], length = 120): Segment[] {
  const chars = Array.from(text.replace(/\s+/g, " ").trim());
  const flat = chars.join("");
  const ranges = findMatches(flat, needles);
  let start = 0;
  if (ranges.length) {
    // The window start (a match's start) that covers the most distinct matched words.
    let best = { start: ranges[0][0], score: -1 };
    for (const [from] of ranges) {
      const words = new Set(
        ranges.filter(([a, b]) => a >= from && b <= from + length).map(([a, b]) => chars.slice(a, b).join("")),
      );
      if (words.size > best.score) best = { start: from, score: words.size };
    }
    start = Math.max(0, Math.min(best.start - Math.floor(length / 4), chars.length - length));
  }
  const end = Math.min(chars.length, start + length);
  const segments = segmentsOf(chars, ranges, start, end);
  if (start > 0) segments.unshift({ text: "…", match: false });
  if (end < chars.length) segments.push({ text: "…", match: false });
  return segments;
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Segments as HTML with <mark> around matches, everything else escaped (for the API). */
export function segmentsToHtml(segments: readonly Segment[]): string {
  return segments
    .map((segment) => {
      const text = segment.text.replace(/[&<>"']/g, (char) => ESCAPES[char]);
      return segment.match ? `<mark>${text}</mark>` : text;
    })
    .join("");
}
