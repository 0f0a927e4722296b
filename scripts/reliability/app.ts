// The app under test: a fresh database seeded with the sample paper, and a
// production server for it (a build of its own, or a copy of an existing one).
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { todayInShanghai } from "../../lib/sample/dates";
import { databaseUrlFor, recreateDatabase, TEST_SERVER_URL } from "../../lib/testing/database";
import { startServer, type AppServer } from "./server";

function run(command: string, args: string[], env: NodeJS.ProcessEnv): void {
  const result = spawnSync(command, args, { stdio: ["ignore", "inherit", "inherit"], env });
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(" ")} failed (exit ${result.status ?? result.signal})`);
}

export type Prepared = { databaseUrl: string; storageDir: string; env: NodeJS.ProcessEnv };

/** What a seeded database is made from: the migrations, the seed, the sample paper and the day. */
function seedKey(days: number): string {
  // The sample paper's dates count back from today.
  const hash = createHash("sha256").update(`${days} ${todayInShanghai()}`);
  const files = (dir: string): string[] =>
    readdirSync(dir)
      .sort()
      .flatMap((name) => {
        const full = path.join(dir, name);
        return statSync(full).isDirectory() ? files(full) : [full];
      });
  for (const file of [...files("prisma"), "scripts/seed.ts", ...files("lib/sample")])
    hash.update(file).update(readFileSync(file));
  return hash.digest("hex").slice(0, 16);
}

async function onServer<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_SERVER_URL });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/**
 * Recreates `database` with the migrations applied and the sample paper loaded (`days` editions and a
 * draft). Seeding renders every page and takes minutes on a small machine, so the first call keeps the
 * seeded database as a template (`<database>_seeded`, with its stored files) and later calls copy it,
 * as long as the migrations, the seed and the sample paper are unchanged.
 */
export async function prepareDatabase(database: string, days = 10): Promise<Prepared> {
  const template = `${database.slice(0, 55)}_seeded`;
  const key = seedKey(days);
  const storageDir = path.resolve(`.data/${database}-storage`);
  const templateStorage = path.resolve(`.data/${template}-storage`);
  const env = (url: string, storage: string) => ({
    ...process.env,
    DATABASE_URL: url,
    STORAGE_DIR: storage,
    NEXT_TELEMETRY_DISABLED: "1",
  });
  const current = await onServer(
    async (client) =>
      (
        await client.query<{ key: string | null }>(
          "SELECT shobj_description(oid, 'pg_database') AS key FROM pg_database WHERE datname = $1",
          [template],
        )
      ).rows[0]?.key,
  );
  if (current !== key) {
    const templateUrl = await recreateDatabase(template);
    rmSync(templateStorage, { recursive: true, force: true });
    run("npx", ["tsx", "scripts/db-migrate.ts"], env(templateUrl, templateStorage));
    run("npx", ["tsx", "scripts/seed.ts", "--quiet", "--days", String(days)], env(templateUrl, templateStorage));
    await onServer((client) => client.query(`COMMENT ON DATABASE "${template}" IS '${key}'`));
  }
  await onServer(async (client) => {
    await client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${database}" TEMPLATE "${template}"`);
  });
  rmSync(storageDir, { recursive: true, force: true });
  cpSync(templateStorage, storageDir, { recursive: true });
  const databaseUrl = databaseUrlFor(database);
  return { databaseUrl, storageDir, env: env(databaseUrl, storageDir) };
}

export function build(prepared: Prepared, distDir: string): void {
  run("npx", ["next", "build"], { ...prepared.env, NEXT_DIST_DIR: distDir });
  spawnSync("git", ["checkout", "--quiet", "tsconfig.json"]); // next build adds its folder to the include list
}

/** A server on `port` with its own copy of the build in `distDir` (as on another machine: nothing shared but the database and storage). */
export async function serve(prepared: Prepared, port: number, distDir: string, copyOf?: string): Promise<AppServer> {
  if (copyOf) {
    rmSync(distDir, { recursive: true, force: true });
    cpSync(copyOf, distDir, { recursive: true });
  }
  return startServer(port, { ...prepared.env, NEXT_DIST_DIR: distDir });
}

/** Stored files copied as hard links (instant; the app writes by rename, so a copy never changes the other), or plainly. */
function copyStorage(from: string, to: string): void {
  rmSync(to, { recursive: true, force: true });
  if (spawnSync("cp", ["-al", from, to]).status !== 0) cpSync(from, to, { recursive: true });
}

const snapshotName = (database: string) => `${database.slice(0, 50)}_snapshot`;

/**
 * Keeps a copy of a freshly seeded `database` and its stored files, for `fromSnapshot`. The copy must be made
 * while nothing is connected to `database` (PostgreSQL copies a database only then): `npm run test:e2e`
 * makes it between the seed and the server.
 */
export async function snapshotDatabase(database: string, storageDir: string): Promise<void> {
  const snapshot = snapshotName(database);
  await onServer(async (client) => {
    await client.query(`DROP DATABASE IF EXISTS "${snapshot}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${snapshot}" TEMPLATE "${database}"`);
  });
  copyStorage(storageDir, `${storageDir}-snapshot`);
}

/** A new database `copy` (and its storage) as `database` was when `snapshotDatabase` was called. */
export async function fromSnapshot(database: string, storageDir: string, copy: string): Promise<Prepared> {
  const snapshot = snapshotName(database);
  const found = await onServer(
    async (client) => (await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [snapshot])).rowCount,
  );
  if (!found) throw new Error(`no snapshot ${snapshot} of the seeded database: run through npm run test:e2e`);
  await onServer(async (client) => {
    await client.query(`DROP DATABASE IF EXISTS "${copy}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${copy}" TEMPLATE "${snapshot}"`);
  });
  const copyStorageDir = path.resolve(`.data/${copy}-storage`);
  copyStorage(`${storageDir}-snapshot`, copyStorageDir);
  const databaseUrl = databaseUrlFor(copy);
  return {
    databaseUrl,
    storageDir: copyStorageDir,
    env: { ...process.env, DATABASE_URL: databaseUrl, STORAGE_DIR: copyStorageDir, NEXT_TELEMETRY_DISABLED: "1" },
  };
}
