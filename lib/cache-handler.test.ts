// An editor's change on one app instance reaches readers on every instance:
// invalidations travel through PostgreSQL.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import pg from "pg";
import { createSharedTagsCacheHandler, handlerDatabaseUrl, type SharedTagsCacheHandler } from "./cache-handler.mjs";
import { databaseUrl } from "./db/url";
import { freshDatabase, type TestDatabase } from "./testing/database";

let db: TestDatabase;
let handler: SharedTagsCacheHandler;

const now = () => performance.timeOrigin + performance.now();
function entry(tags: string[]) {
  const value = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode("第a01版"));
      controller.close();
    },
  });
  return { value, tags, stale: 300, timestamp: now() - 1000, expire: 3600, revalidate: 3600 };
}

before(async () => {
  db = await freshDatabase("cache_handler");
  handler = createSharedTagsCacheHandler({ connectionString: db.url, syncIntervalMs: 0, background: false });
  await handler.refreshTags(); // first sync: start after what is already there
});
after(async () => {
  await handler.close();
  await db.drop();
});

test("another instance's invalidation removes the cached entry here after the next sync", async () => {
  await handler.set("edition-view", Promise.resolve(entry(["edition:1"])));
  assert.ok(await handler.get("edition-view", []), "cached");
  await db.prisma
    .$executeRaw`INSERT INTO cache_invalidations (tags, instance) VALUES (ARRAY['edition:1'], 'other-instance')`;
  assert.ok(await handler.get("edition-view", []), "not yet synced, still served from memory without a query");
  await handler.refreshTags();
  await new Promise((r) => setTimeout(r, 5)); // Next.js rounds the invalidation time to the millisecond
  assert.equal(await handler.get("edition-view", []), undefined);
  assert.ok((await handler.getExpiration(["edition:1"])) > 0);
});

test("an invalidation whose transaction commits after a later one is not skipped", async () => {
  await handler.set("late-view", Promise.resolve(entry(["edition:501"])));
  // Ids are taken when a row is inserted, not when it commits: the slow
  // transaction's row has the lower id but becomes visible last.
  const slow = new pg.Client({ connectionString: db.url });
  await slow.connect();
  try {
    await slow.query("BEGIN");
    await slow.query(
      `INSERT INTO cache_invalidations (tags, instance) VALUES (ARRAY['edition:501'], 'other-instance')`,
    );
    await db.prisma
      .$executeRaw`INSERT INTO cache_invalidations (tags, instance) VALUES (ARRAY['edition:502'], 'other-instance')`;
    await handler.refreshTags();
    assert.ok(await handler.get("late-view", []), "edition:501 is not committed yet");
    await slow.query("COMMIT");
  } finally {
    await slow.end();
  }
  await handler.refreshTags();
  await new Promise((r) => setTimeout(r, 5));
  assert.equal(await handler.get("late-view", []), undefined, "the late commit's invalidation was read");
});

test("a rolled-back invalidation is never applied", async () => {
  await handler.set("kept-view", Promise.resolve(entry(["edition:601"])));
  const aborted = new pg.Client({ connectionString: db.url });
  await aborted.connect();
  try {
    await aborted.query("BEGIN");
    await aborted.query(`INSERT INTO cache_invalidations (tags, instance) VALUES (ARRAY['edition:601'], 'other')`);
    await handler.refreshTags();
    await aborted.query("ROLLBACK");
  } finally {
    await aborted.end();
  }
  await handler.refreshTags();
  assert.ok(await handler.get("kept-view", []));
});

test("entries with other tags stay cached", async () => {
  await handler.set("page-view", Promise.resolve(entry(["page:7"])));
  await db.prisma
    .$executeRaw`INSERT INTO cache_invalidations (tags, instance) VALUES (ARRAY['page:8'], 'other-instance')`;
  await handler.refreshTags();
  assert.ok(await handler.get("page-view", []));
});

test("this instance's invalidations are written for the others", async () => {
  await handler.updateTags(["article:42", "editions"], { expire: 0 });
  const rows = await db.prisma.cacheInvalidation.findMany({ where: { tags: { has: "article:42" } } });
  assert.equal(rows.length, 1);
  assert.deepEqual(rows[0].tags, ["article:42", "editions"]);
  assert.equal(rows[0].expireSeconds, 0);
  assert.notEqual(rows[0].instance, "other-instance");
});

test("an unreachable database does not break reads", async () => {
  const offline = createSharedTagsCacheHandler({
    connectionString: "postgresql://postgres@127.0.0.1:1/x",
    syncIntervalMs: 0,
    background: false,
  });
  await offline.set("k", Promise.resolve(entry(["edition:9"])));
  await offline.refreshTags();
  await offline.refreshTags();
  await offline.updateTags(["edition:10"]);
  assert.ok(await offline.get("k", []));
  await offline.close();
});

test("the handler finds the same database as the app", () => {
  assert.equal(handlerDatabaseUrl(), databaseUrl());
});

test("without requests, a timer picks up other instances' invalidations", async () => {
  const idle = createSharedTagsCacheHandler({ connectionString: db.url, syncIntervalMs: 50 });
  await idle.refreshTags();
  await idle.set("idle-view", Promise.resolve(entry(["edition:77"])));
  await db.prisma
    .$executeRaw`INSERT INTO cache_invalidations (tags, instance) VALUES (ARRAY['edition:77'], 'other-instance')`;
  await new Promise((r) => setTimeout(r, 400));
  assert.ok((await idle.getExpiration(["edition:77"])) > 0, "no refreshTags() call was needed");
  await idle.close();
});
