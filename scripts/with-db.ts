// Runs a command against the project's database. With DATABASE_URL set that is
// the given PostgreSQL; without it, the embedded database is started first
// (unless it already runs) and stopped again when the command ends.
//   tsx scripts/with-db.ts <command> [args…]
import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
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

async function startEmbedded(): Promise<ChildProcess | null> {
  if (runningEmbeddedPid()) return null;
  if (await portOpen(EMBEDDED_PORT)) {
    console.error(`Port ${EMBEDDED_PORT} is taken by another program; set BANMIAN_EMBEDDED_PORT to a free port.`);
    process.exit(1);
  }
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/embedded-db.ts"], {
    stdio: ["ignore", "inherit", "inherit"],
  });
  const deadline = Date.now() + 60_000;
  while (!(await portOpen(EMBEDDED_PORT))) {
    if (child.exitCode !== null) {
      console.error("The embedded database did not start (see above).");
      process.exit(1);
    }
    if (Date.now() > deadline) {
      child.kill("SIGTERM");
      console.error("The embedded database did not start within 60 s.");
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

async function finish(code: number) {
  if (database && database.exitCode === null) {
    database.kill("SIGTERM");
    await new Promise((r) => database.once("exit", r));
  }
  process.exit(code);
}
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (child.exitCode !== null || !child.pid) return;
    try {
      process.kill(-child.pid, signal);
    } catch {
      // The group is already gone.
    }
  });
}
child.on("exit", (code, signal) => void finish(code ?? (signal ? 1 : 0)));
child.on("error", (err) => {
  console.error(`Could not run ${command}: ${err.message}`);
  void finish(1);
});
