// What the sitemaps list: every page and article of every published edition,
// one sitemap file per publication and month (split further past 50,000 URLs),
// named in one sitemap index. Counted and listed with SQL so the ten-year
// archive (3,650 editions, 160,000 articles) costs two grouped queries.
import "server-only";
import { cacheLife, cacheTag } from "next/cache";
import { TAGS } from "@/lib/cache-tags";
import { prisma } from "@/lib/db/prisma";
import type { PrismaClient } from "@/lib/db/client";
import { listPublications, type PublicationInfo } from "@/lib/data/publications";
import { dbDate, isoDate, parseYearMonth, addMonths, formatYearMonth } from "@/lib/reading/dates";
import { archivePath, articleHref, editionBase, homePath, pageHref, type PublicationPath } from "@/lib/reading/urls";
import { SITEMAP_URL_LIMIT, sitemapFileName, sitemapParts } from "./xml";

export type SitemapMonth = { month: string; urls: number; lastmod: string };

/** Months with published editions of one publication, oldest first, with how many URLs each lists. */
export async function loadSitemapMonths(db: PrismaClient, publicationId: number): Promise<SitemapMonth[]> {
  const rows = await db.$queryRaw<{ month: string; pages: bigint; articles: bigint; lastmod: Date }[]>`
    SELECT to_char(e.issue_date, 'YYYY-MM') AS month,
           count(DISTINCT p.id) AS pages,
           count(a.id) AS articles,
           max(GREATEST(e.updated_at, p.updated_at, COALESCE(a.updated_at, p.updated_at))) AS lastmod
      FROM editions e
      JOIN pages p ON p.edition_id = e.id
      LEFT JOIN articles a ON a.page_id = p.id
     WHERE e.publication_id = ${publicationId} AND e.status = 'PUBLISHED'
     GROUP BY 1
     ORDER BY 1`;
  return rows.map((row) => ({
    month: row.month,
    urls: Number(row.pages) + Number(row.articles),
    lastmod: row.lastmod.toISOString(),
  }));
}

export type SitemapUrl = { path: string; lastmod: string };

/** Every page and article URL of a publication's published editions in one month, in reading order. */
export async function loadSitemapUrls(
  db: PrismaClient,
  publicationId: number,
  path: PublicationPath,
  month: string,
): Promise<SitemapUrl[]> {
  const parsed = parseYearMonth(month);
  if (!parsed) return [];
  const from = dbDate(`${formatYearMonth(parsed)}-01`);
  const to = dbDate(`${formatYearMonth(addMonths(parsed, 1))}-01`);
  const rows = await db.$queryRaw<
    {
      issue_date: Date;
      code: string;
      page_id: number;
      article_id: number | null;
      position: bigint | null;
      lastmod: Date;
    }[]
  >`
    SELECT e.issue_date, p.code, p.id AS page_id, a.id AS article_id,
           row_number() OVER (PARTITION BY p.id ORDER BY a.sort_order, a.id) AS position,
           GREATEST(e.updated_at, p.updated_at, COALESCE(a.updated_at, p.updated_at)) AS lastmod
      FROM editions e
      JOIN pages p ON p.edition_id = e.id
      LEFT JOIN articles a ON a.page_id = p.id
     WHERE e.publication_id = ${publicationId} AND e.status = 'PUBLISHED'
       AND e.issue_date >= ${from} AND e.issue_date < ${to}
     ORDER BY e.issue_date, p.sort_order, p.id, a.sort_order, a.id`;
  const pageLastmod = new Map<number, Date>();
  for (const row of rows) {
    const seen = pageLastmod.get(row.page_id);
    if (!seen || row.lastmod > seen) pageLastmod.set(row.page_id, row.lastmod);
  }
  const urls: SitemapUrl[] = [];
  let lastPage: number | null = null;
  for (const row of rows) {
    const base = editionBase(path, isoDate(row.issue_date));
    if (row.page_id !== lastPage) {
      urls.push({ path: pageHref(base, row.code), lastmod: pageLastmod.get(row.page_id)!.toISOString() });
      lastPage = row.page_id;
    }
    if (row.article_id !== null && row.position !== null)
      urls.push({ path: articleHref(base, row.code, Number(row.position)), lastmod: row.lastmod.toISOString() });
  }
  return urls;
}

function publicationPath(publication: PublicationInfo, all: PublicationInfo[]): PublicationPath {
  return publication.id === all[0]?.id ? null : publication.slug;
}

export type SitemapFile = { publication: string; file: string; lastmod: string };

/** Every sitemap file for the index: each publication's front pages, then its months. */
export async function getSitemapFiles(): Promise<SitemapFile[]> {
  "use cache";
  cacheTag(TAGS.editions, TAGS.publications);
  cacheLife("reader");
  const publications = await listPublications();
  const files: SitemapFile[] = [];
  for (const publication of publications) {
    const months = await loadSitemapMonths(prisma, publication.id);
    if (!months.length) continue;
    files.push({ publication: publication.slug, file: "home.xml", lastmod: months.at(-1)!.lastmod });
    for (const month of months) {
      for (let part = 1; part <= sitemapParts(month.urls); part++)
        files.push({ publication: publication.slug, file: sitemapFileName(month.month, part), lastmod: month.lastmod });
    }
  }
  return files;
}

/** The publication a sitemap URL names, with its reader path; null for an unknown slug. */
async function findPublication(slug: string) {
  const publications = await listPublications();
  const publication = publications.find((candidate) => candidate.slug === slug);
  return publication ? { publication, path: publicationPath(publication, publications) } : null;
}

/** One month's sitemap (part `part`, 1-based); null when that file does not exist. */
export async function getSitemapMonth(slug: string, month: string, part: number): Promise<SitemapUrl[] | null> {
  "use cache";
  cacheTag(TAGS.editions, TAGS.publications);
  cacheLife("reader");
  const found = await findPublication(slug);
  if (!found) return null;
  const urls = await loadSitemapUrls(prisma, found.publication.id, found.path, month);
  const slice = urls.slice((part - 1) * SITEMAP_URL_LIMIT, part * SITEMAP_URL_LIMIT);
  return slice.length ? slice : null;
}

/** A publication's front page and calendar, which change with every edition. */
export async function getSitemapHome(slug: string): Promise<SitemapUrl[] | null> {
  "use cache";
  cacheTag(TAGS.editions, TAGS.publications);
  cacheLife("reader");
  const found = await findPublication(slug);
  if (!found) return null;
  const months = await loadSitemapMonths(prisma, found.publication.id);
  const latest = months.at(-1);
  if (!latest) return null;
  return [
    { path: homePath(found.path), lastmod: latest.lastmod },
    { path: archivePath(found.path), lastmod: latest.lastmod },
  ];
}
