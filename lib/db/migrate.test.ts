import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import pg from "pg";
import { migrate, readMigrations, MigrationError } from "./migrate";
import { freshDatabase, type TestDatabase } from "../testing/database";

let db: TestDatabase;
let client: pg.Client;

before(async () => {
  db = await freshDatabase("migrate", { migrate: false });
  client = new pg.Client({ connectionString: db.url });
  await client.connect();
});
after(async () => {
  await client.end();
  await db.drop();
});

test("migrates an empty database and records each migration like prisma migrate deploy", async () => {
  const migrations = readMigrations();
  assert.ok(migrations.length >= 1);
  const first = await migrate(client);
  assert.deepEqual(
    first.applied,
    migrations.map((m) => m.name),
  );
  const { rows } = await client.query(
    `SELECT migration_name, checksum, finished_at, applied_steps_count FROM _prisma_migrations ORDER BY migration_name`,
  );
  assert.deepEqual(
    rows.map((r) => r.migration_name),
    migrations.map((m) => m.name),
  );
  // prisma migrate status compares these checksums with the files: they must be the files' SHA-256.
  assert.deepEqual(
    rows.map((r) => r.checksum),
    migrations.map((m) => m.checksum),
  );
  assert.ok(rows.every((r) => r.finished_at instanceof Date && r.applied_steps_count === 1));
});

test("applies only pending migrations", async () => {
  const again = await migrate(client);
  assert.deepEqual(again.applied, []);
  assert.equal(again.alreadyApplied, readMigrations().length);
});

test("a migration failing half-way leaves the database as it was", async () => {
  const broken = {
    name: "29990101000000_broken",
    checksum: "0".repeat(64),
    sql: `CREATE TABLE half_done (id int); ALTER TABLE editions ADD COLUMN oops int; SELECT 1/0;`,
  };
  await assert.rejects(migrate(client, [...readMigrations(), broken]), (error) => {
    assert.ok(error instanceof MigrationError);
    assert.equal(error.migration, broken.name);
    return true;
  });
  const table = await client.query(`SELECT to_regclass('public.half_done') AS t`);
  assert.equal(table.rows[0].t, null, "the table created before the failure is rolled back");
  const column = await client.query(
    `SELECT 1 FROM information_schema.columns WHERE table_name = 'editions' AND column_name = 'oops'`,
  );
  assert.equal(column.rowCount, 0);
  const recorded = await client.query(`SELECT 1 FROM _prisma_migrations WHERE migration_name = $1`, [broken.name]);
  assert.equal(recorded.rowCount, 0, "a failed migration is not recorded, so the next run retries it");
});
