import Link from "next/link";
import { Fragment } from "react";
import type { ClipRect } from "@/lib/reading/clips";
import { formatChineseDate } from "@/lib/reading/dates";
import type { EditionLinks, EditionSnapshot, PageSummary } from "@/lib/reading/types";
import { pageHref } from "@/lib/reading/urls";
import { PrintButton } from "./print-button";
import { ReaderFooter } from "./reader-footer";
import { ReaderHeader } from "./reader-header";

/** 剪报: a rectangle of a page with the paper's name, date and page, ready to share or print. */
export function ClipView({
  edition,
  page,
  links,
  rect,
  imageSrc,
  title,
  titleParts,
}: {
  edition: EditionSnapshot;
  page: PageSummary;
  links: EditionLinks;
  rect: ClipRect;
  imageSrc: string;
  title: string;
  /** The title in parts a line may break between (never inside "第a01版"). */
  titleParts: string[];
}) {
  const caption = [
    edition.publication.name,
    formatChineseDate(edition.issueDate),
    `第${edition.issueNumber}期`,
    `第${page.code}版 ${page.name}`,
  ];
  return (
    <>
      <ReaderHeader edition={edition} links={links} />
      <main id="main" className="mx-auto max-w-4xl space-y-3 px-3 py-4 sm:px-4">
        <h1 className="font-serif text-xl font-bold">
          {titleParts.map((part, index) => (
            <Fragment key={index}>
              {index ? " " : ""}
              <span className="whitespace-nowrap">{part}</span>
            </Fragment>
          ))}
        </h1>
        <figure className="space-y-2">
          <img
            src={imageSrc}
            width={rect.w}
            height={rect.h}
            alt={`${title}（版面局部）`}
            className="mx-auto block h-auto max-w-full border border-neutral-300 bg-white dark:border-neutral-700"
          />
          <figcaption className="text-center text-sm text-neutral-700 dark:text-neutral-300">
            {caption.map((part, index) => (
              <Fragment key={index}>
                {index ? " · " : ""}
                <span className="whitespace-nowrap">{part}</span>
              </Fragment>
            ))}
          </figcaption>
        </figure>
        <p className="flex flex-wrap gap-x-4 gap-y-2 print:hidden">
          <Link href={pageHref(links.base, page.code)} className="text-blue-800 underline dark:text-blue-300">
            查看第{page.code}版整版
          </Link>
          <a href={imageSrc} className="text-blue-800 underline dark:text-blue-300" download>
            下载图片
          </a>
          <PrintButton />
        </p>
      </main>
      <ReaderFooter edition={edition} />
    </>
  );
}
