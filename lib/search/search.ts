// Full-text search over search_documents (one row per article chain, kept in
// sync by database triggers; see the migration *_search_documents). Readers
// see published editions only; the admin searches drafts too.
import "server-only";
import { Prisma } from "../generated/prisma/client";
import type { PrismaClient } from "../db/client";
import { dbDate, isoDate, type IsoDate } from "../reading/dates";
import { snippet, highlight, type Segment } from "./highlight";
import { parseQuery, SEARCH_LIMITS } from "./query";
import type { SearchParams } from "./params";

export type SearchHit = {
  articleId: number;
  title: string;
  titleSegments: Segment[];
  byline: string;
  snippet: Segment[];
  issueDate: IsoDate;
  editionId: number;
  published: boolean;
  pageId: number;
  pageCode: string;
  pageName: string;
  /** 1-based position on its page: the number in the reader's article URL. */
  position: number;
  publication: { slug: string; name: string; isDefault: boolean };
  rank: number;
};

export type SearchOutcome =
  | {
      ok: true;
      /** Matches found; when `more` is set, at least this many (the count stops at SEARCH_LIMITS.ranked + 1). */
      total: number;
      more: boolean;
      page: number;
      pages: number;
      hits: SearchHit[];
      needles: string[];
    }
  | { ok: false; empty: boolean; message: string };

type Row = {
  article_id: number;
  title: string;
  byline: string;
  issue_date: Date;
  edition_id: number;
  published: boolean;
  page_id: number;
  page_code: string;
  page_name: string;
  slug: string;
  name: string;
  is_default: boolean;
  rank: number;
};

const DAY = 86_400_000;

/**
 * Ranks at most about `ranked` matches. A query matched by no more than that is ranked whole. A very common
 * term (in tens of thousands of articles) is ranked among its newest matches only: the date window is widened
 * back from the newest edition until it holds `ranked` matches. Ranking reads every ranked match's vector, so
 * ranking all of them is what made a common word as slow as a full scan (docs/search.md, "Measurements").
 */
export async function search(
  db: PrismaClient,
  params: Omit<SearchParams, "ignored">,
  options: { includeDrafts?: boolean; ranked?: number } = {},
): Promise<SearchOutcome> {
  const parsed = parseQuery(params.q);
  if (!parsed.ok) return parsed;
  const ranked = options.ranked ?? SEARCH_LIMITS.ranked;
  const query = Prisma.sql`${parsed.tsquery}::tsquery`;
  const where: Prisma.Sql[] = [Prisma.sql`d.vector @@ ${query}`];
  if (!options.includeDrafts) where.push(Prisma.sql`d.published`);
  if (params.from) where.push(Prisma.sql`d.issue_date >= ${dbDate(params.from)}::date`);
  if (params.to) where.push(Prisma.sql`d.issue_date <= ${dbDate(params.to)}::date`);
  if (params.date) where.push(Prisma.sql`d.issue_date = ${dbDate(params.date)}::date`);
  if (params.publication)
    where.push(Prisma.sql`d.publication_id = (SELECT id FROM publications WHERE slug = ${params.publication})`);
  if (params.pageName) where.push(Prisma.sql`${params.pageName} = ANY (d.page_names)`);

  const countUpTo = async (extra: Prisma.Sql[], limit: number) => {
    const [{ n }] = await db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM (
        SELECT 1 FROM search_documents d WHERE ${Prisma.join([...where, ...extra], " AND ")} LIMIT ${limit}
      ) AS m`;
    return n;
  };
  // Stops after ranked + 1 matches: cheap however common the term.
  const total = await countUpTo([], ranked + 1);
  const more = total > ranked;
  if (more) where.push(await newestWindow(db, where, ranked, countUpTo));

  const order =
    params.sort === "date"
      ? Prisma.sql`d.issue_date DESC, rank DESC, d.article_id`
      : Prisma.sql`rank DESC, d.issue_date DESC, d.article_id`;
  const shown = more ? ranked : total;
  const pages = Math.min(Math.ceil(shown / SEARCH_LIMITS.perPage), SEARCH_LIMITS.pages);
  const page = Math.min(Math.max(1, params.page), Math.max(pages, 1));
  const rows = total
    ? await db.$queryRaw<Row[]>`
    SELECT d.article_id, d.title, d.byline, d.issue_date, d.edition_id, d.published, d.page_id, d.page_code,
      d.page_name, pub.slug, pub.name, pub.is_default, ts_rank_cd(d.vector, ${query})::float8 AS rank
    FROM search_documents d
    JOIN publications pub ON pub.id = d.publication_id
    WHERE ${Prisma.join(where, " AND ")}
    ORDER BY ${order}
    LIMIT ${SEARCH_LIMITS.perPage} OFFSET ${(page - 1) * SEARCH_LIMITS.perPage}`
    : [];
  const details = await hitDetails(
    db,
    rows.map((row) => row.article_id),
  );
  return {
    ok: true,
    total,
    more,
    page,
    pages,
    needles: parsed.needles,
    hits: rows.map((row) => {
      const detail = details.get(row.article_id);
      return {
        articleId: row.article_id,
        title: row.title,
        titleSegments: highlight(row.title, parsed.needles),
        byline: row.byline,
        snippet: snippet(detail?.body ?? "", parsed.needles),
        issueDate: isoDate(row.issue_date),
        editionId: row.edition_id,
        published: row.published,
        pageId: row.page_id,
        pageCode: row.page_code,
        pageName: row.page_name,
        position: detail?.position ?? 1,
        publication: { slug: row.slug, name: row.name, isDefault: row.is_default },
        rank: row.rank,
      };
    }),
  };
}

/**
 * The condition "issued on or after X", for the latest X whose window holds at least `ranked` matches: the
 * window starts at a month before the newest edition the filters allow and grows to where the matches counted so
 * far say it should hold enough (each count stops early, and the index narrows it to the window, so a common term
 * costs two or three small counts).
 */
async function newestWindow(
  db: PrismaClient,
  where: Prisma.Sql[],
  ranked: number,
  countUpTo: (extra: Prisma.Sql[], limit: number) => Promise<number>,
): Promise<Prisma.Sql> {
  // The filters without the term (the first condition): the newest and oldest edition they allow.
  const filters = where.slice(1);
  const [range] = await db.$queryRaw<{ newest: Date | null; oldest: Date | null }[]>`
    SELECT max(d.issue_date) AS newest, min(d.issue_date) AS oldest FROM search_documents d
    WHERE ${filters.length ? Prisma.join(filters, " AND ") : Prisma.sql`true`}`;
  if (!range.newest || !range.oldest) return Prisma.sql`true`;
  for (let days = 31; ;) {
    const since = new Date(range.newest.getTime() - days * DAY);
    if (since <= range.oldest) return Prisma.sql`true`;
    const condition = Prisma.sql`d.issue_date >= ${since}::date`;
    const found = await countUpTo([condition], ranked);
    if (found >= ranked) return condition;
    // Widen to where the matches so far say `ranked` would be (a quarter more), at least twice, at most 16 times.
    days = Math.round(days * Math.min(16, Math.max(2, (1.25 * ranked) / Math.max(found, 1))));
  }
}

/** Bodies (for snippets) and positions of the hits shown: read for one result page only. */
async function hitDetails(db: PrismaClient, ids: number[]): Promise<Map<number, { body: string; position: number }>> {
  if (!ids.length) return new Map();
  const rows = await db.$queryRaw<{ article_id: number; body: string; position: number }[]>`
    SELECT d.article_id, left(d.body, 20000) AS body,
      (SELECT count(*)::int FROM articles b
       WHERE b.page_id = a.page_id AND (b.sort_order < a.sort_order OR (b.sort_order = a.sort_order AND b.id <= a.id))
      ) AS position
    FROM search_documents d JOIN articles a ON a.id = d.article_id
    WHERE d.article_id = ANY (${ids})`;
  return new Map(rows.map((row) => [row.article_id, { body: row.body, position: row.position }]));
}

/** 版名 in use, for the filter's suggestions. */
export async function listPageNames(db: PrismaClient): Promise<string[]> {
  const rows = await db.$queryRaw<{ name: string }[]>`
    SELECT name FROM pages GROUP BY name ORDER BY count(*) DESC, name LIMIT 60`;
  return rows.map((row) => row.name);
}
