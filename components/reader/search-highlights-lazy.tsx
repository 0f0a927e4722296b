"use client";
// The search highlights (search-highlights.tsx: the query parser, the text
// marking and the banner) load only when the URL carries a search (?q=…), so
// a reader who did not come from the results downloads none of it.
import dynamic from "next/dynamic";
import { useSyncExternalStore, type ComponentProps } from "react";
import type * as Highlights from "./search-highlights";

const ArticleHighlights = dynamic(
  () => import("./search-highlights").then((module) => module.ArticleSearchHighlights),
  {
    ssr: false,
  },
);
const PageHighlights = dynamic(() => import("./search-highlights").then((module) => module.PageSearchHighlights), {
  ssr: false,
});

const noSubscription = () => () => {};

function useCarriesSearch(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => new URLSearchParams(location.search).has("q"),
    () => false,
  );
}

export function ArticleSearchHighlights(props: ComponentProps<typeof Highlights.ArticleSearchHighlights>) {
  return useCarriesSearch() ? <ArticleHighlights {...props} /> : null;
}

export function PageSearchHighlights(props: ComponentProps<typeof Highlights.PageSearchHighlights>) {
  return useCarriesSearch() ? <PageHighlights {...props} /> : null;
}
