// Every length and size limit a stored field has, named once. The database
// columns (prisma/schema.prisma), the reader's schemas (lib/content.ts), the
// admin forms, the import manifest and the API all read them from here;
// lib/limits.test.ts checks them against the migrated database's columns.
// docs/admin.md lists them for editors.

export const LIMITS = {
  publication: { slug: 64, name: 100, description: 500 },
  edition: {
    /** The largest issue number (期号); the column is a PostgreSQL integer (up to 2 147 483 647). */
    issueNumber: 1_000_000,
  },
  page: {
    code: 16,
    name: 100,
  },
  article: {
    kicker: 200,
    title: 300,
    subtitle: 300,
    byline: 200,
    /** Characters in one paragraph; longer ones are split at line breaks or sentence ends (lib/admin/body-text.ts). */
    paragraph: 20_000,
    subhead: 500,
    caption: 1000,
    /** Paragraphs, subheads and images in one body. */
    blocks: 2000,
    /** The body as typed in the form, all blocks together. */
    bodyText: 500_000,
    imageKey: 300,
    /** Pasted raw text before it is split into an article. */
    pasteText: 500_000,
  },
  regions: {
    perArticle: 50,
    polygonPoints: 200,
    /** Region coordinates are image pixels; no page image is larger than this. */
    coordinate: 100_000,
  },
  /** Page images and images in article bodies. */
  image: { maxBytes: 40 * 1024 * 1024, maxSide: 16_000, maxPixels: 60_000_000, minSide: 200 },
  user: { email: 200, name: 100 },
  /**
   * The largest admin form a server action reads, in bytes: the longest body or
   * paste at 4 bytes per character (UTF-8), plus the other fields. next.config.js
   * sets serverActions.bodySizeLimit to this (lib/limits.test.ts checks it), so a
   * form within the character limits always reaches the action and its message.
   */
  formBytes: 3 * 1024 * 1024,
} as const;

/** How every "too long" refusal reads, on the server (lib/validation.ts) and before a form is sent. */
export function textLimitMessage(label: string, max: number, length?: number): string {
  const now = length === undefined ? "" : `（现在 ${length} 个）`;
  return `${label}最多 ${max} 个字符${now}`;
}
