import "server-only";
import { cacheLife, cacheTag } from "next/cache";
import { cache } from "react";
import { prisma } from "@/lib/db/prisma";
import { TAGS } from "@/lib/cache-tags";
import { readBody, readImageVariants, readRegions } from "@/lib/content";
import { deepZoomSchema } from "@/lib/deep-zoom-schema";
import { mediaUrl } from "@/lib/storage";
import { dbDate, isoDate, type IsoDate } from "@/lib/reading/dates";
import type { ArticleSummary, EditionIndexEntry, EditionSnapshot, PageImage } from "@/lib/reading/types";

/** A cache entry may carry at most 128 tags; an edition's own tag always comes first. */
const MAX_TAGS = 120;

/** Every published edition of a publication, oldest first: for the calendar, 上一期/下一期 and finding an edition by date. */
export async function getEditionIndex(publicationId: number): Promise<EditionIndexEntry[]> {
  "use cache";
  cacheTag(TAGS.editions);
  cacheLife("reader");
  const rows = await prisma.edition.findMany({
    where: { publicationId, status: "PUBLISHED" },
    select: { id: true, issueDate: true, issueNumber: true },
    orderBy: { issueDate: "asc" },
  });
  return rows.map((row) => ({ id: row.id, issueDate: isoDate(row.issueDate), issueNumber: row.issueNumber }));
}

function leadOf(body: unknown, articleId: number): string {
  const first = readBody(body, `article ${articleId}`).blocks.find((block) => block.type === "paragraph");
  const text = first && first.type === "paragraph" ? first.text : "";
  return Array.from(text).length > 80 ? `${Array.from(text).slice(0, 80).join("")}…` : text;
}

function pageImage(page: {
  imageKey: string | null;
  imageWidth: number | null;
  imageHeight: number | null;
  imageVariants: unknown;
  imageTiles: unknown;
}): PageImage | null {
  if (!page.imageKey || !page.imageWidth || !page.imageHeight) return null;
  const variants = readImageVariants(page.imageVariants, "page image");
  // The original (a PDF page renders to 2755 px and 2 MB) only when there is nothing smaller: zooming loads tiles.
  const candidates = variants.length
    ? variants
    : [{ name: "original", key: page.imageKey, width: page.imageWidth, height: page.imageHeight }];
  const shown = variants.find((variant) => variant.name === "large") ?? variants.at(-1) ?? candidates.at(-1)!;
  return {
    src: mediaUrl(shown.key),
    srcSet: candidates.map((candidate) => `${mediaUrl(candidate.key)} ${candidate.width}w`).join(", "),
    width: page.imageWidth,
    height: page.imageHeight,
    tiles: tilesOf(page.imageTiles),
  };
}

function tilesOf(value: unknown): PageImage["tiles"] {
  const parsed = deepZoomSchema.safeParse(value);
  return parsed.success ? { ...parsed.data, url: mediaUrl(parsed.data.key) } : null;
}

type SnapshotRow = {
  id: number;
  publication: EditionSnapshot["publication"];
  issueDate: IsoDate;
  issueNumber: number;
  status: EditionSnapshot["status"];
  pages: {
    id: number;
    code: string;
    name: string;
    imageKey: string | null;
    imageWidth: number | null;
    imageHeight: number | null;
    imageVariants: unknown;
    imageTiles: unknown;
    pdfKey: string | null;
    articles: {
      id: number;
      kicker: string | null;
      title: string;
      subtitle: string | null;
      byline: string | null;
      /** The body's blocks up to its first paragraph: all leadOf() needs, not the whole text. */
      leadBlocks: unknown;
      regions: unknown;
      nextPartId: number | null;
      updatedAt: string;
    }[];
  }[];
};

/**
 * The whole edition (pages in order, article summaries and regions) whatever
 * its status. Uncached: the admin uses it to preview a draft exactly as
 * readers will see it. Readers go through getEdition().
 *
 * One statement, shaped in PostgreSQL: the ORM's four queries (edition,
 * publication, pages, articles with their whole bodies) took about ten times
 * as long, most of it mapping bodies that only their first paragraph is read from.
 */
export async function loadEdition(editionId: number): Promise<EditionSnapshot | null> {
  const rows = await prisma.$queryRaw<{ snapshot: SnapshotRow }[]>`
    SELECT json_build_object(
      'id', e.id,
      'publication', json_build_object('id', pub.id, 'slug', pub.slug, 'name', pub.name, 'isDefault', pub.is_default),
      'issueDate', to_char(e.issue_date, 'YYYY-MM-DD'),
      'issueNumber', e.issue_number,
      'status', e.status::text,
      'pages', coalesce((
        SELECT json_agg(json_build_object(
          'id', p.id, 'code', p.code, 'name', p.name,
          'imageKey', p.image_key, 'imageWidth', p.image_width, 'imageHeight', p.image_height,
          'imageVariants', p.image_variants, 'imageTiles', p.image_tiles, 'pdfKey', p.pdf_key,
          'articles', coalesce((
            SELECT json_agg(json_build_object(
              'id', a.id, 'kicker', a.kicker, 'title', a.title, 'subtitle', a.subtitle, 'byline', a.byline,
              'leadBlocks', (
                SELECT coalesce(jsonb_agg(block.value ORDER BY block.n), '[]'::jsonb)
                FROM jsonb_array_elements(body.blocks) WITH ORDINALITY AS block(value, n)
                WHERE block.n <= coalesce((
                  SELECT min(first.n) FROM jsonb_array_elements(body.blocks) WITH ORDINALITY AS first(value, n)
                  WHERE first.value->>'type' = 'paragraph'
                ), 2147483647)
              ),
              'regions', a.regions, 'nextPartId', a.next_part_id,
              'updatedAt', to_char(a.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
            ) ORDER BY a.sort_order, a.id)
            FROM articles a
            CROSS JOIN LATERAL (SELECT CASE jsonb_typeof(a.body)
              WHEN 'array' THEN a.body WHEN 'null' THEN '[]'::jsonb ELSE jsonb_build_array(a.body) END AS blocks) body
            WHERE a.page_id = p.id
          ), '[]'::json)
        ) ORDER BY p.sort_order, p.id)
        FROM pages p WHERE p.edition_id = e.id
      ), '[]'::json)
    ) AS snapshot
    FROM editions e JOIN publications pub ON pub.id = e.publication_id
    WHERE e.id = ${editionId}`;
  const edition = rows[0]?.snapshot;
  if (!edition) return null;
  return {
    id: edition.id,
    publication: edition.publication,
    issueDate: edition.issueDate,
    issueNumber: edition.issueNumber,
    status: edition.status,
    pages: edition.pages.map((page) => ({
      id: page.id,
      code: page.code,
      name: page.name,
      image: pageImage(page),
      pdfUrl: page.pdfKey ? mediaUrl(page.pdfKey) : null,
      articles: page.articles.map((article, index): ArticleSummary => ({
        id: article.id,
        position: index + 1,
        kicker: article.kicker,
        title: article.title,
        subtitle: article.subtitle,
        byline: article.byline,
        lead: leadOf(article.leadBlocks, article.id),
        regions: readRegions(article.regions, `article ${article.id}`),
        nextPartId: article.nextPartId,
        updatedAt: article.updatedAt,
      })),
    })),
  };
}

/** The tags of an edition's cached reads: the edition's own first, then its pages' and articles'. */
function editionTags(editionId: number, edition: EditionSnapshot | null): string[] {
  const tags = [TAGS.edition(editionId)];
  for (const page of edition?.pages ?? []) {
    tags.push(TAGS.page(page.id));
    for (const article of page.articles) tags.push(TAGS.article(article.id));
  }
  return tags.slice(0, MAX_TAGS);
}

/** Cached loadEdition(), invalidated by the edition's, its pages' and its articles' tags. */
export async function getEdition(editionId: number): Promise<EditionSnapshot | null> {
  "use cache";
  cacheLife("reader");
  const edition = await loadEdition(editionId);
  cacheTag(...editionTags(editionId, edition));
  return edition;
}

/** The edition of a date, any status, uncached: for the admin's preview. */
export async function loadEditionByDate(publicationId: number, date: IsoDate): Promise<EditionSnapshot | null> {
  const row = await prisma.edition.findUnique({
    where: { publicationId_issueDate: { publicationId, issueDate: dbDate(date) } },
    select: { id: true },
  });
  return row ? loadEdition(row.id) : null;
}

export type EditionContext = {
  edition: EditionSnapshot;
  previous: EditionIndexEntry | null;
  next: EditionIndexEntry | null;
  latest: EditionIndexEntry;
};

function contextFor(edition: EditionSnapshot, index: EditionIndexEntry[]): EditionContext {
  const position = index.findIndex((entry) => entry.id === edition.id);
  return {
    edition,
    previous: position > 0 ? index[position - 1] : null,
    next: position >= 0 ? (index[position + 1] ?? null) : null,
    latest: index.at(-1)!,
  };
}

/**
 * A published edition by date with its neighbours; null for a missing or draft edition.
 * One cache entry per date, shaped once: a view reads this entry (the edition's size) and
 * not the whole index (3,660 entries over ten years, decoded again on every read of it).
 * React's cache() shares it between a route's metadata and its render.
 */
export const getPublishedEdition = cache(async function getPublishedEdition(
  publicationId: number,
  date: IsoDate,
): Promise<EditionContext | null> {
  "use cache";
  cacheLife("reader");
  const index = await getEditionIndex(publicationId);
  const entry = index.find((candidate) => candidate.issueDate === date);
  const edition = entry ? await getEdition(entry.id) : null;
  // Neighbours and "is it published" come from the index: any edition published or withdrawn expires this.
  cacheTag(TAGS.editions, ...(entry ? editionTags(entry.id, edition) : []));
  if (!edition || edition.status !== "PUBLISHED") return null;
  return contextFor(edition, index);
});

/** The newest published edition with its neighbours (the home view), one cache entry like getPublishedEdition(). */
export const getLatestEdition = cache(async function getLatestEdition(
  publicationId: number,
): Promise<EditionContext | null> {
  "use cache";
  cacheLife("reader");
  const index = await getEditionIndex(publicationId);
  const latest = index.at(-1);
  const edition = latest ? await getEdition(latest.id) : null;
  cacheTag(TAGS.editions, ...(latest ? editionTags(latest.id, edition) : []));
  if (!edition || edition.status !== "PUBLISHED") return null;
  return contextFor(edition, index);
});

export type EditionMonth = {
  /** The month shown: the one asked for, or the newest edition's when none was; null when nothing is published. */
  month: string | null;
  /** The month's published editions, oldest first. */
  days: EditionIndexEntry[];
  latest: EditionIndexEntry | null;
};

/**
 * One month of the calendar (往期阅读), cached per month: the calendar reads this and not the whole index.
 * `month` is "YYYY-MM", or null for the newest edition's month.
 */
export const getEditionMonth = cache(async function getEditionMonth(
  publicationId: number,
  month: string | null,
): Promise<EditionMonth> {
  "use cache";
  cacheTag(TAGS.editions);
  cacheLife("reader");
  const index = await getEditionIndex(publicationId);
  const latest = index.at(-1) ?? null;
  const shown = month ?? latest?.issueDate.slice(0, 7) ?? null;
  const days = shown ? index.filter((entry) => entry.issueDate.startsWith(`${shown}-`)) : [];
  return { month: shown, days, latest };
});
