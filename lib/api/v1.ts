// The read-only JSON API under /api/v1: published content only, built from
// the same cached reads as the reader's views (so an editor's change reaches
// both together). Shapes are described in ./openapi.ts; e2e/api.spec.ts checks
// every response against that document.
import "server-only";
import { getArticleBody, getArticleEditionId } from "@/lib/data/articles";
import { getEdition, getEditionIndex, getPublishedEdition } from "@/lib/data/editions";
import { getPublicationBySlug, listPublications, type PublicationInfo } from "@/lib/data/publications";
import { searchPublished } from "@/lib/data/search";
import { continuationChain } from "@/lib/reading/continuations";
import { parseUrlDate, type IsoDate } from "@/lib/reading/dates";
import { parseUrlPageCode, urlPageCode } from "@/lib/reading/page-codes";
import { findPage } from "@/lib/reading/reading-order";
import type { ArticleSummary, EditionSnapshot, PageSummary } from "@/lib/reading/types";
import { articleHref, editionBase, homePath, pageHref } from "@/lib/reading/urls";
import { segmentsToHtml } from "@/lib/search/highlight";
import { readSearchParams, searchQueryString } from "@/lib/search/params";
import { SEARCH_LIMITS } from "@/lib/search/query";
import { MAX_EDITIONS } from "./v1-limits";

export const API_BASE = "/api/v1";

export { MAX_EDITIONS } from "./v1-limits";

export class ApiError extends Error {
  constructor(
    readonly status: 400 | 404,
    message: string,
  ) {
    super(message);
  }
}

const notFound = (what: string) => new ApiError(404, what);

const readerPath = (publication: { slug: string; isDefault: boolean }) =>
  publication.isDefault ? null : publication.slug;

export const apiUrls = {
  publications: `${API_BASE}/publications`,
  editions: (slug: string) => `${API_BASE}/publications/${encodeURIComponent(slug)}/editions`,
  edition: (slug: string, date: IsoDate) => `${apiUrls.editions(slug)}/${date}`,
  page: (slug: string, date: IsoDate, code: string) => `${apiUrls.edition(slug, date)}/pages/${urlPageCode(code)}`,
  article: (id: number) => `${API_BASE}/articles/${id}`,
  search: `${API_BASE}/search`,
  openapi: `${API_BASE}/openapi.json`,
};

function publicationJson(publication: PublicationInfo) {
  return {
    slug: publication.slug,
    name: publication.name,
    description: publication.description,
    isDefault: publication.isDefault,
    readerUrl: homePath(readerPath(publication)),
    editionsUrl: apiUrls.editions(publication.slug),
  };
}

export async function publicationsJson() {
  return { publications: (await listPublications()).map(publicationJson) };
}

async function publicationOf(slug: string): Promise<PublicationInfo> {
  const publication = await getPublicationBySlug(slug);
  if (!publication) throw notFound(`没有这份报纸：${slug.slice(0, 64)}`);
  return publication;
}

function dateParam(value: string | null, name: string): IsoDate | null {
  if (value === null || value === "") return null;
  const parsed = parseUrlDate(value.slice(0, 20));
  if (!parsed) throw new ApiError(400, `${name} 不是日期（YYYY-MM-DD）`);
  return parsed.date;
}

/** Published editions in a date range, newest first; without a range the newest 30. */
export async function editionsJson(slug: string, query: URLSearchParams) {
  const publication = await publicationOf(slug);
  const from = dateParam(query.get("from"), "from");
  const to = dateParam(query.get("to"), "to");
  if (from && to && from > to) throw new ApiError(400, "from 晚于 to");
  const index = await getEditionIndex(publication.id);
  let entries = index.filter((entry) => (!from || entry.issueDate >= from) && (!to || entry.issueDate <= to));
  if (!from && !to) entries = entries.slice(-30);
  if (entries.length > MAX_EDITIONS)
    throw new ApiError(400, `这个日期范围有 ${entries.length} 期，一次最多 ${MAX_EDITIONS} 期：请缩小范围`);
  const base = (date: IsoDate) => editionBase(readerPath(publication), date);
  return {
    publication: { slug: publication.slug, name: publication.name },
    from,
    to,
    editions: entries.reverse().map((entry) => ({
      date: entry.issueDate,
      issueNumber: entry.issueNumber,
      url: apiUrls.edition(publication.slug, entry.issueDate),
      readerUrl: base(entry.issueDate),
    })),
  };
}

async function publishedEdition(slug: string, dateSegment: string): Promise<EditionSnapshot> {
  const publication = await publicationOf(slug);
  const date = parseUrlDate(dateSegment.slice(0, 20));
  if (!date) throw new ApiError(400, "日期应为 YYYY-MM-DD");
  const context = await getPublishedEdition(publication.id, date.date);
  if (!context) throw notFound(`${publication.name}没有 ${date.date} 这一期`);
  return context.edition;
}

function imageJson(page: PageSummary) {
  return page.image ? { src: page.image.src, width: page.image.width, height: page.image.height } : null;
}

function editionHeader(edition: EditionSnapshot) {
  return {
    publication: { slug: edition.publication.slug, name: edition.publication.name },
    date: edition.issueDate,
    issueNumber: edition.issueNumber,
  };
}

export async function editionJson(slug: string, dateSegment: string) {
  const edition = await publishedEdition(slug, dateSegment);
  const base = editionBase(readerPath(edition.publication), edition.issueDate);
  return {
    ...editionHeader(edition),
    readerUrl: base,
    pages: edition.pages.map((page) => ({
      code: page.code,
      name: page.name,
      url: apiUrls.page(edition.publication.slug, edition.issueDate, page.code),
      readerUrl: pageHref(base, page.code),
      image: imageJson(page),
      pdfUrl: page.pdfUrl,
      articleCount: page.articles.length,
    })),
  };
}

function articleSummaryJson(base: string, page: PageSummary, article: ArticleSummary) {
  return {
    id: article.id,
    position: article.position,
    kicker: article.kicker,
    title: article.title,
    subtitle: article.subtitle,
    byline: article.byline,
    lead: article.lead,
    regions: article.regions,
    nextPartId: article.nextPartId,
    url: apiUrls.article(article.id),
    readerUrl: articleHref(base, page.code, article.position),
  };
}

export async function pageJson(slug: string, dateSegment: string, codeSegment: string) {
  const edition = await publishedEdition(slug, dateSegment);
  const code = parseUrlPageCode(codeSegment);
  const page = code ? findPage(edition, code.code) : null;
  if (!page) throw notFound(`这一期没有第${codeSegment.slice(0, 16)}版`);
  const base = editionBase(readerPath(edition.publication), edition.issueDate);
  return {
    ...editionHeader(edition),
    code: page.code,
    name: page.name,
    readerUrl: pageHref(base, page.code),
    image: imageJson(page),
    pdfUrl: page.pdfUrl,
    articles: page.articles.map((article) => articleSummaryJson(base, page, article)),
  };
}

/** An article with every part of its chain, whichever part's id is asked for. */
export async function articleJson(idSegment: string) {
  if (!/^\d{1,9}$/.test(idSegment)) throw new ApiError(400, "文章编号应为数字");
  const id = Number(idSegment);
  const editionId = await getArticleEditionId(id);
  const edition = editionId === null ? null : await getEdition(editionId);
  if (!edition || edition.status !== "PUBLISHED") throw notFound(`没有编号为 ${id} 的文章`);
  const parts = continuationChain(edition, id);
  if (!parts.length) throw notFound(`没有编号为 ${id} 的文章`);
  const bodies = await Promise.all(parts.map((part) => getArticleBody(part.article.id)));
  const base = editionBase(readerPath(edition.publication), edition.issueDate);
  const [first] = parts;
  return {
    ...editionHeader(edition),
    id: first.article.id,
    kicker: first.article.kicker,
    title: first.article.title,
    subtitle: first.article.subtitle,
    byline: first.article.byline,
    readerUrl: articleHref(base, first.page.code, first.article.position),
    parts: parts.map((part, index) => ({
      id: part.article.id,
      pageCode: part.page.code,
      pageName: part.page.name,
      position: part.article.position,
      regions: part.article.regions,
      readerUrl: articleHref(base, part.page.code, part.article.position),
      body: bodies[index]?.blocks ?? [],
    })),
  };
}

export async function searchJson(query: URLSearchParams) {
  const params = readSearchParams(query);
  if (params.ignored.length) throw new ApiError(400, `无法识别的参数：${params.ignored.join("、")}`);
  const outcome = await searchPublished(params);
  if (!outcome.ok) throw new ApiError(400, outcome.message);
  return {
    query: params.q,
    total: outcome.total,
    more: outcome.more,
    page: outcome.page,
    pages: outcome.pages,
    perPage: SEARCH_LIMITS.perPage,
    next:
      outcome.page < outcome.pages
        ? `${apiUrls.search}?${searchQueryString(params, { page: outcome.page + 1 })}`
        : null,
    results: outcome.hits.map((hit) => {
      const base = editionBase(readerPath(hit.publication), hit.issueDate);
      return {
        id: hit.articleId,
        title: hit.title,
        titleHtml: segmentsToHtml(hit.titleSegments),
        byline: hit.byline,
        publication: { slug: hit.publication.slug, name: hit.publication.name },
        date: hit.issueDate,
        pageCode: hit.pageCode,
        pageName: hit.pageName,
        snippetHtml: segmentsToHtml(hit.snippet),
        url: apiUrls.article(hit.articleId),
        readerUrl: articleHref(base, hit.pageCode, hit.position),
      };
    }),
  };
}
