// Page codes as printed ("a01", "A08", "B3") and as used in URLs (lower case).

const URL_PAGE_CODE = /^[a-z]{0,3}\d{1,4}$/i;

export type ParsedPageCode = { code: string; canonical: boolean };

/** Reads the page segment of a URL: "a08" is canonical, "A08" is understood (redirect), "a0<8" is null (404). */
export function parseUrlPageCode(segment: string): ParsedPageCode | null {
  if (segment.length > 16 || !URL_PAGE_CODE.test(segment)) return null;
  const code = segment.toLowerCase();
  return { code, canonical: code === segment };
}

/** The code as it appears in URLs. */
export function urlPageCode(code: string): string {
  return code.toLowerCase();
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
