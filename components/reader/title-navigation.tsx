import Link from "next/link";
import { articleHref, pageHref } from "@/lib/reading/urls";
import type { EditionSnapshot, PageSummary } from "@/lib/reading/types";
import { INTENT_PREFETCH } from "./intent-prefetch";
import { PrefetchOnIntent } from "./prefetch-on-intent";

/**
 * 标题导航: every page of the edition, and the titles of the current page's articles.
 * Its links are prefetched on intent: on a phone the list starts just below the page image, where
 * Next.js would fetch the first titles' payloads as the page opens (a01: 8 KB of its lead article).
 */
export function TitleNavigation({
  edition,
  current,
  base,
  currentArticleId,
}: {
  edition: EditionSnapshot;
  current: PageSummary;
  base: string;
  currentArticleId?: number;
}) {
  return (
    <PrefetchOnIntent>
      <nav aria-labelledby="title-nav-heading" className="space-y-5 print:hidden">
        <h2 id="title-nav-heading" className="border-b-2 border-masthead pb-1 text-lg font-bold">
          标题导航
        </h2>
        <section aria-labelledby="current-page-titles">
          <h3 id="current-page-titles" className="mb-1 font-bold">
            本版标题：第{current.code}版 {current.name}
          </h3>
          {current.articles.length === 0 ? (
            <p className="text-neutral-700 dark:text-neutral-300">本版没有文章。</p>
          ) : (
            <ol className="space-y-0.5">
              {current.articles.map((article) => (
                <li key={article.id}>
                  <Link
                    {...INTENT_PREFETCH}
                    href={articleHref(base, current.code, article.position)}
                    aria-current={article.id === currentArticleId ? "page" : undefined}
                    className="block min-h-11 rounded px-2 py-2 leading-snug text-blue-800 hover:bg-neutral-100 hover:underline focus-visible:outline-3 focus-visible:outline-blue-600 aria-[current=page]:bg-amber-100 aria-[current=page]:font-bold aria-[current=page]:text-neutral-950 dark:text-blue-300 dark:hover:bg-neutral-800 dark:aria-[current=page]:bg-amber-900 dark:aria-[current=page]:text-white"
                  >
                    {article.title}
                  </Link>
                </li>
              ))}
            </ol>
          )}
        </section>
        <section aria-labelledby="page-list-heading">
          <h3 id="page-list-heading" className="mb-1 font-bold">
            版面导航
          </h3>
          <ol className="grid grid-cols-2 gap-1 lg:grid-cols-1">
            {edition.pages.map((page) => (
              <li key={page.id}>
                <Link
                  {...INTENT_PREFETCH}
                  href={pageHref(base, page.code)}
                  aria-current={page.id === current.id ? "page" : undefined}
                  className="flex min-h-11 items-center rounded px-2 text-blue-800 hover:bg-neutral-100 hover:underline focus-visible:outline-3 focus-visible:outline-blue-600 aria-[current=page]:bg-masthead aria-[current=page]:text-white dark:text-blue-300 dark:hover:bg-neutral-800 dark:aria-[current=page]:bg-red-800 dark:aria-[current=page]:text-white"
                >
                  第{page.code}版：{page.name}
                </Link>
              </li>
            ))}
          </ol>
        </section>
      </nav>
    </PrefetchOnIntent>
  );
}
