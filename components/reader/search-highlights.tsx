"use client";
// An opened search result (?q=… carried over from the results): the query's
// words marked in the article, or the article's region outlined on the page
// (&hl=…), with a way back to the results. Reading the query in the browser
// keeps the article and page views cached and identical for everyone.
import { useEffect, useMemo, useSyncExternalStore } from "react";
import Link from "next/link";
import { findMatches } from "@/lib/search/highlight";
import { parseQuery } from "@/lib/search/query";
import { lastSearch } from "./remember-search";

function markText(root: Element, needles: string[]): HTMLElement[] {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.parentElement?.closest("script, style, mark, nav, [data-search-banner]")
        ? NodeFilter.FILTER_REJECT
        : NodeFilter.FILTER_ACCEPT,
  });
  const nodes: Text[] = [];
  while (walker.nextNode()) nodes.push(walker.currentNode as Text);
  const marks: HTMLElement[] = [];
  for (const node of nodes) {
    const text = node.data;
    const ranges = findMatches(text, needles);
    if (!ranges.length) continue;
    const chars = Array.from(text);
    const fragment = document.createDocumentFragment();
    let at = 0;
    for (const [from, to] of ranges) {
      if (from > at) fragment.append(chars.slice(at, from).join(""));
      const mark = document.createElement("mark");
      mark.dataset.searchHit = "";
      mark.textContent = chars.slice(from, to).join("");
      fragment.append(mark);
      marks.push(mark);
      at = to;
    }
    if (at < chars.length) fragment.append(chars.slice(at).join(""));
    node.replaceWith(fragment);
  }
  return marks;
}

function unmark(marks: HTMLElement[]) {
  for (const mark of marks) {
    const parent = mark.parentNode;
    mark.replaceWith(mark.textContent ?? "");
    parent?.normalize();
  }
}

const bannerClass =
  "flex flex-wrap items-center gap-x-4 gap-y-1 rounded border border-amber-400 bg-amber-50 px-3 py-1 text-sm text-neutral-900 print:hidden dark:bg-amber-950 dark:text-neutral-100";
const bannerLink = "inline-flex min-h-11 items-center text-blue-800 underline dark:text-blue-300";

const noSubscription = () => () => {};

/** The query carried in the URL (?q=…&hl=…); null on the server and without a searchable query. */
function useCarriedQuery(): { q: string; needles: string[]; region: number | null; back: string } | null {
  const search = useSyncExternalStore(
    noSubscription,
    () => location.search,
    () => "",
  );
  const searchPath = useSyncExternalStore(
    noSubscription,
    () => document.querySelector<HTMLFormElement>("form[role=search]")?.getAttribute("action") ?? "/search",
    () => "/search",
  );
  const last = useSyncExternalStore(noSubscription, lastSearch, () => null);
  return useMemo(() => {
    const params = new URLSearchParams(search);
    const q = params.get("q") ?? "";
    const parsed = parseQuery(q);
    if (!parsed.ok) return null;
    const region = Number(params.get("hl"));
    return {
      q,
      needles: parsed.needles,
      region: Number.isInteger(region) && region > 0 ? region : null,
      back:
        last && new URLSearchParams(last.split("?")[1] ?? "").get("q") === q
          ? last
          : `${searchPath}?${new URLSearchParams({ q })}`,
    };
  }, [search, searchPath, last]);
}

/** Marks the query's words in the article (`root` selector) and offers the page view with the region outlined. */
export function ArticleSearchHighlights({
  root,
  pageHref,
  position,
}: {
  root: string;
  pageHref: string;
  position: number;
}) {
  const carried = useCarriedQuery();
  useEffect(() => {
    if (!carried) return;
    const element = document.querySelector(root);
    const marks = element ? markText(element, carried.needles) : [];
    marks.find((mark) => !mark.closest("header"))?.scrollIntoView({ block: "center" });
    return () => unmark(marks);
  }, [carried, root]);
  if (!carried) return null;
  return (
    <div className={bannerClass} data-search-banner role="status">
      <span>搜索“{carried.q}”：文中的搜索词已标出</span>
      <Link href={`${pageHref}?${new URLSearchParams({ q: carried.q, hl: String(position) })}`} className={bannerLink}>
        在版面上查看
      </Link>
      <a href={carried.back} className={bannerLink}>
        返回搜索结果
      </a>
    </div>
  );
}

/** Outlines the article's regions on the page image (&hl=position) and links back to the article and the results. */
export function PageSearchHighlights({ pageHref }: { pageHref: string }) {
  const carried = useCarriedQuery();
  const region = carried?.region ?? null;
  useEffect(() => {
    if (region === null) return;
    const elements = Array.from(document.querySelectorAll<HTMLElement>(`[data-region="${region}"]`));
    for (const element of elements) {
      element.dataset.searchHit = "";
      element.style.outline = "4px solid #d97706";
      element.style.backgroundColor = "rgba(251, 191, 36, 0.25)";
    }
    elements[0]?.scrollIntoView({ block: "center" });
    return () => {
      for (const element of elements) {
        delete element.dataset.searchHit;
        element.style.outline = "";
        element.style.backgroundColor = "";
      }
    };
  }, [region]);
  if (!carried) return null;
  return (
    <div className={bannerClass} data-search-banner role="status">
      <span>
        搜索“{carried.q}”{region !== null && "：文章位置已在版面上标出"}
      </span>
      {region !== null && (
        <Link href={`${pageHref}/${region}?${new URLSearchParams({ q: carried.q })}`} className={bannerLink}>
          阅读文章
        </Link>
      )}
      <a href={carried.back} className={bannerLink}>
        返回搜索结果
      </a>
    </div>
  );
}
