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
  | { ok: true; total: number; page: number; pages: number; hits: SearchHit[]; needles: string[] }
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
  total: bigint;
};

export async function search(
  db: PrismaClient,
  params: Omit<SearchParams, "ignored">,
  options: { includeDrafts?: boolean } = {},
): Promise<SearchOutcome> {
  const parsed = parseQuery(params.q);
  if (!parsed.ok) return parsed;
  const where: Prisma.Sql[] = [Prisma.sql`d.vector @@ q.query`];
  if (!options.includeDrafts) where.push(Prisma.sql`d.published`);
  if (params.from) where.push(Prisma.sql`d.issue_date >= ${dbDate(params.from)}::date`);
  if (params.to) where.push(Prisma.sql`d.issue_date <= ${dbDate(params.to)}::date`);
  if (params.date) where.push(Prisma.sql`d.issue_date = ${dbDate(params.date)}::date`);
  if (params.publication) where.push(Prisma.sql`pub.slug = ${params.publication}`);
  if (params.pageName) where.push(Prisma.sql`${params.pageName} = ANY (d.page_names)`);
  const order =
    params.sort === "date"
      ? Prisma.sql`d.issue_date DESC, rank DESC, d.article_id`
      : Prisma.sql`rank DESC, d.issue_date DESC, d.article_id`;
  const page = Math.min(Math.max(1, params.page), SEARCH_LIMITS.pages);
  const rows = await db.$queryRaw<Row[]>`
    WITH q AS (SELECT ${parsed.tsquery}::tsquery AS query)
    SELECT d.article_id, d.title, d.byline, d.issue_date, d.edition_id, d.published, d.page_id, d.page_code,
      d.page_name, pub.slug, pub.name, pub.is_default, ts_rank_cd(d.vector, q.query)::float8 AS rank,
      count(*) OVER () AS total
    FROM search_documents d
    CROSS JOIN q
    JOIN publications pub ON pub.id = d.publication_id
    WHERE ${Prisma.join(where, " AND ")}
    ORDER BY ${order}
    LIMIT ${SEARCH_LIMITS.perPage} OFFSET ${(page - 1) * SEARCH_LIMITS.perPage}`;
  const total = rows.length ? Number(rows[0].total) : 0;
  const details = await hitDetails(
    db,
    rows.map((row) => row.article_id),
  );
  return {
    ok: true,
    total,
    page,
    pages: Math.min(Math.ceil(total / SEARCH_LIMITS.perPage), SEARCH_LIMITS.pages),
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
