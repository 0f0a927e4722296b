// The servers the benchmark compares: the app as `npm start` runs it, a bare
// node:http server sending the same bytes, and nginx caching in front of the
// app (deploy/nginx.conf). Every one listens on loopback only and is stopped
// by the runner, whatever happens.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export type Server = { url: string; pid: number; stop: () => Promise<void> };

async function waitFor(url: string, child: ChildProcess, what: string, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${what} exited (code ${child.exitCode}) before answering`);
    const ok = await fetch(url, { redirect: "manual" }).then(
      (r) => (r.body?.cancel(), true),
      () => false,
    );
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`${what} did not answer ${url} within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

function stopper(child: ChildProcess): () => Promise<void> {
  return async () => {
    if (child.exitCode !== null || !child.pid) return;
    const exited = new Promise((r) => child.once("exit", r));
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      return; // already gone
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        // gone meanwhile
      }
    }, 5000);
    await exited;
    clearTimeout(timer);
  };
}

/** The app as `npm start` runs it (whatever that script wraps), on 127.0.0.1:port. */
export async function startApp(
  port: number,
  env: Record<string, string>,
  log: (line: string) => void,
): Promise<Server> {
  const child = spawn("npm", ["start", "--", "-p", String(port), "-H", "127.0.0.1"], {
    env: { ...process.env, ...env, PORT: String(port), HOSTNAME: "127.0.0.1", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "ignore", "pipe"],
    detached: true,
  });
  child.stderr?.on("data", (chunk: Buffer) => log(`app :${port}: ${chunk.toString().trim()}`));
  const url = `http://127.0.0.1:${port}`;
  const stop = stopper(child);
  try {
    await waitFor(url + "/", child, "npm start");
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, pid: child.pid!, stop };
}

const MINIMAL = "bench/minimal-next";

/**
 * The smallest App Router app (bench/minimal-next, one prerendered page of
 * about the article view's size): what Next.js itself costs per request,
 * whatever the app does. Built on first use.
 */
export async function startMinimalNext(port: number, log: (line: string) => void): Promise<Server> {
  if (!existsSync(`${MINIMAL}/.next-minimal/BUILD_ID`)) {
    log(`building ${MINIMAL}`);
    const build = spawnSync("npx", ["next", "build", MINIMAL], {
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    });
    if (build.status !== 0) throw new Error(`next build ${MINIMAL} failed`);
  }
  const child = spawn("npx", ["next", "start", MINIMAL, "-p", String(port), "-H", "127.0.0.1"], {
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: "ignore",
    detached: true,
  });
  const url = `http://127.0.0.1:${port}`;
  const stop = stopper(child);
  try {
    await waitFor(url + "/", child, "the minimal Next.js app");
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, pid: child.pid!, stop };
}

export type Recorded = { status: number; headers: Record<string, string>; body: string };

/** A bare node:http server answering each path with the recorded status, headers and bytes. */
export async function startBare(port: number, responses: Record<string, Recorded>): Promise<Server> {
  const dir = mkdtempSync(path.join(tmpdir(), "banmian-bench-"));
  const file = path.join(dir, "responses.json");
  writeFileSync(file, JSON.stringify(responses));
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/bench/bare-server.ts", file, String(port)], {
    stdio: "ignore",
    detached: true,
  });
  const url = `http://127.0.0.1:${port}`;
  const stop = stopper(child);
  try {
    await waitFor(url + "/", child, "the bare node:http server", 30_000);
  } catch (error) {
    await stop();
    throw error;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { url, pid: child.pid!, stop };
}

export function nginxInstalled(): boolean {
  return spawnSync("nginx", ["-v"], { stdio: "ignore" }).status === 0;
}

/**
 * nginx with the repository's deploy/nginx.conf, rewritten only in what a
 * deployment sets differently: where it listens, where the app is, and where
 * it keeps its cache, pid and logs (a temporary folder).
 */
export async function startNginx(port: number, appPort: number): Promise<Server> {
  const dir = mkdtempSync(path.join(tmpdir(), "banmian-nginx-"));
  // Started as root, nginx's workers run as an unprivileged user: they must reach the cache below (mkdtemp makes 0700).
  chmodSync(dir, 0o755);
  const config = readFileSync("deploy/nginx.conf", "utf8")
    .replace(/listen\s+80;/, `listen 127.0.0.1:${port};`)
    .replace(/server\s+127\.0\.0\.1:3000/, `server 127.0.0.1:${appPort}`)
    .replaceAll("/var/cache/nginx/banmian", path.join(dir, "cache"))
    .replaceAll("/var/log/nginx/", `${dir}/`)
    .replace(/^pid\s+[^;]+;/m, `pid ${dir}/nginx.pid;`);
  writeFileSync(path.join(dir, "nginx.conf"), config);
  const child = spawn("nginx", ["-p", dir, "-c", path.join(dir, "nginx.conf"), "-g", "daemon off;"], {
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  const url = `http://127.0.0.1:${port}`;
  const stopNginx = stopper(child);
  const stop = async () => {
    await stopNginx();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitFor(url + "/", child, "nginx", 30_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, pid: child.pid!, stop };
}

/** Resident memory of the largest process among `root` and its descendants (the server, not npm's wrappers), in bytes. */
export function serverRss(root: number): number {
  const parent = new Map<number, number>();
  const rss = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // Fields after the command name, which is in parentheses and may hold spaces.
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      parent.set(Number(entry), Number(fields[1]));
      rss.set(Number(entry), Number(fields[21]) * 4096);
    } catch {
      // the process ended while we looked
    }
  }
  const inTree = (pid: number): boolean => {
    for (let p = pid, hops = 0; p > 1 && hops < 64; p = parent.get(p) ?? 0, hops++) if (p === root) return true;
    return false;
  };
  let largest = 0;
  for (const [pid, bytes] of rss) if (inTree(pid)) largest = Math.max(largest, bytes);
  return largest;
}
