// The sitemap's URLs come from the database: only published editions, every
// page and article at the URL the reader answers, split by month.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { freshDatabase, type TestDatabase } from "../testing/database";
import { loadSitemapMonths, loadSitemapUrls } from "./sitemap";

let db: TestDatabase;
let publicationId: number;

async function edition(date: string, status: "PUBLISHED" | "DRAFT", pages: { code: string; articles: string[] }[]) {
  const row = await db.prisma.edition.create({
    data: { publicationId, issueDate: new Date(`${date}T00:00:00Z`), issueNumber: Number(date.slice(8)), status },
  });
  for (const [index, page] of pages.entries()) {
    const created = await db.prisma.page.create({
      data: { editionId: row.id, code: page.code, name: "版", sortOrder: index + 1 },
    });
    // Created in reverse so ids disagree with the order: positions must follow sortOrder.
    for (const [position, title] of [...page.articles.entries()].reverse())
      await db.prisma.article.create({ data: { pageId: created.id, sortOrder: position + 1, title } });
  }
}

before(async () => {
  db = await freshDatabase("discovery_sitemap");
  publicationId = (await db.prisma.publication.create({ data: { slug: "hc", name: "海城日报", isDefault: true } })).id;
  await edition("2026-10-31", "PUBLISHED", [{ code: "A01", articles: ["十月"] }]);
  await edition("2026-11-01", "PUBLISHED", [
    { code: "A01", articles: ["甲", "乙"] },
    { code: "B02", articles: [] },
  ]);
  await edition("2026-11-02", "DRAFT", [{ code: "A01", articles: ["草稿"] }]);
});
after(() => db.drop());

test("months count the URLs of published editions only", async () => {
  const months = await loadSitemapMonths(db.prisma, publicationId);
  assert.deepEqual(
    months.map(({ month, urls }) => ({ month, urls })),
    [
      { month: "2026-10", urls: 2 },
      // two pages and two articles; the draft's page and article are not counted
      { month: "2026-11", urls: 4 },
    ],
  );
  assert.ok(months.every((month) => !Number.isNaN(Date.parse(month.lastmod))));
});

test("a month lists each page, then its articles by position, never a draft", async () => {
  const urls = await loadSitemapUrls(db.prisma, publicationId, null, "2026-11");
  assert.deepEqual(
    urls.map((url) => url.path),
    ["/2026-11-01/a01", "/2026-11-01/a01/1", "/2026-11-01/a01/2", "/2026-11-01/b02"],
  );
  const other = await loadSitemapUrls(db.prisma, publicationId, "weekly", "2026-10");
  assert.deepEqual(
    other.map((url) => url.path),
    ["/p/weekly/2026-10-31/a01", "/p/weekly/2026-10-31/a01/1"],
  );
});

test("a month without editions, or a malformed one, lists nothing", async () => {
  assert.deepEqual(await loadSitemapUrls(db.prisma, publicationId, null, "2026-12"), []);
  assert.deepEqual(await loadSitemapUrls(db.prisma, publicationId, null, "2026-13"), []);
});
