// The embedded database survives a kill -9: committed rows are there after the
// next start, which comes up within seconds. Runs the real server script.
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";

const dataDir = mkdtempSync(path.join(os.tmpdir(), "banmian-embedded-"));
const port = 56000 + (process.pid % 1000);
const url = `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`;
const env = { ...process.env, BANMIAN_DATA_DIR: dataDir, BANMIAN_EMBEDDED_PORT: String(port), DATABASE_URL: "" };

after(() => rmSync(dataDir, { recursive: true, force: true }));

function portOpen(): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });
}

async function start(): Promise<{ server: ChildProcess; seconds: number }> {
  const started = Date.now();
  const server = spawn(process.execPath, ["--import", "tsx", "scripts/embedded-db.ts"], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  server.stdout!.on("data", (d) => (output += d));
  server.stderr!.on("data", (d) => (output += d));
  while (!(await portOpen())) {
    if (server.exitCode !== null) throw new Error(`embedded database exited: ${output}`);
    if (Date.now() - started > 60_000) throw new Error(`embedded database did not start: ${output}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return { server, seconds: (Date.now() - started) / 1000 };
}

const exited = (child: ChildProcess) =>
  new Promise((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.once("exit", resolve)));

async function query<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

test("committed rows survive kill -9 and the next start is quick", async () => {
  const first = await start();
  await query("CREATE TABLE notes (id serial PRIMARY KEY, body text NOT NULL)");
  for (let i = 0; i < 50; i++) await query("INSERT INTO notes (body) VALUES ($1)", [`第${i}条`]);
  first.server.kill("SIGKILL");
  await exited(first.server);

  const second = await start();
  const rows = await query<{ count: string; last: string }>("SELECT count(*) AS count, max(body) AS last FROM notes");
  assert.equal(Number(rows[0].count), 50);
  // The second start replays the WAL; the issue asks for "within seconds".
  assert.ok(second.seconds < 30, `restart took ${second.seconds} s`);
  await query("INSERT INTO notes (body) VALUES ('after restart')");

  // Ctrl-C (SIGINT) closes it cleanly: exit code 0 and the data is still there next time.
  second.server.kill("SIGINT");
  assert.equal(await exited(second.server), 0);
  const third = await start();
  assert.equal(Number((await query<{ count: string }>("SELECT count(*) AS count FROM notes"))[0].count), 51);
  third.server.kill("SIGTERM");
  assert.equal(await exited(third.server), 0);
});

test("refuses to open a data folder another live process serves", async () => {
  const first = await start();
  const second = spawn(process.execPath, ["--import", "tsx", "scripts/embedded-db.ts"], { env, stdio: "pipe" });
  let stderr = "";
  second.stderr!.on("data", (d) => (stderr += d));
  assert.equal(await exited(second), 1);
  assert.match(stderr, /already running/);
  first.server.kill("SIGTERM");
  await exited(first.server);
});
