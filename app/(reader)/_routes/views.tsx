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
import { getEditionIndex } from "@/lib/data/editions";
import { getDefaultPublication, getPublicationBySlug } from "@/lib/data/publications";
import { continuationOf } from "@/lib/reading/continuations";
import {
  formatChineseDate,
  formatChineseMonth,
  formatYearMonth,
  parseUrlDate,
  parseYearMonth,
  yearMonthOf,
  type YearMonth,
} from "@/lib/reading/dates";
import { archivePath, articleHref, editionBase, fullArticleHref, homePath, pageHref } from "@/lib/reading/urls";
import {
  linksFor,
  resolveArticle,
  resolveEdition,
  resolveLatest,
  resolvePage,
  resolvePublication,
  type RawParams,
} from "./resolve";

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
  return {
    title: { absolute: `${editionTitle(edition.publication.name, edition.issueDate, edition.issueNumber)} · 头版` },
    description:
      `${edition.publication.name}${formatChineseDate(edition.issueDate)}第${edition.issueNumber}期，头版：${first?.articles.map((article) => article.title).join("；") ?? ""}`.slice(
        0,
        300,
      ),
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
  const { context, page } = await resolvePage(raw);
  const { edition } = context;
  return {
    title: `第${page.code}版：${page.name} · ${editionTitle(edition.publication.name, edition.issueDate, edition.issueNumber)}`,
    description:
      `${edition.publication.name}${formatChineseDate(edition.issueDate, false)}第${page.code}版${page.name}：${page.articles
        .map((article) => article.title)
        .join("；")}`.slice(0, 300),
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
  const { context, location } = await resolveArticle(raw, full ? "/full" : "");
  const { edition } = context;
  return {
    title: `${location.article.title}${full ? "（全文）" : ""} · 第${location.page.code}版 · ${edition.publication.name} ${formatChineseDate(edition.issueDate, false)}`,
    description: location.article.lead || location.article.subtitle || location.article.title,
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
  const index = await getEditionIndex(publication.id);
  const latest = index.at(-1);
  const shown = month ?? (latest ? yearMonthOf(latest.issueDate) : null);
  return { publication, path, index, shown };
}

export async function renderArchive(slug: string | undefined, monthSegment?: string) {
  const month = monthSegment === undefined ? null : parseYearMonth(monthSegment);
  if (monthSegment !== undefined && !month) notFound();
  const { publication, path, index, shown } = await archiveData(slug, month);
  const prefix = formatYearMonth(shown ?? { year: 1970, month: 1 });
  const days = index
    .filter((entry) => entry.issueDate.startsWith(prefix))
    .map((entry) => ({
      date: entry.issueDate,
      issueNumber: entry.issueNumber,
      href: editionBase(path, entry.issueDate),
    }));
  const latest = index.at(-1);
  return (
    <>
      <ArchiveHeader name={publication.name} home={homePath(path)} />
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
  const { publication, shown } = await archiveData(slug, month);
  return {
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
