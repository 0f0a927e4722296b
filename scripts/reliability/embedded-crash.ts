// Part 5: kill -9 the embedded database (scripts/embedded-db.ts, the one
// `npm run dev`/`npm run demo` start) while clients are writing, start it again
// and check that every write it had confirmed is there.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { prng } from "./import-crash";
import { figure, type PartResult } from "./report";

export type EmbeddedCrashOptions = {
  rounds: number;
  seed: number;
  port: number;
  writers?: number;
  log?: (line: string) => void;
};

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });
}

async function start(dataDir: string, port: number): Promise<{ server: ChildProcess; readyMs: number }> {
  const started = Date.now();
  const server = spawn(process.execPath, ["--import", "tsx", "scripts/embedded-db.ts"], {
    env: { ...process.env, BANMIAN_DATA_DIR: dataDir, BANMIAN_EMBEDDED_PORT: String(port), DATABASE_URL: "" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  server.stdout!.on("data", (d) => (output += d));
  server.stderr!.on("data", (d) => (output += d));
  const url = urlFor(port);
  // Back = answering a query, not only accepting connections.
  for (;;) {
    if (server.exitCode !== null) throw new Error(`the embedded database exited: ${output}`);
    if (Date.now() - started > 120_000) throw new Error(`the embedded database did not come back: ${output}`);
    if (await portOpen(port)) {
      const client = new pg.Client({ connectionString: url });
      try {
        await client.connect();
        await client.query("SELECT 1");
        await client.end();
        return { server, readyMs: Date.now() - started };
      } catch {
        await client.end().catch(() => undefined);
      }
    }
    await new Promise((r) => setTimeout(r, 25));
  }
}

const urlFor = (port: number) => `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`;
const exited = (child: ChildProcess) =>
  new Promise((resolve) =>
    child.exitCode !== null || child.signalCode !== null ? resolve(null) : child.once("exit", resolve),
  );

/** Writes until the database goes away; returns the ids whose COMMIT was acknowledged, and an error that came before the kill. */
async function writer(
  port: number,
  name: string,
  stop: () => boolean,
): Promise<{ confirmed: string[]; error: string | null }> {
  const confirmed: string[] = [];
  let error: string | null = null;
  const client = new pg.Client({ connectionString: urlFor(port) });
  client.on("error", () => undefined);
  try {
    await client.connect();
    for (let i = 0; !stop(); i++) {
      const ids = i % 3 === 0 ? [`${name}-${i}-a`, `${name}-${i}-b`, `${name}-${i}-c`] : [`${name}-${i}`];
      if (ids.length > 1) {
        // A transaction of several rows: all of them or none.
        await client.query("BEGIN");
        for (const id of ids)
          await client.query("INSERT INTO crash_writes (id, body) VALUES ($1, $2)", [id, "稿".repeat(200)]);
        await client.query("COMMIT");
      } else await client.query("INSERT INTO crash_writes (id, body) VALUES ($1, $2)", [ids[0], "稿".repeat(200)]);
      confirmed.push(...ids);
    }
  } catch (caught) {
    // The database killed under us ends the writer; any other error is a finding.
    if (!stop()) error = (caught as Error).message;
  } finally {
    await client.end().catch(() => undefined);
  }
  return { confirmed, error };
}

export async function embeddedCrashPart(options: EmbeddedCrashOptions): Promise<PartResult> {
  const log = options.log ?? (() => undefined);
  const random = prng(options.seed);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "banmian-embedded-crash-"));
  const part = "embedded-crash";
  let current: ChildProcess | null = null;
  let confirmedTotal = 0;
  let lost = 0;
  let torn = 0;
  let worstBack = 0;
  const errors: string[] = [];
  try {
    let { server } = await start(dataDir, options.port);
    current = server;
    const setup = new pg.Client({ connectionString: urlFor(options.port) });
    await setup.connect();
    await setup.query(
      "CREATE TABLE crash_writes (id text PRIMARY KEY, body text NOT NULL, at timestamptz DEFAULT now())",
    );
    await setup.end();
    const confirmed: string[] = [];
    for (let round = 0; round < options.rounds; round++) {
      let killed = false;
      const writers = Array.from({ length: options.writers ?? 4 }, (_, w) =>
        writer(options.port, `r${round}w${w}`, () => killed),
      );
      const after = 500 + Math.round(random() * 2500);
      await new Promise((r) => setTimeout(r, after));
      killed = true;
      server.kill("SIGKILL");
      await exited(server);
      const killedAt = Date.now();
      for (const outcome of await Promise.all(writers)) {
        confirmed.push(...outcome.confirmed);
        if (outcome.error) errors.push(outcome.error);
      }
      const restarted = await start(dataDir, options.port);
      server = restarted.server;
      current = server;
      const back = (Date.now() - killedAt) / 1000;
      worstBack = Math.max(worstBack, restarted.readyMs / 1000);
      const client = new pg.Client({ connectionString: urlFor(options.port) });
      await client.connect();
      const present = new Set(
        (await client.query<{ id: string }>("SELECT id FROM crash_writes")).rows.map((r) => r.id),
      );
      // A transaction is either whole or absent.
      const groups = new Map<string, number>();
      for (const id of present)
        if (/-[abc]$/.test(id)) groups.set(id.slice(0, -2), (groups.get(id.slice(0, -2)) ?? 0) + 1);
      torn += [...groups.values()].filter((n) => n !== 3).length;
      await client.end();
      const missing = confirmed.filter((id) => !present.has(id));
      lost += missing.length;
      if (missing.length) log(`    missing: ${missing.slice(0, 6).join(", ")}`);
      log(
        `  round ${round + 1}: killed after ${after} ms of writes; ${confirmed.length} confirmed so far, ${missing.length} missing; back after ${restarted.readyMs} ms (${back.toFixed(1)} s after the kill)`,
      );
      confirmed.splice(0, confirmed.length, ...confirmed.filter((id) => present.has(id)));
    }
    confirmedTotal = confirmed.length;
    return {
      part,
      figures: [
        figure(part, "rounds (kill -9 during writes)", options.rounds),
        figure(part, "confirmed writes checked", confirmedTotal),
        figure(part, "committed rows lost", lost, { max: 0 }),
        figure(part, "torn transactions", torn, { max: 0 }),
        figure(part, "write errors before the kill", errors.length, { max: 0 }),
        figure(part, "time to be back, worst (s)", Number(worstBack.toFixed(1)), { max: 10 }),
      ],
      notes: [
        ...(errors.length ? [`write errors before the kill, e.g. ${[...new Set(errors)].slice(0, 3).join("; ")}`] : []),
        `${options.writers ?? 4} writers, one in three writes a 3-row transaction; data folder replayed by PGlite on start`,
      ],
    };
  } finally {
    if (current && current.exitCode === null) {
      current.kill("SIGTERM");
      await exited(current);
    }
    rmSync(dataDir, { recursive: true, force: true });
  }
}
