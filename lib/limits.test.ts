// The limits named in lib/limits.ts are the database's: a column shorter than
// its limit would refuse what the forms accept (a 500), a longer one would
// mean the limit is not the one the database enforces.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { freshDatabase, type TestDatabase } from "./testing/database";
import { LIMITS } from "./limits";
import { MAX_STORAGE_KEY } from "./storage-key";

let db: TestDatabase;

before(async () => {
  db = await freshDatabase("limits");
});
after(() => db.drop());

test("every text column's length is the limit lib/limits.ts names for it", async () => {
  const rows = await db.prisma.$queryRaw<{ table_name: string; column_name: string; length: number }[]>`
    SELECT table_name, column_name, character_maximum_length AS length
    FROM information_schema.columns
    WHERE table_schema = 'public' AND character_maximum_length IS NOT NULL`;
  const column = (table: string, name: string) =>
    rows.find((row) => row.table_name === table && row.column_name === name)?.length;
  const expected: [string, string, number][] = [
    ["publications", "slug", LIMITS.publication.slug],
    ["publications", "name", LIMITS.publication.name],
    ["publications", "description", LIMITS.publication.description],
    ["pages", "code", LIMITS.page.code],
    ["pages", "name", LIMITS.page.name],
    ["pages", "image_key", MAX_STORAGE_KEY],
    ["articles", "kicker", LIMITS.article.kicker],
    ["articles", "title", LIMITS.article.title],
    ["articles", "subtitle", LIMITS.article.subtitle],
    ["articles", "byline", LIMITS.article.byline],
    ["users", "email", LIMITS.user.email],
    ["users", "name", LIMITS.user.name],
  ];
  for (const [table, name, limit] of expected) assert.equal(column(table, name), limit, `${table}.${name}`);
  assert.equal(LIMITS.article.imageKey, MAX_STORAGE_KEY);
});

test("the issue-number limit fits the integer column", () => {
  assert.ok(LIMITS.edition.issueNumber <= 2_147_483_647);
});

test("an admin form with the longest body or paste fits in what a server action may receive", async () => {
  const { default: config } = (await import(new URL("../next.config.js", import.meta.url).href)) as {
    default: { experimental?: { serverActions?: { bodySizeLimit?: number } } };
  };
  const longest = Math.max(LIMITS.article.bodyText, LIMITS.article.pasteText);
  assert.ok(LIMITS.formBytes >= longest * 4 + 64 * 1024, "4 bytes per character plus the other fields");
  assert.equal(config.experimental?.serverActions?.bodySizeLimit, LIMITS.formBytes);
});
