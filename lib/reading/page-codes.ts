// Page codes as printed ("a01", "A08", "B3", "12") and as used in URLs (lower
// case). The rule is defined here once: the admin's forms, the import
// manifest, the reader's URL parser and the database's CHECK constraint
// (prisma/migrations/…_page_code_rule, compared in lib/db/constraints.test.ts)
// all use PAGE_CODE_PATTERN.

/**
 * An optional section of up to three Latin letters, then the page number: one
 * to three digits, not all zero (a newspaper has no page 0). The same text is
 * a JavaScript and a PostgreSQL regular expression.
 */
export const PAGE_CODE_PATTERN = "^[A-Za-z]{0,3}(?=[0-9]*[1-9])[0-9]{1,3}$";
const PAGE_CODE = new RegExp(PAGE_CODE_PATTERN);

/** What an editor is told when a code does not follow the rule. */
export const PAGE_CODE_RULE = "版号由 0–3 个字母加 1–3 位数字组成（不能全为 0），例如 A01、B3、12。";

export function isPageCode(code: string): boolean {
  return PAGE_CODE.test(code);
}

/**
 * A code as an editor may type it, in the form it is stored: full-width
 * letters and digits become ASCII (ａ０１ → a01), spaces go, and "第A01版"
 * is read as A01. The case is kept as typed (A08 is printed so).
 */
export function normalisePageCode(input: string): string {
  const compact = input.normalize("NFKC").replace(/[\s\u200b-\u200d\ufeff]+/g, "");
  const printed = /^第(.+)版$/.exec(compact);
  return printed ? printed[1] : compact;
}

export type ParsedPageCode = { code: string; canonical: boolean };

/** Reads the page segment of a URL: "a08" is canonical; "A08" and "ａ０８" are understood (redirect); "a0<8" is null (404). */
export function parseUrlPageCode(segment: string): ParsedPageCode | null {
  if (segment.length > 64) return null;
  let decoded = segment;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    return null;
  }
  const code = normalisePageCode(decoded).toLowerCase();
  if (!isPageCode(code)) return null;
  return { code, canonical: code === segment };
}

/** The code as it appears in URLs. */
export function urlPageCode(code: string): string {
  return code.toLowerCase();
}

/** The code after the last page's, in the same style: "a08" → "a09", "B3" → "B4"; "A01" for the first page; "" when there is none (A999). */
export function nextPageCode(codes: string[]): string {
  const match = /^([A-Za-z]*)(\d+)$/.exec(codes.at(-1) ?? "");
  if (!match) return "A01";
  const next = `${match[1]}${String(Number(match[2]) + 1).padStart(match[2].length, "0")}`;
  return isPageCode(next) ? next : "";
}

function splitCode(code: string): { section: string; number: number } {
  const match = /^([a-z]*)(\d*)$/i.exec(code.trim());
  if (!match) return { section: code.toLowerCase(), number: Number.NaN };
  return { section: match[1].toLowerCase(), number: match[2] ? Number(match[2]) : Number.NaN };
}

/** Orders codes as a reader expects: by section letter, then numerically (a2 before a10). */
export function comparePageCodes(a: string, b: string): number {
  const left = splitCode(a);
  const right = splitCode(b);
  if (left.section !== right.section) return left.section < right.section ? -1 : 1;
  if (left.number !== right.number) {
    if (Number.isNaN(left.number)) return 1;
    if (Number.isNaN(right.number)) return -1;
    return left.number - right.number;
  }
  return a.localeCompare(b);
}

/**
 * How a page is named in running text such as "（下转第8版）": the number alone
 * when the whole edition is one section, otherwise with its section letter ("B3").
 */
export function pageNumberLabel(code: string, editionCodes: readonly string[]): string {
  const { section, number } = splitCode(code);
  if (Number.isNaN(number)) return code.toUpperCase();
  const sections = new Set(editionCodes.map((c) => splitCode(c).section));
  return sections.size <= 1 ? String(number) : `${section.toUpperCase()}${number}`;
}
