"use client";
// The results page the reader came from, for the "返回搜索结果" links of
// search-highlights.tsx. Its own module: the results page imports it, and the
// highlights stay out of the reader's first JavaScript (search-highlights-lazy.tsx).
import { useEffect } from "react";

const LAST_SEARCH = "banmian:last-search";

/** Remembers the results page (with its filters and page number) for the "返回搜索结果" links. */
export function RememberSearch() {
  useEffect(() => {
    try {
      sessionStorage.setItem(LAST_SEARCH, `${location.pathname}${location.search}`);
    } catch {
      // Private modes may refuse storage; the back link then falls back to a plain search for the query.
    }
  }, []);
  return null;
}

export function lastSearch(): string | null {
  try {
    return sessionStorage.getItem(LAST_SEARCH);
  } catch {
    // See RememberSearch.
    return null;
  }
}
