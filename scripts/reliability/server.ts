// Production servers for the harness, started the way README says
// (`npm start`), each in its own process group so it can be stopped whole.
import { spawn, type ChildProcess } from "node:child_process";
import { waitForServer } from "./http";

export type AppServer = {
  base: string;
  port: number;
  process: ChildProcess;
  output: () => string;
  stop: () => Promise<void>;
};

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
    const exited = new Promise((resolve) => child.once("exit", resolve));
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      return;
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        // gone
      }
    }, 10_000);
    await exited;
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
