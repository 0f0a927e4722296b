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
} as const;
