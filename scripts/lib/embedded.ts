import { readFileSync } from "node:fs";
import path from "node:path";

export const DATA_DIR = path.resolve(process.env.BANMIAN_DATA_DIR ?? ".data");
export const EMBEDDED_DIR = path.join(DATA_DIR, "pglite");
export const EMBEDDED_PIDFILE = path.join(DATA_DIR, "pglite.pid");

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The pid of a live embedded database server for this data dir, if any. */
export function runningEmbeddedPid(): number | null {
  try {
    const pid = Number(readFileSync(EMBEDDED_PIDFILE, "utf8"));
    return Number.isInteger(pid) && pid > 0 && isAlive(pid) ? pid : null;
  } catch {
    return null;
  }
}
