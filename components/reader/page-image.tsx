import Link from "next/link";
import { DENSE_PHONE } from "@/lib/deep-zoom";
import { regionStyle } from "@/lib/regions";
import { INTENT_PREFETCH } from "./intent-prefetch";
import { PagePicture } from "./page-picture";
import { PageZoom } from "./page-zoom";
import { articleHref, pageHref } from "@/lib/reading/urls";
import type { PageImage as PageImageData, PageSummary } from "@/lib/reading/types";

/**
 * The page image's layout width for the browser's srcset choice: 56rem beside
 * the title navigation from 1024 px, the screen's width below. A phone at 2.5×
 * or more is told two thirds of its width, so it takes the image at about 2×
 * its width (800 px on a 390 px phone at 3×, not 1400 px): the whole page in
 * 390 CSS px is for finding an article, and zooming in loads tiles.
 */
const PAGE_IMAGE_SIZES = `(min-width: 1024px) 56rem, ${DENSE_PHONE} calc(200vw / 3), 100vw`;

/**
 * The page image with each article's regions as links laid over it in
 * percentages, so they scale with the image at every width and zoom. With
 * deep-zoom tiles the page zooms in its frame (PageZoom).
 */
export function PageImage({
  page,
  image,
  base,
  clips = false,
}: {
  page: PageSummary;
  image: PageImageData;
  base: string;
  /** Offer 剪报 (the reader's own URLs; not the admin's preview). */
  clips?: boolean;
}) {
  const img = (
    <PagePicture
      src={image.src}
      srcSet={image.srcSet}
      sizes={PAGE_IMAGE_SIZES}
      width={image.width}
      height={image.height}
      alt={`第${page.code}版：${page.name} 版面图`}
      className={`block h-auto w-full bg-white ${image.tiles ? "" : "border border-neutral-300 dark:border-neutral-700"}`}
      fetchPriority="high"
      draggable={false}
    />
  );
  const regions = page.articles.flatMap((article) =>
    article.regions.map((region, index) => (
      <Link
        key={`${article.id}-${index}`}
        href={articleHref(base, page.code, article.position)}
        aria-label={article.title}
        title={article.title}
        data-region={article.position}
        className="absolute block border-2 border-transparent transition-colors hover:border-blue-600 hover:bg-blue-500/15 focus-visible:border-blue-700 focus-visible:bg-blue-500/20 focus-visible:outline-3 focus-visible:outline-offset-0 focus-visible:outline-amber-400 active:bg-blue-500/25"
        style={regionStyle(region, image)}
        draggable={false}
        {...INTENT_PREFETCH}
      />
    )),
  );
  return (
    <div className="relative w-full select-none" data-testid="page-image">
      {image.tiles ? (
        <PageZoom
          tiles={image.tiles}
          base={img}
          overlay={regions}
          clipBase={clips ? `${pageHref(base, page.code)}/clip/` : undefined}
        />
      ) : (
        <>
          {img}
          {regions}
        </>
      )}
    </div>
  );
}

/** A page without an image: its articles' titles and first lines. */
export function PageTextLayout({ page, base }: { page: PageSummary; base: string }) {
  return (
    <section
      aria-label="本版文章"
      className="grid gap-4 border border-neutral-300 bg-white p-4 sm:grid-cols-2 dark:border-neutral-700 dark:bg-neutral-900"
    >
      {page.articles.length === 0 && <p>本版暂无内容。</p>}
      {page.articles.map((article) => (
        <div key={article.id} className="border-b border-neutral-200 pb-3 dark:border-neutral-700">
          {article.kicker && <p className="text-sm text-neutral-700 dark:text-neutral-300">{article.kicker}</p>}
          <h2 className="font-serif text-lg font-bold">
            <Link
              href={articleHref(base, page.code, article.position)}
              className="text-blue-800 hover:underline focus-visible:outline-3 focus-visible:outline-blue-600 dark:text-blue-300"
            >
              {article.title}
            </Link>
          </h2>
          {article.lead && <p className="mt-1 line-clamp-3 text-neutral-800 dark:text-neutral-200">{article.lead}</p>}
        </div>
      ))}
    </section>
  );
}
