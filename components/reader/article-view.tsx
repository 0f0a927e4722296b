import Link from "next/link";
import { continuationOf } from "@/lib/reading/continuations";
import { formatChineseDate } from "@/lib/reading/dates";
import { articleNeighbours, pageNeighbours, type ArticleLocation } from "@/lib/reading/reading-order";
import { articleHref, fullArticleHref, pageHref } from "@/lib/reading/urls";
import type { ArticleBlock, EditionSnapshot } from "@/lib/reading/types";
import { stripJumpLines } from "@/lib/reading/continuations";
import { ArticleBody } from "./article-body";
import { FontSizeControls } from "./font-size-controls";
import type { EditionLinks } from "@/lib/reading/types";
import { NewsArticleJsonLd } from "./news-article-json-ld";
import { PagePager } from "./page-pager";
import { ShareBar } from "./share-bar";
import { ReaderFooter } from "./reader-footer";
import { ReaderHeader } from "./reader-header";
import { ReaderShortcuts } from "./reader-shortcuts";
import { ArticleSearchHighlights } from "./search-highlights-lazy";
import { TitleNavigation } from "./title-navigation";

const jumpLink =
  "inline-flex min-h-11 items-center font-bold text-blue-800 underline underline-offset-4 hover:no-underline focus-visible:outline-3 focus-visible:outline-blue-600 dark:text-blue-300";
const pagerLink =
  "flex min-h-11 flex-col justify-center rounded border border-neutral-300 px-3 py-2 hover:bg-neutral-100 focus-visible:outline-3 focus-visible:outline-blue-600 dark:border-neutral-600 dark:hover:bg-neutral-800";

export function Breadcrumb({
  edition,
  location,
  links,
  full = false,
}: {
  edition: EditionSnapshot;
  location: ArticleLocation;
  links: EditionLinks;
  full?: boolean;
}) {
  const first = edition.pages[0];
  return (
    <nav aria-label="面包屑" className="text-sm print:hidden">
      <ol className="flex flex-wrap items-center gap-x-1">
        <li>
          <Link
            href={first ? pageHref(links.base, first.code) : links.home}
            className="inline-flex min-h-11 items-center text-blue-800 hover:underline dark:text-blue-300"
          >
            {formatChineseDate(edition.issueDate, false)}
          </Link>
        </li>
        <li aria-hidden="true">›</li>
        <li>
          <Link
            href={pageHref(links.base, location.page.code)}
            className="inline-flex min-h-11 items-center text-blue-800 hover:underline dark:text-blue-300"
          >
            第{location.page.code}版：{location.page.name}
          </Link>
        </li>
        <li aria-hidden="true">›</li>
        <li aria-current="page" className="line-clamp-1 max-w-full text-neutral-800 dark:text-neutral-200">
          {location.article.title}
          {full && "（全文）"}
        </li>
      </ol>
    </nav>
  );
}

function ArticlePager({
  base,
  previous,
  next,
}: {
  base: string;
  previous: ArticleLocation | null;
  next: ArticleLocation | null;
}) {
  const item = (location: ArticleLocation, label: string, rel: string, shortcut: string) => (
    <Link
      href={articleHref(base, location.page.code, location.article.position)}
      className={pagerLink}
      rel={rel}
      aria-keyshortcuts={shortcut}
    >
      <span className="text-sm text-neutral-700 dark:text-neutral-300">
        {label} · 第{location.page.code}版
      </span>
      <span className="text-blue-800 dark:text-blue-300">{location.article.title}</span>
    </Link>
  );
  return (
    <nav aria-label="上一篇下一篇" className="grid gap-2 sm:grid-cols-2 print:hidden">
      <div>
        {previous ? (
          item(previous, "上一篇", "prev", "j")
        ) : (
          <span className="text-neutral-700 dark:text-neutral-300">已是第一篇</span>
        )}
      </div>
      <div className="sm:text-right">
        {next ? (
          item(next, "下一篇", "next", "k")
        ) : (
          <span className="text-neutral-700 dark:text-neutral-300">已是最后一篇</span>
        )}
      </div>
    </nav>
  );
}

export function ArticleHeading({
  location,
  as: Heading = "h1",
  id,
}: {
  location: ArticleLocation;
  as?: "h1" | "h2";
  id?: string;
}) {
  const { article } = location;
  return (
    <header className="article-heading space-y-2">
      {article.kicker && <p className="text-neutral-700 dark:text-neutral-300">{article.kicker}</p>}
      <Heading id={id} className="font-serif text-2xl leading-snug font-black sm:text-3xl">
        {article.title}
      </Heading>
      {article.subtitle && (
        <p className="font-serif text-lg text-neutral-800 dark:text-neutral-200">{article.subtitle}</p>
      )}
      {article.byline && <p className="text-sm text-neutral-700 dark:text-neutral-300">{article.byline}</p>}
    </header>
  );
}

/** The article view: one part of an article, with jumps to its other parts. Props in, markup out (the admin previews with it). */
export function ArticleView({
  edition,
  location,
  blocks,
  links,
  canonicalUrl,
}: {
  edition: EditionSnapshot;
  location: ArticleLocation;
  blocks: ArticleBlock[];
  links: EditionLinks;
  canonicalUrl: string;
}) {
  const { base } = links;
  const articles = articleNeighbours(edition, location.article.id);
  const pages = pageNeighbours(edition, location.page.code);
  const continuation = continuationOf(edition, location.article.id);
  const partHref = (part: ArticleLocation) => articleHref(base, part.page.code, part.article.position);
  const first = continuation.parts[0];
  return (
    <>
      <ReaderHeader
        edition={edition}
        links={links}
        tools={
          <ReaderShortcuts
            previousPage={pages.previous && pageHref(base, pages.previous.code)}
            nextPage={pages.next && pageHref(base, pages.next.code)}
            previousArticle={articles.previous && partHref(articles.previous)}
            nextArticle={articles.next && partHref(articles.next)}
            fontSize
          />
        }
      />
      <main id="main" className="mx-auto grid max-w-7xl gap-8 px-3 py-4 sm:px-4 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="min-w-0 space-y-5">
          <Breadcrumb edition={edition} location={location} links={links} />
          <ArticleSearchHighlights
            root="#main article"
            pageHref={pageHref(base, location.page.code)}
            position={location.article.position}
          />
          <article className="article mx-auto space-y-4" aria-labelledby="article-title">
            <NewsArticleJsonLd edition={edition} page={location.page} article={location.article} url={canonicalUrl} />
            <ArticleHeading location={location} id="article-title" />
            <p className="text-sm text-neutral-700 dark:text-neutral-300">
              第{location.page.code}版：{location.page.name}
              {continuation.parts.length > 1 &&
                `（本文共${continuation.parts.length}部分，此为第${continuation.partIndex + 1}部分）`}
            </p>
            <div className="flex flex-wrap items-center gap-3 print:hidden">
              <FontSizeControls />
              {continuation.parts.length > 1 && first && (
                <Link
                  href={fullArticleHref(base, first.page.code, first.article.position)}
                  className="inline-flex min-h-11 items-center rounded bg-masthead px-4 text-white hover:opacity-90 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-blue-600"
                >
                  阅读全文
                </Link>
              )}
            </div>
            {links.share && (
              <ShareBar path={canonicalUrl} title={location.article.title} posterHref={`${canonicalUrl}/poster.png`} />
            )}
            {continuation.from && (
              <p className="article-jump">
                <Link href={partHref(continuation.from.target)} className={jumpLink} data-jump="from">
                  {continuation.from.label}
                </Link>
              </p>
            )}
            <ArticleBody blocks={stripJumpLines(blocks)} />
            {continuation.to && (
              <p className="article-jump text-right">
                <Link href={partHref(continuation.to.target)} className={jumpLink} data-jump="to">
                  {continuation.to.label}
                </Link>
              </p>
            )}
          </article>
          <ArticlePager base={base} previous={articles.previous} next={articles.next} />
          <PagePager base={base} current={location.page} previous={pages.previous} next={pages.next} />
        </div>
        <div className="lg:py-2">
          <TitleNavigation
            edition={edition}
            current={location.page}
            base={base}
            currentArticleId={location.article.id}
          />
        </div>
      </main>
      <ReaderFooter edition={edition} />
    </>
  );
}

/** 阅读全文: every part of a continued article in order, each marked with its page. */
export function FullArticleView({
  edition,
  parts,
  links,
}: {
  edition: EditionSnapshot;
  parts: { location: ArticleLocation; blocks: ArticleBlock[] }[];
  links: EditionLinks;
}) {
  const { base } = links;
  const [first] = parts;
  return (
    <>
      <ReaderHeader
        edition={edition}
        links={links}
        tools={
          <ReaderShortcuts previousPage={null} nextPage={null} previousArticle={null} nextArticle={null} fontSize />
        }
      />
      <main id="main" className="mx-auto max-w-7xl space-y-5 px-3 py-4 sm:px-4">
        <Breadcrumb edition={edition} location={first.location} links={links} full />
        <ArticleSearchHighlights
          root="#main article"
          pageHref={pageHref(base, first.location.page.code)}
          position={first.location.article.position}
        />
        <article className="article mx-auto space-y-4" aria-labelledby="article-title">
          <ArticleHeading location={first.location} id="article-title" />
          <p className="text-sm text-neutral-700 dark:text-neutral-300">全文，共{parts.length}部分</p>
          <div className="print:hidden">
            <FontSizeControls />
          </div>
          {parts.map(({ location, blocks }, index) => (
            <section
              key={location.article.id}
              aria-label={`第${index + 1}部分，第${location.page.code}版`}
              className="space-y-3"
              data-part={index + 1}
            >
              <p className="border-t border-dashed border-neutral-400 pt-2 text-sm font-bold text-masthead dark:text-red-400">
                <Link
                  href={articleHref(base, location.page.code, location.article.position)}
                  className="hover:underline"
                >
                  第{location.page.code}版：{location.page.name}
                </Link>
              </p>
              <ArticleBody blocks={stripJumpLines(blocks)} />
            </section>
          ))}
        </article>
      </main>
      <ReaderFooter edition={edition} />
    </>
  );
}
