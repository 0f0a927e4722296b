// npm run db:migration:new -- <name>
// Writes prisma/migrations/<timestamp>_<name>/migration.sql with the SQL that
// turns the current migrations into what prisma/schema.prisma describes. It
// applies the existing migrations to a scratch database on the PostgreSQL
// server of TEST_DATABASE_URL (default: local 127.0.0.1:5432), asks Prisma's
// schema engine (WebAssembly, offline) for the difference, then drops it.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { openSchemaEngine } from "../lib/db/schema-engine";
import { freshDatabase } from "../lib/testing/database";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:migration:new -- <name in snake_case>");
  process.exit(2);
}
const scratch = await freshDatabase(`newmig_${name}`);
try {
  const engine = await openSchemaEngine(scratch.url);
  const sql = await engine.diffDatabaseToSchema();
  await engine.close();
  if (!sql) {
    console.log("schema.prisma and the migrations agree: nothing to write.");
  } else {
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const dir = path.join("prisma/migrations", `${stamp}_${name}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "migration.sql"), sql);
    console.log(`wrote ${dir}/migration.sql — read it, then run npm run db:migrate`);
  }
} finally {
  await scratch.drop();
}
