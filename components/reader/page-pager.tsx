import Link from "next/link";
import { pageHref } from "@/lib/reading/urls";
import { INTENT_PREFETCH } from "./intent-prefetch";
import type { PageSummary } from "@/lib/reading/types";

const link =
  "inline-flex min-h-11 items-center rounded border border-neutral-400 px-3 text-blue-800 hover:bg-neutral-100 focus-visible:outline-3 focus-visible:outline-blue-600 dark:border-neutral-500 dark:text-blue-300 dark:hover:bg-neutral-800";

/** 当前版, 上一版 / 下一版 (absent at the ends) and the page PDF. */
export function PagePager({
  base,
  current,
  previous,
  next,
  label = "翻版",
}: {
  base: string;
  current: PageSummary;
  previous: PageSummary | null;
  next: PageSummary | null;
  label?: string;
}) {
  return (
    <nav aria-label={label} className="flex flex-wrap items-center gap-2 print:hidden">
      <span className="font-bold">当前版：{current.code}版</span>
      {previous && (
        <Link
          href={pageHref(base, previous.code)}
          className={link}
          rel="prev"
          {...INTENT_PREFETCH}
          aria-keyshortcuts="ArrowLeft"
        >
          上一版
        </Link>
      )}
      {next && (
        <Link
          href={pageHref(base, next.code)}
          className={link}
          rel="next"
          {...INTENT_PREFETCH}
          aria-keyshortcuts="ArrowRight"
        >
          下一版
        </Link>
      )}
      {current.pdfUrl && (
        <a href={current.pdfUrl} className={link} type="application/pdf">
          本版PDF
        </a>
      )}
    </nav>
  );
}
