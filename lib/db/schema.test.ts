// The migrations and prisma/schema.prisma must describe the same database: a
// schema change committed without its migration (or the reverse) fails here.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { openSchemaEngine, type SchemaEngineHandle } from "./schema-engine";
import { freshDatabase, type TestDatabase } from "../testing/database";

let db: TestDatabase;
let engine: SchemaEngineHandle;

before(async () => {
  db = await freshDatabase("drift");
  engine = await openSchemaEngine(db.url);
});
after(async () => {
  await engine.close();
  await db.drop();
});

test("a freshly migrated database matches schema.prisma", async () => {
  assert.equal(await engine.diffDatabaseToSchema(), "");
});

test("the drift check notices a difference", async () => {
  await db.prisma.$executeRawUnsafe(`DROP INDEX "editions_publication_id_status_issue_date_idx"`);
  const diff = await engine.diffDatabaseToSchema();
  assert.match(diff, /CREATE INDEX "editions_publication_id_status_issue_date_idx"/);
});
