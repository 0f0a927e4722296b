// Route handlers for crawlers, feed readers and browsers: sitemaps, feeds and
// the OpenSearch description. Route files pass their params in.
import "server-only";
import { getArticleBody } from "@/lib/data/articles";
import { getEdition, getEditionIndex } from "@/lib/data/editions";
import { buildFeed, feedArticles, feedContentSetting, FEED_EDITIONS } from "@/lib/discovery/feeds";
import { getSitemapFiles, getSitemapHome, getSitemapMonth } from "@/lib/discovery/sitemap";
import { openSearchXml, parseSitemapFileName, sitemapIndexXml, urlsetXml } from "@/lib/discovery/xml";
import { decodeSegment, publicationPrefix } from "@/lib/reading/urls";
import type { ArticleBlock, EditionSnapshot } from "@/lib/reading/types";
import { readerCacheControl, siteOrigin, SITE_NAME } from "@/lib/site";
import { resolvePublication } from "./resolve";

function xmlResponse(body: string, type = "application/xml"): Response {
  return new Response(body, {
    headers: {
      "Content-Type": `${type}; charset=utf-8`,
      "Cache-Control": readerCacheControl(),
      "X-Content-Type-Options": "nosniff",
    },
  });
}

const notFound = () => new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain" } });

export async function sitemapIndexResponse(request: Request): Promise<Response> {
  const origin = siteOrigin(request);
  const files = await getSitemapFiles();
  return xmlResponse(
    sitemapIndexXml(
      files.map((file) => ({
        loc: `${origin}/sitemaps/${encodeURIComponent(file.publication)}/${file.file}`,
        lastmod: file.lastmod,
      })),
    ),
  );
}

export async function sitemapFileResponse(request: Request, rawSlug: string, rawFile: string): Promise<Response> {
  const slug = decodeSegment(rawSlug, 64);
  if (!slug) return notFound();
  let urls;
  if (rawFile === "home.xml") urls = await getSitemapHome(slug);
  else {
    const file = parseSitemapFileName(rawFile);
    urls = file && (await getSitemapMonth(slug, file.month, file.part));
  }
  if (!urls) return notFound();
  const origin = siteOrigin(request);
  return xmlResponse(urlsetXml(urls.map((url) => ({ loc: `${origin}${url.path}`, lastmod: url.lastmod }))));
}

export async function feedResponse(request: Request, slug: string | undefined, kind: "rss" | "atom") {
  const { publication, path } = await resolvePublication(slug, kind === "rss" ? "/feed.xml" : "/atom.xml");
  const index = await getEditionIndex(publication.id);
  const newest = index.slice(-FEED_EDITIONS).reverse();
  const editions = (await Promise.all(newest.map((entry) => getEdition(entry.id)))).filter(
    (edition): edition is EditionSnapshot => edition?.status === "PUBLISHED",
  );
  const content = feedContentSetting();
  const bodies = new Map<number, ArticleBlock[]>();
  if (content === "full") {
    const ids = feedArticles(editions).flatMap((item) => item.parts.map((part) => part.article.id));
    const loaded = await Promise.all(ids.map((id) => getArticleBody(id)));
    for (const body of loaded) if (body) bodies.set(body.id, body.blocks);
  }
  const feed = buildFeed({ origin: siteOrigin(request), path, publication, editions, content, bodies });
  return kind === "rss"
    ? xmlResponse(feed.rss2(), "application/rss+xml")
    : xmlResponse(feed.atom1(), "application/atom+xml");
}

export async function openSearchResponse(request: Request, slug?: string): Promise<Response> {
  const origin = siteOrigin(request);
  if (slug === undefined) {
    return xmlResponse(
      openSearchXml({
        shortName: "版面",
        description: `在${SITE_NAME}搜索报纸文章`,
        searchUrl: `${origin}/search?q={searchTerms}`,
        origin,
      }),
      "application/opensearchdescription+xml",
    );
  }
  const { publication, path } = await resolvePublication(slug, "/opensearch.xml");
  return xmlResponse(
    openSearchXml({
      shortName: publication.name,
      description: `在${publication.name}搜索文章`,
      searchUrl: `${origin}${publicationPrefix(path)}/search?q={searchTerms}`,
      origin,
    }),
    "application/opensearchdescription+xml",
  );
}
