// What each reader route renders, shared by the default publication's routes
// and the /p/{slug} ones. Route files only pass their params in.
import "server-only";
import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { ArchiveCalendar } from "@/components/reader/archive-calendar";
import { ArticleView, FullArticleView } from "@/components/reader/article-view";
import { PageView } from "@/components/reader/page-view";
import { ArchiveHeader } from "@/components/reader/archive-header";
import { getArticleBody } from "@/lib/data/articles";
import { getEditionIndex, getEditionMonth } from "@/lib/data/editions";
import { getDefaultPublication, getPublicationBySlug } from "@/lib/data/publications";
import { continuationOf } from "@/lib/reading/continuations";
import {
  formatChineseDate,
  formatChineseMonth,
  formatYearMonth,
  parseUrlDate,
  parseYearMonth,
  type YearMonth,
} from "@/lib/reading/dates";
import type { Region } from "@/lib/content";
import { feedPaths } from "@/lib/discovery/feeds";
import type { PageSummary } from "@/lib/reading/types";
import { cardSize } from "@/lib/sharing/cards";
import {
  archivePath,
  articleHref,
  editionBase,
  fullArticleHref,
  homePath,
  pageHref,
  type PublicationPath,
  searchPath,
  withSearchQuery,
} from "@/lib/reading/urls";
import { SearchForm, SearchResults } from "@/components/reader/search-results";
import { getPageNames, searchPublished } from "@/lib/data/search";
import { listPublications } from "@/lib/data/publications";
import { readSearchParams } from "@/lib/search/params";
import {
  linksFor,
  resolveArticle,
  resolveEdition,
  resolveLatest,
  resolvePage,
  resolvePublication,
  type RawParams,
} from "./resolve";

/** The canonical URL and the publication's feeds, for every reader view's <head>. */
function alternates(path: PublicationPath, canonical: string, name: string): Metadata["alternates"] {
  const feeds = feedPaths(path);
  return {
    canonical,
    types: {
      "application/rss+xml": [{ url: feeds.rss, title: `${name} RSS` }],
      "application/atom+xml": [{ url: feeds.atom, title: `${name} Atom` }],
    },
  };
}

/** Open Graph and Twitter cards: the article's region or the page as the picture, the site icon for a text-only page. */
function shareCards(input: {
  title: string;
  description: string;
  url: string;
  siteName: string;
  page: PageSummary;
  regions: Region[] | null;
  /** The page's or the article's URL; the card is `${cardOf}/card.jpg`. */
  cardOf: string;
  publishedTime?: string;
}): Pick<Metadata, "openGraph" | "twitter"> {
  const image = input.page.image
    ? { url: `${input.cardOf}/card.jpg`, ...cardSize(input.page.image, input.regions), alt: input.title }
    : { url: "/icon-512.png", width: 512, height: 512, alt: input.siteName };
  const { title, description } = input;
  return {
    openGraph: {
      type: input.publishedTime ? "article" : "website",
      title,
      description,
      url: input.url,
      siteName: input.siteName,
      locale: "zh_CN",
      images: [image],
      ...(input.publishedTime ? { publishedTime: input.publishedTime } : {}),
    },
    twitter: {
      card: input.page.image ? "summary_large_image" : "summary",
      title,
      description,
      images: [image],
    },
  };
}

function editionTitle(name: string, date: string, issueNumber: number): string {
  return `${name} ${formatChineseDate(date, false)} 第${issueNumber}期`;
}

export async function renderHome(slug?: string) {
  const latest = await resolveLatest(slug);
  const first = latest?.context?.edition.pages[0];
  if (!latest?.context || !first) {
    return (
      <main id="main" className="mx-auto max-w-xl px-4 py-16 text-center">
        <h1 className="font-serif text-3xl font-bold text-masthead">{latest?.publication.name ?? "版面"}</h1>
        <p className="mt-4">还没有出版的报纸。</p>
      </main>
    );
  }
  return <PageView edition={latest.context.edition} page={first} links={linksFor(latest.path, latest.context)} />;
}

export async function homeMetadata(slug?: string): Promise<Metadata> {
  const latest = await resolveLatest(slug);
  const edition = latest?.context?.edition;
  const first = edition?.pages[0];
  if (!latest || !edition) return { title: latest?.publication.name ?? "版面" };
  const title = `${editionTitle(edition.publication.name, edition.issueDate, edition.issueNumber)} · 头版`;
  const description =
    `${edition.publication.name}${formatChineseDate(edition.issueDate)}第${edition.issueNumber}期，头版：${first?.articles.map((article) => article.title).join("；") ?? ""}`.slice(
      0,
      300,
    );
  const url = homePath(latest.path);
  return {
    alternates: alternates(latest.path, url, edition.publication.name),
    title: { absolute: title },
    description,
    ...(first &&
      shareCards({
        title,
        description,
        url,
        siteName: edition.publication.name,
        page: first,
        regions: null,
        cardOf: pageHref(editionBase(latest.path, edition.issueDate), first.code),
      })),
  };
}

export async function redirectToFirstPage(raw: RawParams): Promise<never> {
  const route = await resolveEdition(raw);
  const first = route.context.edition.pages[0];
  if (!first) notFound();
  redirect(pageHref(route.links.base, first.code));
}

export async function renderPage(raw: RawParams) {
  const { context, page, links } = await resolvePage(raw);
  return <PageView edition={context.edition} page={page} links={links} />;
}

export async function pageMetadata(raw: RawParams): Promise<Metadata> {
  const { context, page, links, path } = await resolvePage(raw);
  const { edition } = context;
  const url = pageHref(links.base, page.code);
  const title = `第${page.code}版：${page.name} · ${editionTitle(edition.publication.name, edition.issueDate, edition.issueNumber)}`;
  const description =
    `${edition.publication.name}${formatChineseDate(edition.issueDate, false)}第${page.code}版${page.name}：${page.articles
      .map((article) => article.title)
      .join("；")}`.slice(0, 300);
  return {
    alternates: alternates(path, url, edition.publication.name),
    title,
    description,
    ...shareCards({ title, description, url, siteName: edition.publication.name, page, regions: null, cardOf: url }),
  };
}

export async function renderArticle(raw: RawParams) {
  const { context, location, links } = await resolveArticle(raw);
  const body = await getArticleBody(location.article.id);
  if (!body) notFound();
  const url = articleHref(links.base, location.page.code, location.article.position);
  return (
    <ArticleView edition={context.edition} location={location} blocks={body.blocks} links={links} canonicalUrl={url} />
  );
}

export async function articleMetadata(raw: RawParams, full = false): Promise<Metadata> {
  const { context, location, links, path } = await resolveArticle(raw, full ? "/full" : "");
  const { edition } = context;
  const href = (full ? fullArticleHref : articleHref)(links.base, location.page.code, location.article.position);
  const { article, page } = location;
  const description = article.lead || article.subtitle || article.title;
  return {
    alternates: alternates(path, href, edition.publication.name),
    title: `${article.title}${full ? "（全文）" : ""} · 第${page.code}版 · ${edition.publication.name} ${formatChineseDate(edition.issueDate, false)}`,
    description,
    ...shareCards({
      title: article.title,
      description,
      url: href,
      siteName: edition.publication.name,
      page,
      regions: article.regions,
      cardOf: articleHref(links.base, page.code, article.position),
      publishedTime: `${edition.issueDate}T00:00:00+08:00`,
    }),
  };
}

export async function renderFullArticle(raw: RawParams) {
  const { context, location, links } = await resolveArticle(raw, "/full");
  const { parts } = continuationOf(context.edition, location.article.id);
  // The joined view lives at the first part's URL; other parts point there.
  const first = parts[0];
  if (parts.length < 2) redirect(articleHref(links.base, location.page.code, location.article.position));
  if (first.article.id !== location.article.id)
    redirect(fullArticleHref(links.base, first.page.code, first.article.position));
  const bodies = await Promise.all(parts.map((part) => getArticleBody(part.article.id)));
  return (
    <FullArticleView
      edition={context.edition}
      parts={parts.map((part, index) => ({ location: part, blocks: bodies[index]?.blocks ?? [] }))}
      links={links}
    />
  );
}

async function archiveData(slug: string | undefined, month: YearMonth | null) {
  const { publication, path } = await resolvePublication(slug);
  const calendar = await getEditionMonth(publication.id, month ? formatYearMonth(month) : null);
  const shown = calendar.month === null ? null : parseYearMonth(calendar.month);
  return { publication, path, calendar, shown };
}

export async function renderArchive(slug: string | undefined, monthSegment?: string) {
  const month = monthSegment === undefined ? null : parseYearMonth(monthSegment);
  if (monthSegment !== undefined && !month) notFound();
  const { publication, path, calendar, shown } = await archiveData(slug, month);
  const days = calendar.days.map((entry) => ({
    date: entry.issueDate,
    issueNumber: entry.issueNumber,
    href: editionBase(path, entry.issueDate),
  }));
  const { latest } = calendar;
  return (
    <>
      <ArchiveHeader name={publication.name} home={homePath(path)} search={searchPath(path)} />
      <main id="main" className="mx-auto max-w-3xl space-y-6 px-3 py-6 sm:px-4">
        <h1 className="text-center font-serif text-3xl font-bold">往期阅读</h1>
        {latest && (
          <p className="text-center">
            最新一期：
            <a
              href={editionBase(path, latest.issueDate)}
              className="inline-flex min-h-11 items-center text-blue-800 underline dark:text-blue-300"
            >
              {formatChineseDate(latest.issueDate)}（第{latest.issueNumber}期）
            </a>
          </p>
        )}
        {shown ? (
          <ArchiveCalendar
            month={shown}
            days={days}
            monthHref={(m) => archivePath(path, m)}
            jumpAction={`${archivePath(path)}/go`}
          />
        ) : (
          <p className="text-center">还没有出版的报纸。</p>
        )}
      </main>
    </>
  );
}

export async function archiveMetadata(slug: string | undefined, monthSegment?: string): Promise<Metadata> {
  const month = monthSegment === undefined ? null : parseYearMonth(monthSegment);
  if (monthSegment !== undefined && !month) notFound();
  const { publication, path, shown } = await archiveData(slug, month);
  return {
    alternates: alternates(path, archivePath(path, month ? formatYearMonth(month) : undefined), publication.name),
    title: `往期阅读${shown ? ` ${formatChineseMonth(shown)}` : ""} · ${publication.name}`,
    description: `${publication.name}往期报纸：按日历选择日期阅读。`,
  };
}

export async function archiveStaticParams(slug?: string): Promise<{ month: string }[]> {
  const publication = slug ? await getPublicationBySlug(slug) : await getDefaultPublication();
  const latest = publication ? (await getEditionIndex(publication.id)).at(-1) : undefined;
  return [{ month: latest ? latest.issueDate.slice(0, 7) : "1970-01" }];
}

/** The 跳转 form of the calendar: an edition's first page, or the month with that day marked as having none. */
export async function jumpToDate(request: Request, slug?: string): Promise<Response> {
  const { publication, path } = await resolvePublication(slug);
  const value = new URL(request.url).searchParams.get("date") ?? "";
  const parsed = parseUrlDate(value.slice(0, 20));
  // A relative Location keeps the host the reader used (behind a proxy too).
  const redirectTo = (location: string) => new Response(null, { status: 303, headers: { Location: location } });
  if (!parsed) return redirectTo(archivePath(path));
  const index = await getEditionIndex(publication.id);
  if (index.some((entry) => entry.issueDate === parsed.date)) return redirectTo(editionBase(path, parsed.date));
  return redirectTo(`${archivePath(path, parsed.date.slice(0, 7))}#d${parsed.date}`);
}

/**
 * 搜索: /search looks through every publication, /p/{slug}/search through one.
 * Rendered per request inside the route's Suspense boundary.
 */
export async function renderSearch(slug: string | undefined, query: Record<string, string | string[] | undefined>) {
  const { publication, path } = await resolvePublication(slug, "/search");
  const params = readSearchParams(query);
  if (slug !== undefined) params.publication = publication.slug;
  const [outcome, pageNames, publications] = await Promise.all([
    searchPublished(params),
    getPageNames(),
    slug === undefined ? listPublications() : Promise.resolve(undefined),
  ]);
  const action = searchPath(path);
  return (
    <>
      <ArchiveHeader name={publication.name} home={homePath(path)} search={action} query={params.q} />
      <main id="main" className="mx-auto max-w-3xl space-y-6 px-3 py-6 sm:px-4">
        <h1 className="font-serif text-3xl font-bold">搜索</h1>
        <SearchForm action={action} params={params} pageNames={pageNames} publications={publications} />
        <SearchResults
          outcome={outcome}
          params={params}
          action={action}
          showPublication={(publications?.length ?? 0) > 1}
          links={(hit) => {
            const base = editionBase(hit.publication.isDefault ? null : hit.publication.slug, hit.issueDate);
            return {
              article: withSearchQuery(articleHref(base, hit.pageCode, hit.position), params.q),
              page: withSearchQuery(pageHref(base, hit.pageCode), params.q, hit.position),
            };
          }}
        />
      </main>
    </>
  );
}
