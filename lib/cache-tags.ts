// Cache tags shared by the reader's cached reads and the admin's revalidation.
// Named once here so both sides always agree.
export const TAGS = {
  /** Anything that lists editions: home, calendar, previous/next edition. */
  editions: "editions",
  /** One edition and everything in it, by id. */
  edition: (editionId: number) => `edition:${editionId}`,
  /** One page (image, regions, title list), by id. */
  page: (pageId: number) => `page:${pageId}`,
  /** One article (and the chain it belongs to), by id. */
  article: (articleId: number) => `article:${articleId}`,
  /** Publication list and names. */
  publications: "publications",
} as const;
