// Production servers for the harness, started the way README says
// (`npm start`), each in its own process group so it can be stopped whole.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { waitForServer } from "./http";

export type AppServer = {
  base: string;
  port: number;
  process: ChildProcess;
  output: () => string;
  stop: () => Promise<void>;
};

function descendants(pid: number): number[] {
  const rows = spawnSync("ps", ["-e", "-o", "pid=,ppid="], { encoding: "utf8" })
    .stdout.trim()
    .split("\n")
    .map((line) => line.trim().split(/\s+/).map(Number));
  const found: number[] = [];
  const queue = [pid];
  while (queue.length) {
    const parent = queue.shift()!;
    for (const [child, ppid] of rows)
      if (ppid === parent) {
        found.push(child);
        queue.push(child);
      }
  }
  return found;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function startServer(port: number, env: NodeJS.ProcessEnv): Promise<AppServer> {
  const child = spawn("npm", ["start", "--silent", "--", "-p", String(port), "-H", "127.0.0.1"], {
    env: { ...process.env, ...env, PORT: String(port), NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000));
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const base = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null || !child.pid) return;
    // next start's server process moves into a process group of its own: signal every descendant by pid.
    const pids = [child.pid, ...descendants(child.pid)];
    const signal = (name: NodeJS.Signals) => {
      for (const target of [-child.pid!, ...pids])
        try {
          process.kill(target, name);
        } catch {
          // gone
        }
    };
    const exited = new Promise((resolve) => child.once("exit", resolve));
    signal("SIGTERM");
    const timer = setTimeout(() => signal("SIGKILL"), 10_000);
    await exited;
    const deadline = Date.now() + 10_000;
    while (pids.some(alive) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    if (pids.some(alive)) signal("SIGKILL");
    clearTimeout(timer);
  };
  try {
    const exited = new Promise<never>((_, reject) =>
      child.once("exit", (code) => reject(new Error(`npm start exited (${code}) before ${base} answered`))),
    );
    exited.catch(() => undefined); // stopping it later is not an error
    await Promise.race([waitForServer(base, 120_000), exited]);
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n${output}`);
  }
  return { base, port, process: child, output: () => output, stop };
}
