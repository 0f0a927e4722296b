// Articles that run over several pages are chains of parts linked by
// nextPartId. The jump lines "（下转第8版）" and "（上接第1版）" are derived
// from the chain, never stored in the text.
import { findNote } from "../paste/parse";
import { pageNumberLabel } from "./page-codes";
import { locateArticle, type ArticleLocation } from "./reading-order";
import type { ArticleBlock, EditionSnapshot } from "./types";

/** All parts of the chain the article belongs to, first part first. Safe against cycles and parts missing from the edition. */
export function continuationChain(edition: EditionSnapshot, articleId: number): ArticleLocation[] {
  const start = locateArticle(edition, articleId);
  if (!start) return [];
  const previousOf = new Map<number, number>();
  for (const page of edition.pages) {
    for (const article of page.articles)
      if (article.nextPartId !== null) previousOf.set(article.nextPartId, article.id);
  }
  let first = start;
  const seen = new Set<number>([first.article.id]);
  for (let id = previousOf.get(first.article.id); id !== undefined && !seen.has(id); id = previousOf.get(id)) {
    const location = locateArticle(edition, id);
    if (!location) break;
    seen.add(id);
    first = location;
  }
  const chain: ArticleLocation[] = [first];
  const inChain = new Set<number>([first.article.id]);
  for (let id = first.article.nextPartId; id !== null && !inChain.has(id);) {
    const location = locateArticle(edition, id);
    if (!location) break;
    chain.push(location);
    inChain.add(id);
    id = location.article.nextPartId;
  }
  return chain;
}

export type Jump = { label: string; target: ArticleLocation };

export type Continuation = {
  parts: ArticleLocation[];
  /** 0-based index of this article in the chain. */
  partIndex: number;
  /** "（上接第1版）" linking to the previous part. */
  from: Jump | null;
  /** "（下转第8版）" linking to the next part. */
  to: Jump | null;
};

export function continuationOf(edition: EditionSnapshot, articleId: number): Continuation {
  const parts = continuationChain(edition, articleId);
  const partIndex = parts.findIndex((part) => part.article.id === articleId);
  const codes = edition.pages.map((page) => page.code);
  const previous = partIndex > 0 ? parts[partIndex - 1] : null;
  const next = partIndex >= 0 ? (parts[partIndex + 1] ?? null) : null;
  return {
    parts,
    partIndex,
    from: previous ? { label: `（上接第${pageNumberLabel(previous.page.code, codes)}版）`, target: previous } : null,
    to: next ? { label: `（下转第${pageNumberLabel(next.page.code, codes)}版）`, target: next } : null,
  };
}

/**
 * Removes jump lines typed into the text itself (pasted from the print
 * layout), since the reader adds its own, linked ones. The paste parser
 * owns what a jump line looks like.
 */
export function stripJumpLines(blocks: ArticleBlock[]): ArticleBlock[] {
  return blocks
    .map((block, index) => {
      if (block.type !== "paragraph") return block;
      let text = block.text;
      if (index === 0) text = findNote(text, "from", "start")?.rest ?? text;
      if (index === blocks.length - 1) text = findNote(text, "to", "end")?.rest ?? text;
      return { ...block, text };
    })
    .filter((block) => block.type !== "paragraph" || block.text.trim() !== "");
}
