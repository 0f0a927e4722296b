// Turns a reader URL's raw segments into the data a view needs: validates
// each segment before any query, redirects other spellings to the canonical
// URL, and answers notFound() for anything missing, malformed or unpublished.
import "server-only";
import { notFound, permanentRedirect } from "next/navigation";
import type { EditionLinks } from "@/lib/reading/types";
import { getEditionIndex, getLatestEdition, getPublishedEdition, type EditionContext } from "@/lib/data/editions";
import { getDefaultPublication, getPublicationBySlug, type PublicationInfo } from "@/lib/data/publications";
import { parseUrlDate } from "@/lib/reading/dates";
import { parseUrlPageCode } from "@/lib/reading/page-codes";
import { findArticle, findPage, type ArticleLocation } from "@/lib/reading/reading-order";
import type { EditionIndexEntry, PageSummary } from "@/lib/reading/types";
import {
  archivePath,
  decodeSegment,
  editionBase,
  homePath,
  pageHref,
  parseUrlArticleNumber,
  publicationPrefix,
  type PublicationPath,
} from "@/lib/reading/urls";

export type RawParams = { publication?: string; date?: string; page?: string; article?: string };

export type ResolvedPublication = { publication: PublicationInfo; path: PublicationPath };

/** The default publication for unprefixed URLs, or the one named by /p/{slug}; the default one under /p/ redirects to its short URL. */
export async function resolvePublication(slug: string | undefined, rest = ""): Promise<ResolvedPublication> {
  const fallback = await getDefaultPublication();
  if (slug === undefined) {
    if (!fallback) notFound();
    return { publication: fallback, path: null };
  }
  const decoded = decodeSegment(slug);
  const publication = decoded === null ? null : await getPublicationBySlug(decoded);
  if (!publication) notFound();
  if (publication.id === fallback?.id) permanentRedirect(rest || "/");
  return { publication, path: publication.slug };
}

export function editionHref(path: PublicationPath, entry: EditionIndexEntry): string {
  return editionBase(path, entry.issueDate);
}

export function linksFor(path: PublicationPath, context: EditionContext): EditionLinks {
  const { edition, previous, next } = context;
  return {
    base: editionBase(path, edition.issueDate),
    home: homePath(path),
    archive: archivePath(path, edition.issueDate.slice(0, 7)),
    previousEdition: previous && { href: editionHref(path, previous), date: previous.issueDate },
    nextEdition: next && { href: editionHref(path, next), date: next.issueDate },
    share: true,
    clips: true,
  };
}

export type EditionRoute = ResolvedPublication & { context: EditionContext; links: EditionLinks };

export async function resolveEdition(raw: RawParams, suffix = ""): Promise<EditionRoute> {
  const parsed = raw.date === undefined ? null : parseUrlDate(raw.date);
  if (!parsed) notFound();
  const rest = `/${parsed.date}${suffix}`;
  const resolved = await resolvePublication(raw.publication, rest);
  if (!parsed.canonical) permanentRedirect(`${publicationPrefix(resolved.path)}${rest}`);
  const context = await getPublishedEdition(resolved.publication.id, parsed.date);
  if (!context) notFound();
  return { ...resolved, context, links: linksFor(resolved.path, context) };
}

export type PageRoute = EditionRoute & { page: PageSummary };

export async function resolvePage(raw: RawParams, suffix = ""): Promise<PageRoute> {
  const code = raw.page === undefined ? null : parseUrlPageCode(raw.page);
  if (!code) notFound();
  const route = await resolveEdition(raw, `/${code.code}${suffix}`);
  const page = findPage(route.context.edition, code.code);
  if (!page) notFound();
  if (!code.canonical) permanentRedirect(`${pageHref(route.links.base, page.code)}${suffix}`);
  return { ...route, page };
}

export type ArticleRoute = PageRoute & { location: ArticleLocation };

export async function resolveArticle(raw: RawParams, suffix = ""): Promise<ArticleRoute> {
  const number = raw.article === undefined ? null : parseUrlArticleNumber(raw.article);
  if (!number) notFound();
  const route = await resolvePage(raw, `/${number.position}${suffix}`);
  const location = findArticle(route.context.edition, route.page.code, number.position);
  if (!location) notFound();
  if (!number.canonical)
    permanentRedirect(`${pageHref(route.links.base, route.page.code)}/${number.position}${suffix}`);
  return { ...route, location };
}

/** The newest edition of the publication, for the home route; null when nothing is published yet. */
export async function resolveLatest(
  slug: string | undefined,
): Promise<(ResolvedPublication & { context: EditionContext | null }) | null> {
  const fallback = await getDefaultPublication();
  if (!fallback && slug === undefined) return null;
  const resolved = await resolvePublication(slug);
  const context = await getLatestEdition(resolved.publication.id);
  return { ...resolved, context };
}

/** Params to prerender at build: the newest edition's pages and their first articles. Never empty (Cache Components requires one). */
export async function staticParamsForLatest(
  publicationSlug?: string,
): Promise<Required<Omit<RawParams, "publication">>[]> {
  const placeholder = [{ date: "1970-01-01", page: "a01", article: "1" }];
  const publication = publicationSlug ? await getPublicationBySlug(publicationSlug) : await getDefaultPublication();
  if (!publication) return placeholder;
  const latest = (await getEditionIndex(publication.id)).at(-1);
  const context = latest ? await getPublishedEdition(publication.id, latest.issueDate) : null;
  if (!context) return placeholder;
  const params = context.edition.pages.map((page) => ({
    date: context.edition.issueDate,
    page: page.code.toLowerCase(),
    article: "1",
  }));
  return params.length ? params : placeholder;
}
