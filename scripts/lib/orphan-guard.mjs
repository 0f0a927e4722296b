// Ends what scripts/with-db.ts started when with-db dies without cleaning up
// (kill -9, the OOM killer). with-db starts this first, in a session of its
// own, and announces on its stdin what to end: "group <pgid>" (the command)
// and "process <pid>" (the embedded database). The pipe closes when with-db's
// process is gone, however it ended; "done" means it cleaned up itself.
// Plain JavaScript, so it starts in milliseconds without a TypeScript loader.
import { createInterface } from "node:readline";

const groups = [];
const processes = [];
let done = false;

function alive(target) {
  try {
    process.kill(target, 0);
    return true;
  } catch {
    return false;
  }
}

/** SIGTERM, then SIGKILL if it has not ended after `graceMs`. */
async function end(target, graceMs) {
  try {
    process.kill(target, "SIGTERM");
  } catch {
    return;
  }
  const deadline = Date.now() + graceMs;
  while (alive(target) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  if (alive(target)) {
    try {
      process.kill(target, "SIGKILL");
    } catch {
      // Ended just now.
    }
  }
}

const lines = createInterface({ input: process.stdin });
lines.on("line", (line) => {
  const [kind, value] = line.trim().split(" ");
  if (kind === "done") done = true;
  const pid = Number(value);
  if (!Number.isInteger(pid) || pid <= 1) return;
  if (kind === "group") groups.push(pid);
  else if (kind === "process") processes.push(pid);
});
lines.on("close", async () => {
  if (!done) {
    // The server first (it still writes to the database), then the database, which closes cleanly on SIGTERM.
    for (const group of groups) await end(-group, 5_000);
    for (const pid of processes) await end(pid, 10_000);
  }
  process.exit(0);
});
