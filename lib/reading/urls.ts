// The reader's URL scheme, in one place:
//   /                                   newest edition, first page
//   /2026-11-25                         → redirects to the first page
//   /2026-11-25/a01                     page view
//   /2026-11-25/a01/3                   third article on page a01
//   /2026-11-25/a01/3/full              阅读全文: all parts of a continued article
//   /2026-11-25/a01/clip/x,y,w,h        剪报: a rectangle of the page image (lib/reading/clips.ts);
//                                       /image: the crop itself
//   /archive, /archive/2026-11          往期阅读 calendar
//   /search?q=…                         search (all publications; /p/{slug}/search: that one)
//   …/a01/3?q=…, …/a01?q=…&hl=3          an opened search result: terms highlighted, region outlined
// A publication other than the default one is prefixed with /p/{slug}.
// Views link within an edition relative to a base ("/2026-11-25"), so the
// admin can render the same views under its own preview base.
import { clipSegment, type ClipRect } from "./clips";
import { urlPageCode } from "./page-codes";

/** null for the default publication. */
export type PublicationPath = string | null;

export function publicationPrefix(publication: PublicationPath): string {
  return publication ? `/p/${encodeURIComponent(publication)}` : "";
}

export function homePath(publication: PublicationPath): string {
  return publicationPrefix(publication) || "/";
}

/** The base every link inside one edition starts with. */
export function editionBase(publication: PublicationPath, date: string): string {
  return `${publicationPrefix(publication)}/${date}`;
}

export function pageHref(base: string, code: string): string {
  return `${base}/${urlPageCode(code)}`;
}

export function articleHref(base: string, code: string, position: number): string {
  return `${pageHref(base, code)}/${position}`;
}

export function clipHref(base: string, code: string, rect: ClipRect): string {
  return `${pageHref(base, code)}/clip/${clipSegment(rect)}`;
}

export function clipImageHref(base: string, code: string, rect: ClipRect): string {
  return `${clipHref(base, code, rect)}/image`;
}

export function fullArticleHref(base: string, code: string, position: number): string {
  return `${articleHref(base, code, position)}/full`;
}

export function searchPath(publication: PublicationPath): string {
  return `${publicationPrefix(publication)}/search`;
}

/** The search of the publication an edition belongs to. */
export function editionSearchPath(publication: { slug: string; isDefault: boolean }): string {
  return searchPath(publication.isDefault ? null : publication.slug);
}

/** A search result opened from the results: the article with the query carried, for highlighting. */
export function withSearchQuery(href: string, q: string, region?: number): string {
  const params = new URLSearchParams({ q });
  if (region !== undefined) params.set("hl", String(region));
  return `${href}?${params.toString()}`;
}

export function archivePath(publication: PublicationPath, month?: string): string {
  return `${publicationPrefix(publication)}/archive${month ? `/${month}` : ""}`;
}

/**
 * A URL segment as Next.js hands it over, percent-decoded; null when it cannot
 * be decoded (/p/%zz, /p/%E4) or is longer than any segment of ours, so the
 * route answers 404 instead of throwing.
 */
export function decodeSegment(segment: string, maxLength = 200): string | null {
  if (segment.length > maxLength * 3) return null;
  try {
    const decoded = decodeURIComponent(segment);
    return decoded.length > maxLength || decoded.includes("\0") ? null : decoded;
  } catch {
    return null;
  }
}

/** A path with a percent-escape that does not decode (or decodes to NUL); the rule lives with server.mjs. */
export { isMalformedPath } from "../server/paths.mjs";

/** Reads the article segment: "3" is canonical, "03" is understood (redirect), anything else is null. */
export function parseUrlArticleNumber(segment: string): { position: number; canonical: boolean } | null {
  if (!/^\d{1,4}$/.test(segment)) return null;
  const position = Number(segment);
  if (position < 1) return null;
  return { position, canonical: String(position) === segment };
}
