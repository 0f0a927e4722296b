// npm test: every test, against a real PostgreSQL and a real Chromium.
//   npm test                 unit + integration tests, then the browser tests
//   npm run test:unit [files…]
//   npm run test:e2e [playwright args…]
// The PostgreSQL server is TEST_DATABASE_URL's (default: local 127.0.0.1:5432);
// each part makes fresh databases of its own on it.
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";
import { recreateDatabase } from "../lib/testing/database";
import { snapshotDatabase } from "./reliability/app";

const args = process.argv.slice(2);
const only = args[0] === "--unit" || args[0] === "--e2e" ? args.shift() : undefined;

function run(command: string, commandArgs: string[], env: NodeJS.ProcessEnv = process.env): void {
  const result = spawnSync(command, commandArgs, { stdio: "inherit", env });
  if (result.status !== 0) {
    console.error(`\n✗ ${[command, ...commandArgs].join(" ")} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status || 1);
  }
}

function findTests(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" || entry.name === "generated" ? [] : findTests(full);
    return entry.name.endsWith(".test.ts") ? [full] : [];
  });
}

function unitTests(files: string[]): void {
  const tests = files.length ? files : ["lib", "scripts", "app", "components"].flatMap(findTests);
  console.log(`\n▶ unit and integration tests (${tests.length} files)`);
  // react-server: modules marked "server-only" (the data layer) load as they do in Next.js.
  run(process.execPath, ["--conditions=react-server", "--import", "tsx", "--test", "--test-reporter=spec", ...tests]);
}

async function e2eTests(playwrightArgs: string[]): Promise<void> {
  const dbName = process.env.E2E_DB_NAME ?? "banmian_e2e";
  const distDir = process.env.NEXT_DIST_DIR ?? ".next-e2e";
  const storage = path.resolve(process.env.STORAGE_DIR ?? `.data/${dbName}-storage`);
  console.log(`\n▶ browser tests: fresh database ${dbName}, build in ${distDir}`);
  const url = await recreateDatabase(dbName);
  const env = {
    ...process.env,
    DATABASE_URL: url,
    NEXT_DIST_DIR: distDir,
    STORAGE_DIR: storage,
    NEXT_TELEMETRY_DISABLED: "1",
  };
  run("npx", ["tsx", "scripts/db-migrate.ts"], env);
  run("npx", ["tsx", "scripts/seed.ts", "--quiet"], env);
  // e2e/reliability.spec.ts fuzzes a copy of the seeded paper, so its hostile writes never reach the other specs' data.
  await snapshotDatabase(dbName, storage);
  if (!process.env.E2E_SKIP_BUILD) run("npx", ["next", "build"], env);
  run("npx", ["playwright", "test", ...playwrightArgs], env);
}

if (only !== "--e2e") unitTests(only === "--unit" ? args : []);
if (only !== "--unit") await e2eTests(only === "--e2e" ? args : []);
