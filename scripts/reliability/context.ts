// What the fuzz needs to know about a seeded database: real values for every
// kind of URL segment, so generated cases reach deep into the views and not
// only their 404s.
import pg from "pg";

export type KnownValues = Record<string, string[]>;

async function column(client: pg.Client, sql: string): Promise<string[]> {
  const rows = (await client.query<{ v: unknown }>(sql)).rows;
  return [...new Set(rows.map((row) => String(row.v)).filter((v) => v !== "null" && v !== ""))];
}

/** Known-good values per dynamic segment name (date, page, article, publication, month, key, editionId, …). */
export async function knownValues(databaseUrl: string): Promise<KnownValues> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const dates = await column(
      client,
      "SELECT to_char(issue_date, 'YYYY-MM-DD') AS v FROM editions ORDER BY status DESC, issue_date DESC LIMIT 40",
    );
    const values: KnownValues = {
      date: dates,
      month: [...new Set(dates.map((date) => date.slice(0, 7)))],
      page: await column(client, "SELECT DISTINCT lower(code) AS v FROM pages LIMIT 40"),
      article: await column(client, "SELECT DISTINCT sort_order AS v FROM articles ORDER BY 1 LIMIT 12"),
      publication: await column(client, "SELECT slug AS v FROM publications ORDER BY id LIMIT 20"),
      key: await column(
        client,
        "SELECT image_key AS v FROM pages WHERE image_key IS NOT NULL ORDER BY id DESC LIMIT 20",
      ),
      editionId: await column(client, "SELECT id AS v FROM editions ORDER BY id DESC LIMIT 20"),
      pageId: await column(client, "SELECT id AS v FROM pages ORDER BY id DESC LIMIT 30"),
      articleId: await column(client, "SELECT id AS v FROM articles ORDER BY id DESC LIMIT 30"),
      userId: await column(client, "SELECT id AS v FROM users ORDER BY id LIMIT 10"),
    };
    values.id = [...values.editionId, ...values.pageId, ...values.articleId];
    return values;
  } finally {
    await client.end();
  }
}
