// What the paste confirmation offers for "（下转第8版）" / "（上接第1版）":
// the page the note names, and on it the article with the same or a similar title.
import { findSimilarTitle, pageRefMatches, type ContinuationNote } from "../paste/parse";

export type PageWithArticles = {
  id: number;
  code: string;
  name: string;
  sortOrder: number;
  articles: { id: number; title: string; nextPartId: number | null; hasPrevious: boolean }[];
};

export type ContinuationSuggestion = {
  note: ContinuationNote;
  page: { id: number; code: string; name: string } | null;
  /** The article to link with, when one with a similar title is free to link. */
  match: { id: number; title: string } | null;
  /** Other articles on that page the editor may choose instead. */
  others: { id: number; title: string }[];
};

export function suggestContinuation(
  note: ContinuationNote | null,
  title: string,
  pages: PageWithArticles[],
  currentPageId: number,
): ContinuationSuggestion | null {
  if (!note) return null;
  const page =
    pages.find((candidate) => candidate.id !== currentPageId && pageRefMatches(note.page, candidate.code)) ?? null;
  if (!page) return { note, page: null, match: null, others: [] };
  // "下转": the target must not already continue something; "上接": the source must not already continue elsewhere.
  const free = page.articles.filter((article) =>
    note.direction === "to" ? !article.hasPrevious : article.nextPartId === null,
  );
  const match = findSimilarTitle(title, free);
  return {
    note,
    page: { id: page.id, code: page.code, name: page.name },
    match: match ? { id: match.id, title: match.title } : null,
    others: free
      .filter((article) => article.id !== match?.id)
      .map((article) => ({ id: article.id, title: article.title })),
  };
}
