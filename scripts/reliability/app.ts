// The app under test: a fresh database seeded with the sample paper, and a
// production server for it (a build of its own, or a copy of an existing one).
import { spawnSync } from "node:child_process";
import { cpSync, rmSync } from "node:fs";
import path from "node:path";
import { recreateDatabase } from "../../lib/testing/database";
import { startServer, type AppServer } from "./server";

function run(command: string, args: string[], env: NodeJS.ProcessEnv): void {
  const result = spawnSync(command, args, { stdio: ["ignore", "inherit", "inherit"], env });
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(" ")} failed (exit ${result.status ?? result.signal})`);
}

export type Prepared = { databaseUrl: string; storageDir: string; env: NodeJS.ProcessEnv };

/** Recreates `database`, migrates it and loads the sample paper (`days` editions and a draft). */
export async function prepareDatabase(database: string, days = 10): Promise<Prepared> {
  const databaseUrl = await recreateDatabase(database);
  const storageDir = path.resolve(`.data/${database}-storage`);
  rmSync(storageDir, { recursive: true, force: true });
  const env = { ...process.env, DATABASE_URL: databaseUrl, STORAGE_DIR: storageDir, NEXT_TELEMETRY_DISABLED: "1" };
  run("npx", ["tsx", "scripts/db-migrate.ts"], env);
  run("npx", ["tsx", "scripts/seed.ts", "--quiet", "--days", String(days)], env);
  return { databaseUrl, storageDir, env };
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
