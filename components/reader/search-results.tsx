import Link from "next/link";
import { formatChineseDate } from "@/lib/reading/dates";
import type { Segment } from "@/lib/search/highlight";
import { searchQueryString, type SearchParams } from "@/lib/search/params";
import { SEARCH_LIMITS } from "@/lib/search/query";
import type { SearchHit, SearchOutcome } from "@/lib/search/search";
import { RememberSearch } from "./remember-search";

const input =
  "h-11 rounded border border-neutral-400 bg-white px-2 text-base focus-visible:outline-3 focus-visible:outline-blue-600 dark:border-neutral-600 dark:bg-neutral-900";
const link = "text-blue-800 underline-offset-4 hover:underline dark:text-blue-300";

export function Highlighted({ segments }: { segments: Segment[] }) {
  return segments.map((segment, index) =>
    segment.match ? (
      <mark key={index} className="bg-amber-200 text-inherit dark:bg-amber-700">
        {segment.text}
      </mark>
    ) : (
      segment.text
    ),
  );
}

export type HitLinks = { article: string; page: string };

/** The search form with its filters. `publications` is offered only where more than one can be chosen. */
export function SearchForm({
  action,
  params,
  pageNames,
  publications,
}: {
  action: string;
  params: SearchParams;
  pageNames: string[];
  publications?: { slug: string; name: string }[];
}) {
  return (
    <form action={action} method="get" role="search" aria-label="搜索与筛选" className="space-y-3">
      <div className="flex gap-2">
        <label htmlFor="search-q" className="sr-only">
          搜索词
        </label>
        <input
          id="search-q"
          type="search"
          name="q"
          defaultValue={params.q}
          maxLength={200}
          className={`${input} min-w-0 flex-1`}
          placeholder="例如：春运 铁路　“乡村振兴”　标题:冬奥　作者:王小明"
        />
        <button className="h-11 rounded bg-masthead px-5 text-white hover:opacity-90 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-blue-600">
          搜索
        </button>
      </div>
      <details open={Boolean(params.from || params.to || params.date || params.pageName || params.publication)}>
        <summary className="inline-flex min-h-11 cursor-pointer items-center text-sm">筛选与排序</summary>
        <div className="grid gap-3 pt-2 text-sm sm:grid-cols-3">
          <label className="flex flex-col gap-1">
            起始日期
            <input type="date" name="from" defaultValue={params.from ?? ""} className={input} />
          </label>
          <label className="flex flex-col gap-1">
            截止日期
            <input type="date" name="to" defaultValue={params.to ?? ""} className={input} />
          </label>
          <label className="flex flex-col gap-1">
            只搜某一期
            <input type="date" name="date" defaultValue={params.date ?? ""} className={input} />
          </label>
          <label className="flex flex-col gap-1">
            版名
            <input
              name="ban"
              list="search-page-names"
              defaultValue={params.pageName ?? ""}
              maxLength={100}
              className={input}
            />
            <datalist id="search-page-names">
              {pageNames.map((name) => (
                <option key={name} value={name} />
              ))}
            </datalist>
          </label>
          {publications && publications.length > 1 && (
            <label className="flex flex-col gap-1">
              报纸
              <select name="pub" defaultValue={params.publication ?? ""} className={input}>
                <option value="">全部</option>
                {publications.map((publication) => (
                  <option key={publication.slug} value={publication.slug}>
                    {publication.name}
                  </option>
                ))}
              </select>
            </label>
          )}
          <label className="flex flex-col gap-1">
            排序
            <select name="sort" defaultValue={params.sort} className={input}>
              <option value="relevance">按相关度</option>
              <option value="date">按日期（新的在前）</option>
            </select>
          </label>
        </div>
      </details>
    </form>
  );
}

/** Result count, the hits and the pager; a message instead for a query that cannot be searched. */
export function SearchResults({
  outcome,
  params,
  action,
  links,
  showPublication = false,
}: {
  outcome: SearchOutcome;
  params: SearchParams;
  action: string;
  links: (hit: SearchHit) => HitLinks;
  showPublication?: boolean;
}) {
  if (!outcome.ok)
    return outcome.empty ? null : (
      <p role="alert" className="rounded border border-amber-400 bg-amber-50 p-3 dark:bg-amber-950">
        {outcome.message}
      </p>
    );
  const pageHref = (page: number) => `${action}?${searchQueryString(params, { page })}`;
  return (
    <section aria-labelledby="results-heading" className="space-y-4">
      <RememberSearch />
      <h2 id="results-heading" className="text-lg font-bold" aria-live="polite">
        {outcome.more
          ? `找到超过 ${SEARCH_LIMITS.ranked} 篇文章`
          : outcome.total
            ? `找到 ${outcome.total} 篇文章`
            : "没有找到相关文章"}
        {outcome.total > 0 && outcome.pages > 1 && (
          <span className="ml-2 text-sm font-normal text-neutral-700 dark:text-neutral-300">
            第 {outcome.page} / {outcome.pages} 页
          </span>
        )}
      </h2>
      {params.ignored.length > 0 && (
        <p className="text-sm text-neutral-700 dark:text-neutral-300">
          无法识别的筛选条件已忽略：{params.ignored.join("、")}
        </p>
      )}
      {outcome.total === 0 && <p>换个说法，或者少用几个词、去掉筛选条件再试。</p>}
      {outcome.more && (
        <p className="text-sm text-neutral-700 dark:text-neutral-300">
          结果很多：这里列出最新的 {SEARCH_LIMITS.ranked}{" "}
          篇，按所选方式排序。加上日期、版名或更多字词可以找到更早的文章。
        </p>
      )}
      <ol className="space-y-5" data-testid="search-results">
        {outcome.hits.map((hit) => {
          const href = links(hit);
          return (
            <li key={hit.articleId} className="border-b border-neutral-200 pb-4 dark:border-neutral-700">
              <h3 className="font-serif text-lg font-bold">
                <Link href={href.article} className={link}>
                  <Highlighted segments={hit.titleSegments} />
                </Link>
                {!hit.published && (
                  <span className="ml-2 rounded bg-neutral-200 px-2 text-xs font-normal text-neutral-800">草稿</span>
                )}
              </h3>
              <p className="mt-1 flex flex-wrap gap-x-3 text-sm text-neutral-700 dark:text-neutral-300">
                {showPublication && <span>{hit.publication.name}</span>}
                <time dateTime={hit.issueDate}>{formatChineseDate(hit.issueDate, false)}</time>
                <Link href={href.page} className={link}>
                  第{hit.pageCode}版：{hit.pageName}
                </Link>
                {hit.byline && <span>{hit.byline}</span>}
              </p>
              {hit.snippet.length > 0 && (
                <p className="mt-1 text-neutral-900 dark:text-neutral-100">
                  <Highlighted segments={hit.snippet} />
                </p>
              )}
            </li>
          );
        })}
      </ol>
      {outcome.pages > 1 && (
        <nav aria-label="搜索结果翻页" className="flex items-center justify-between gap-2">
          {outcome.page > 1 ? (
            <Link href={pageHref(outcome.page - 1)} className={`${link} inline-flex min-h-11 items-center`} rel="prev">
              上一页
            </Link>
          ) : (
            <span />
          )}
          {outcome.page < outcome.pages && (
            <Link href={pageHref(outcome.page + 1)} className={`${link} inline-flex min-h-11 items-center`} rel="next">
              下一页
            </Link>
          )}
        </nav>
      )}
    </section>
  );
}
