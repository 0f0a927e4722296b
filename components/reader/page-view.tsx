import { articlesAroundPage, pageNeighbours } from "@/lib/reading/reading-order";
import { articleHref, pageHref } from "@/lib/reading/urls";
import type { EditionSnapshot, PageSummary } from "@/lib/reading/types";
import type { EditionLinks } from "@/lib/reading/types";
import { PageImage, PageTextLayout } from "./page-image";
import { PagePager } from "./page-pager";
import { PrefetchOnIntent } from "./prefetch-on-intent";
import { ShareBar } from "./share-bar";
import { ReaderFooter } from "./reader-footer";
import { ReaderHeader } from "./reader-header";
import { ReaderShortcuts } from "./reader-shortcuts";
import { PageSearchHighlights } from "./search-highlights-lazy";
import { TitleNavigation } from "./title-navigation";

/** 版面: the page image with clickable regions beside the title navigation. Props in, markup out (the admin previews with it). */
export function PageView({
  edition,
  page,
  links,
}: {
  edition: EditionSnapshot;
  page: PageSummary;
  links: EditionLinks;
}) {
  const { previous, next } = pageNeighbours(edition, page.code);
  const articles = articlesAroundPage(edition, page.code);
  const href = (location: typeof articles.next) =>
    location ? articleHref(links.base, location.page.code, location.article.position) : null;
  return (
    <>
      <ReaderHeader
        edition={edition}
        links={links}
        tools={
          <ReaderShortcuts
            previousPage={previous && pageHref(links.base, previous.code)}
            nextPage={next && pageHref(links.base, next.code)}
            previousArticle={href(articles.previous)}
            nextArticle={href(articles.next)}
            swipe
            zoom={Boolean(page.image?.tiles)}
          />
        }
      />
      <main id="main" className="mx-auto grid max-w-7xl gap-6 px-3 py-4 sm:px-4 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <PrefetchOnIntent className="min-w-0 space-y-3">
          <h1 className="font-serif text-xl font-bold">
            第{page.code}版：{page.name}
          </h1>
          {links.share && <ShareBar path={pageHref(links.base, page.code)} title={`第${page.code}版：${page.name}`} />}
          <PageSearchHighlights pageHref={pageHref(links.base, page.code)} />
          <PagePager base={links.base} current={page} previous={previous} next={next} />
          {page.image ? (
            <PageImage page={page} image={page.image} base={links.base} clips={links.clips} />
          ) : (
            <PageTextLayout page={page} base={links.base} />
          )}
          <PagePager base={links.base} current={page} previous={previous} next={next} label="翻版（底部）" />
        </PrefetchOnIntent>
        <div className="lg:sticky lg:top-0 lg:max-h-screen lg:self-start lg:overflow-y-auto lg:py-2">
          <TitleNavigation edition={edition} current={page} base={links.base} />
        </div>
      </main>
      <ReaderFooter edition={edition} />
    </>
  );
}
