// Runs a command against the project's database. With DATABASE_URL set that is
// the given PostgreSQL; without it, the embedded database is started first
// (unless it already runs) and stopped again when the command ends.
//   tsx scripts/with-db.ts <command> [args…]
// Nothing outlives it: when with-db is killed (even with kill -9) a guard
// process ends the command and the database; when whoever started it (npm, a
// shell script, tsx) goes away, with-db stops as on Ctrl-C.
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import net from "node:net";
import { fileURLToPath } from "node:url";
import { EMBEDDED_PORT, isEmbedded } from "../lib/db/url";
import { runningEmbeddedPid } from "./lib/embedded";

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error("usage: tsx scripts/with-db.ts <command> [args…]");
  process.exit(2);
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });
}

// Started first and in a session of its own, so no signal meant for with-db's group reaches it.
const guard = spawn(process.execPath, [fileURLToPath(new URL("./lib/orphan-guard.mjs", import.meta.url))], {
  stdio: ["pipe", "ignore", "inherit"],
  detached: true,
});
guard.unref();
const announce = (line: string) => guard.stdin!.write(`${line}\n`);

async function startEmbedded(): Promise<ChildProcess | null> {
  if (runningEmbeddedPid()) return null;
  if (await portOpen(EMBEDDED_PORT)) {
    console.error(`Port ${EMBEDDED_PORT} is taken by another program; set BANMIAN_EMBEDDED_PORT to a free port.`);
    process.exit(1);
  }
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/embedded-db.ts"], {
    stdio: ["ignore", "inherit", "inherit"],
  });
  if (child.pid) announce(`process ${child.pid}`);
  // A first start creates the database (initdb), which takes minutes on a busy machine.
  const deadline = Date.now() + 300_000;
  while (!(await portOpen(EMBEDDED_PORT))) {
    if (child.exitCode !== null) {
      console.error("The embedded database did not start (see above).");
      process.exit(1);
    }
    if (Date.now() > deadline) {
      child.kill("SIGTERM");
      console.error("The embedded database did not start within 5 minutes.");
      process.exit(1);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return child;
}

const database = isEmbedded() ? await startEmbedded() : null;
// The command runs in its own process group, so a signal reaches all of it
// (e.g. `sh -c "a && b"` and whatever it is running at the moment).
const child = spawn(command, args, {
  stdio: "inherit",
  detached: true,
  env: { NEXT_TELEMETRY_DISABLED: "1", ...process.env },
});
if (child.pid) announce(`group ${child.pid}`);

async function finish(code: number) {
  if (database && database.exitCode === null) {
    database.kill("SIGTERM");
    await new Promise((r) => database.once("exit", r));
  }
  announce("done");
  process.exit(code);
}

function stopCommand(signal: NodeJS.Signals) {
  if (child.exitCode !== null || !child.pid) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is already gone.
  }
}
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => stopCommand(signal));

/** The parent pid of `pid` from /proc (Linux), or null. */
function parentOf(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
  } catch {
    return null;
  }
}

/**
 * with-db and its ancestors up to the process the user started: npm runs a
 * script as npm → sh → tsx → with-db, and only npm lacks npm's environment
 * variables. Each is paired with its parent; a killed ancestor shows as a
 * changed parent of the one below it.
 */
function launchChain(): [pid: number, parent: number][] {
  const chain: [number, number][] = [[process.pid, process.ppid]];
  if (!process.env.npm_lifecycle_event) return chain;
  for (let pid = process.ppid; chain.length < 8;) {
    let environment: string;
    try {
      environment = readFileSync(`/proc/${pid}/environ`, "utf8");
    } catch {
      break;
    }
    if (!environment.split("\0").some((entry) => entry.startsWith("npm_lifecycle_event="))) break;
    const parent = parentOf(pid);
    if (parent === null || parent <= 1) break;
    chain.push([pid, parent]);
    pid = parent;
  }
  return chain;
}
const chain = launchChain();
let orphaned = false;
setInterval(() => {
  if (orphaned) return;
  const broken = chain.some(([pid, parent]) => (pid === process.pid ? process.ppid : parentOf(pid)) !== parent);
  if (!broken) return;
  orphaned = true;
  console.error("with-db: the process that started it is gone; stopping.");
  stopCommand("SIGTERM");
  setTimeout(() => stopCommand("SIGKILL"), 10_000).unref();
}, 500).unref();
child.on("exit", (code, signal) => void finish(code ?? (signal ? 1 : 0)));
child.on("error", (err) => {
  console.error(`Could not run ${command}: ${err.message}`);
  void finish(1);
});
