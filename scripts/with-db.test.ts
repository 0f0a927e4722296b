// Nothing that `npm start`/`npm run demo`/`npm run dev` starts outlives it:
// kill -9 of with-db, or of the process that started it (npm), frees the
// server's and the embedded database's ports within seconds, and the next
// start serves every committed row. Runs the real wrapper around a small
// server standing in for `next start` (which needs a build): like it, the
// server is a grandchild (sh → node) and writes to the embedded database.
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

// security-b's ports in the shared port table (COMMON.md); the database port is BANMIAN_EMBEDDED_PORT.
const APP_PORT = 3219;
const DB_PORT = 54349;
const dataDir = mkdtempSync(path.join(os.tmpdir(), "banmian-with-db-"));

const SERVER = `
const http = require("node:http");
const pg = require("pg");
const pool = new pg.Pool({ connectionString: "postgresql://postgres:postgres@127.0.0.1:${DB_PORT}/postgres?sslmode=disable", max: 2 });
pool.query("CREATE TABLE IF NOT EXISTS notes (id serial PRIMARY KEY, body text NOT NULL)").then(() =>
  http.createServer(async (request, response) => {
    if (request.method === "POST") await pool.query("INSERT INTO notes (body) VALUES ($1)", [request.url]);
    const { rows } = await pool.query("SELECT count(*)::int AS count FROM notes");
    response.end(JSON.stringify({ count: rows[0].count, pid: process.pid }));
  }).listen(${APP_PORT}, "127.0.0.1"));
`;
const WRAPPED = `node --import tsx scripts/with-db.ts sh -c 'node -e "$SERVER"'`;

// Without npm's variables (the test itself may run under `npm test`).
const baseEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith("npm_")));
const env: NodeJS.ProcessEnv = {
  ...(baseEnv as NodeJS.ProcessEnv),
  BANMIAN_DATA_DIR: dataDir,
  BANMIAN_EMBEDDED_PORT: String(DB_PORT),
  DATABASE_URL: "",
  SERVER,
};

const started: number[] = [];
after(() => {
  // Whatever a failed run left behind: only processes this test started.
  for (const pid of started) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // Already gone.
    }
  }
  rmSync(dataDir, { recursive: true, force: true });
});

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function call(method: "GET" | "POST", body = ""): Promise<{ count: number; pid: number }> {
  const response = await fetch(`http://127.0.0.1:${APP_PORT}/${encodeURIComponent(body)}`, { method });
  return (await response.json()) as { count: number; pid: number };
}

/** Starts `top` and waits until the stand-in server answers; returns its pid and the database's. */
async function start(top: ChildProcess): Promise<{ server: number; database: number }> {
  let output = "";
  top.stdout?.on("data", (d) => (output += d));
  top.stderr?.on("data", (d) => (output += d));
  const deadline = Date.now() + 330_000;
  while (!(await portOpen(APP_PORT))) {
    if (top.exitCode !== null) throw new Error(`the wrapper exited: ${output}`);
    if (Date.now() > deadline) throw new Error(`the server did not start: ${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const server = (await call("GET")).pid;
  const database = Number(readFileSync(path.join(dataDir, "pglite.pid"), "utf8"));
  started.push(server, database);
  return { server, database };
}

/** Waits (bounded) until both ports are free and the processes gone; says what is still there. */
async function leftovers(pids: number[]): Promise<string[]> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const left = [
      ...((await portOpen(APP_PORT)) ? [`port ${APP_PORT}`] : []),
      ...((await portOpen(DB_PORT)) ? [`port ${DB_PORT}`] : []),
      ...pids.filter(alive).map((pid) => `process ${pid}`),
    ];
    if (!left.length || Date.now() > deadline) return left;
    await new Promise((r) => setTimeout(r, 200));
  }
}

test("before: both ports are free (another run would make the results meaningless)", async () => {
  assert.equal(await portOpen(APP_PORT), false, `port ${APP_PORT} is taken`);
  assert.equal(await portOpen(DB_PORT), false, `port ${DB_PORT} is taken`);
});

test("kill -9 of with-db ends the server and the embedded database", async () => {
  const wrapper = spawn(process.execPath, ["--import", "tsx", "scripts/with-db.ts", "sh", "-c", 'node -e "$SERVER"'], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  started.push(wrapper.pid!);
  const { server, database } = await start(wrapper);
  for (let i = 0; i < 20; i++) await call("POST", `row ${i}`);
  // Before, `next start` ran on in its own process group holding the port, with its database gone or orphaned.
  wrapper.kill("SIGKILL");
  assert.deepEqual(await leftovers([server, database]), []);
});

test("kill -9 of the process that started it (as npm runs a script: npm → sh → with-db) ends everything", async () => {
  // Stands in for npm: not itself carrying npm_lifecycle_event, it gives it to the script's shell.
  const npm = spawn(
    process.execPath,
    [
      "-e",
      `require("node:child_process").spawn("sh", ["-c", process.env.WRAPPED], { stdio: "inherit", env: { ...process.env, npm_lifecycle_event: "start" } }); setInterval(() => {}, 60_000);`,
    ],
    { env: { ...env, WRAPPED }, stdio: ["ignore", "pipe", "pipe"] },
  );
  started.push(npm.pid!);
  const { server, database } = await start(npm);
  assert.equal((await call("GET")).count, 20, "the rows committed before the last kill -9");
  for (let i = 0; i < 5; i++) await call("POST", `more ${i}`);
  npm.kill("SIGKILL");
  assert.deepEqual(await leftovers([server, database]), []);
});

test("the next start serves every committed row, and Ctrl-C still stops it cleanly", async () => {
  const wrapper = spawn(process.execPath, ["--import", "tsx", "scripts/with-db.ts", "sh", "-c", 'node -e "$SERVER"'], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  started.push(wrapper.pid!);
  const { server, database } = await start(wrapper);
  assert.equal((await call("GET")).count, 25);
  wrapper.kill("SIGINT");
  assert.deepEqual(await leftovers([server, database]), []);
});
