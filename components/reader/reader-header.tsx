import Link from "next/link";
import { formatChineseDate } from "@/lib/reading/dates";
import type { EditionSnapshot } from "@/lib/reading/types";
import type { EditionLinks } from "@/lib/reading/types";
import { editionSearchPath } from "@/lib/reading/urls";
import { INTENT_PREFETCH } from "./intent-prefetch";
import { PrefetchOnIntent } from "./prefetch-on-intent";
import { SearchBox } from "./search-box";
import { ThemeToggle } from "./theme-toggle";

const navLink =
  "inline-flex min-h-11 items-center rounded px-2 text-blue-800 underline-offset-4 hover:underline focus-visible:outline-3 focus-visible:outline-blue-600 dark:text-blue-300";

/** Masthead: the paper's name, the edition's date and number, 上一期 / 下一期 and 往期阅读. */
export function ReaderHeader({
  edition,
  links,
  tools,
}: {
  edition: EditionSnapshot;
  links: EditionLinks;
  tools?: React.ReactNode;
}) {
  return (
    <header className="border-b-4 border-double border-masthead bg-white print:border-b dark:bg-neutral-950">
      <PrefetchOnIntent className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-4 gap-y-1 px-3 py-2 sm:px-4">
        <Link
          {...INTENT_PREFETCH}
          href={links.home}
          className="inline-flex min-h-11 items-center font-serif text-2xl font-black tracking-widest text-masthead focus-visible:outline-3 focus-visible:outline-blue-600 dark:text-red-400"
        >
          {edition.publication.name}
        </Link>
        <p className="text-sm text-neutral-800 dark:text-neutral-200">
          <time dateTime={edition.issueDate}>{formatChineseDate(edition.issueDate)}</time>
          <span className="ml-2">第{edition.issueNumber}期</span>
          {edition.status === "DRAFT" && <strong className="ml-2 text-masthead dark:text-red-400">（草稿预览）</strong>}
        </p>
        <nav aria-label="期数" className="flex flex-wrap items-center gap-x-1 text-sm print:hidden">
          {links.previousEdition ? (
            <Link {...INTENT_PREFETCH} href={links.previousEdition.href} className={navLink} rel="prev">
              上一期
            </Link>
          ) : (
            <span
              className="inline-flex min-h-11 items-center px-2 text-neutral-600 dark:text-neutral-400"
              aria-disabled="true"
            >
              上一期
            </span>
          )}
          {links.nextEdition ? (
            <Link {...INTENT_PREFETCH} href={links.nextEdition.href} className={navLink} rel="next">
              下一期
            </Link>
          ) : (
            <span
              className="inline-flex min-h-11 items-center px-2 text-neutral-600 dark:text-neutral-400"
              aria-disabled="true"
            >
              下一期
            </span>
          )}
          {links.archive && (
            <Link {...INTENT_PREFETCH} href={links.archive} className={navLink}>
              往期阅读
            </Link>
          )}
        </nav>
        <div className="ml-auto flex items-center gap-1 print:hidden">
          <SearchBox action={editionSearchPath(edition.publication)} />
          {tools}
          <ThemeToggle />
        </div>
      </PrefetchOnIntent>
    </header>
  );
}
