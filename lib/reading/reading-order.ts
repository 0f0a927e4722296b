// Reading order across an edition: every article of a page in order, then
// the first article of the next page. Pages are already in print order.
import type { ArticleSummary, EditionSnapshot, PageSummary } from "./types";

export type ArticleLocation = { page: PageSummary; article: ArticleSummary; index: number };

export function readingOrder(edition: EditionSnapshot): ArticleLocation[] {
  const order: ArticleLocation[] = [];
  for (const page of edition.pages) {
    for (const article of page.articles) order.push({ page, article, index: order.length });
  }
  return order;
}

export function findPage(edition: EditionSnapshot, code: string): PageSummary | null {
  return edition.pages.find((page) => page.code.toLowerCase() === code.toLowerCase()) ?? null;
}

export function locateArticle(edition: EditionSnapshot, articleId: number): ArticleLocation | null {
  return readingOrder(edition).find((location) => location.article.id === articleId) ?? null;
}

export function findArticle(edition: EditionSnapshot, code: string, position: number): ArticleLocation | null {
  const page = findPage(edition, code);
  const article = page?.articles.find((candidate) => candidate.position === position);
  return page && article ? (locateArticle(edition, article.id) ?? null) : null;
}

export type Neighbours<T> = { previous: T | null; next: T | null };

export function articleNeighbours(edition: EditionSnapshot, articleId: number): Neighbours<ArticleLocation> {
  const order = readingOrder(edition);
  const index = order.findIndex((location) => location.article.id === articleId);
  if (index < 0) return { previous: null, next: null };
  return { previous: order[index - 1] ?? null, next: order[index + 1] ?? null };
}

export function pageNeighbours(edition: EditionSnapshot, code: string): Neighbours<PageSummary> {
  const index = edition.pages.findIndex((page) => page.code.toLowerCase() === code.toLowerCase());
  if (index < 0) return { previous: null, next: null };
  return { previous: edition.pages[index - 1] ?? null, next: edition.pages[index + 1] ?? null };
}

/**
 * From a page view, "next article" is the page's first article (or, on a page
 * without articles, the first one after it) and "previous article" the last
 * article before the page.
 */
export function articlesAroundPage(edition: EditionSnapshot, code: string): Neighbours<ArticleLocation> {
  const order = readingOrder(edition);
  const pageIndex = edition.pages.findIndex((page) => page.code.toLowerCase() === code.toLowerCase());
  if (pageIndex < 0) return { previous: null, next: null };
  const before = order.filter((location) => edition.pages.indexOf(location.page) < pageIndex);
  const from = order.filter((location) => edition.pages.indexOf(location.page) >= pageIndex);
  return { previous: before.at(-1) ?? null, next: from[0] ?? null };
}
