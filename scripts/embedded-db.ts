// The embedded database: PGlite (PostgreSQL compiled to WebAssembly) kept in
// ./.data/pglite and served on loopback, so every process (Next.js workers,
// migrations, seed) talks to it through the same `pg` driver as production.
// Ctrl-C / SIGTERM close it cleanly; after a kill -9 PGlite replays its WAL on
// the next start.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { EMBEDDED_PORT } from "../lib/db/url";
import { EMBEDDED_DIR, EMBEDDED_PIDFILE, runningEmbeddedPid } from "./lib/embedded";
import { servePglite } from "./lib/pglite-server";

const running = runningEmbeddedPid();
if (running) {
  console.error(`The embedded database is already running (pid ${running}). Stop it first, or use it as it is.`);
  process.exit(1);
}

mkdirSync(path.dirname(EMBEDDED_DIR), { recursive: true });
const db = await PGlite.create({ dataDir: EMBEDDED_DIR });
const server = await servePglite(db, { port: EMBEDDED_PORT, host: "127.0.0.1" });
writeFileSync(EMBEDDED_PIDFILE, String(process.pid));
console.log(`embedded database ready on 127.0.0.1:${EMBEDDED_PORT} (${EMBEDDED_DIR})`);

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`embedded database: ${signal}, closing`);
  await server.close();
  await db.close();
  rmSync(EMBEDDED_PIDFILE, { force: true });
  process.exit(0);
}
process.on("SIGINT", () => void stop("SIGINT"));
process.on("SIGTERM", () => void stop("SIGTERM"));
