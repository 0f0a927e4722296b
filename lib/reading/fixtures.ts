// Small editions for the unit tests of the reading logic.
import type { ArticleSummary, EditionSnapshot, PageSummary } from "./types";

let nextId = 1;

export function article(overrides: Partial<ArticleSummary> = {}): ArticleSummary {
  const id = overrides.id ?? nextId++;
  return {
    id,
    position: 1,
    kicker: null,
    title: `文章${id}`,
    subtitle: null,
    byline: null,
    lead: "",
    regions: [],
    nextPartId: null,
    updatedAt: "2026-11-25T08:00:00.000Z",
    ...overrides,
  };
}

export function page(code: string, articles: ArticleSummary[], overrides: Partial<PageSummary> = {}): PageSummary {
  return {
    id: nextId++,
    code,
    name: `版${code}`,
    image: null,
    pdfUrl: null,
    articles: articles.map((a, index) => ({ ...a, position: index + 1 })),
    ...overrides,
  };
}

export function edition(pages: PageSummary[]): EditionSnapshot {
  return {
    id: 1,
    publication: { id: 1, slug: "haicheng", name: "海城日报", isDefault: true },
    issueDate: "2026-11-25",
    issueNumber: 100,
    status: "PUBLISHED",
    pages,
  };
}
