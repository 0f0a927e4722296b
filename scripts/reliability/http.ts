// Raw HTTP for the harness: paths are sent exactly as generated (fetch would
// normalise them), over keep-alive connections to loopback only.
import http from "node:http";

const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });

export type RawResponse = { status: number; headers: http.IncomingHttpHeaders; body: Buffer };

export type RawRequest = {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: Buffer | string;
};

function assertLoopback(base: URL): void {
  if (!["127.0.0.1", "localhost", "[::1]", "::1"].includes(base.hostname))
    throw new Error(`The reliability harness only sends traffic to loopback, not ${base.hostname}`);
}

/** encodeURIComponent that does not throw on a lone surrogate (it is sent as U+FFFD, as a browser would). */
export function encode(value: string): string {
  return encodeURIComponent(
    value.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd"),
  );
}

/** Characters node's http client refuses in a path are percent-encoded; everything else goes as it is. */
export function sendablePath(path: string): string {
  return path.replace(/[^\x21-\x7e]/gu, (char) => encode(char));
}

export function request(
  baseUrl: string,
  req: RawRequest,
  timeoutMs = 30_000,
  options: { fresh?: boolean } = {},
): Promise<RawResponse> {
  const base = new URL(baseUrl);
  assertLoopback(base);
  return new Promise((resolve, reject) => {
    const body = req.body === undefined ? undefined : Buffer.from(req.body);
    const outgoing = http.request(
      {
        agent: options.fresh ? false : agent,
        host: base.hostname.replace(/^\[|\]$/g, ""),
        port: base.port || 80,
        method: req.method ?? "GET",
        path: sendablePath(req.path),
        headers: { ...(body ? { "content-length": String(body.length) } : {}), ...req.headers },
        timeout: timeoutMs,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }),
        );
        response.on("error", reject);
      },
    );
    outgoing.on("timeout", () => outgoing.destroy(new Error(`timeout after ${timeoutMs} ms`)));
    outgoing.on("error", reject);
    outgoing.end(body);
  });
}

/** A shell command that repeats the request, for the report. */
export function curl(baseUrl: string, req: RawRequest): string {
  const quote = (value: string) => `'${value.replace(/'/g, `'\\''`)}'`;
  const parts = ["curl", "-sS", "-o", "/dev/null", "-w", quote("%{http_code}\\n"), "--path-as-is"];
  if ((req.method ?? "GET") !== "GET") parts.push("-X", req.method!);
  for (const [name, value] of Object.entries(req.headers ?? {})) parts.push("-H", quote(`${name}: ${value}`));
  if (req.body !== undefined) {
    const body = Buffer.from(req.body);
    const printable = /^[\x09\x0a\x0d\x20-\x7e]*$/.test(body.toString("latin1"));
    parts.push(
      "--data-binary",
      printable ? quote(body.toString("latin1")) : `@<(printf %s ${quote(body.toString("base64"))} | base64 -d)`,
    );
  }
  parts.push(quote(new URL(baseUrl).origin + sendablePath(req.path)));
  return parts.join(" ");
}

export async function waitForServer(baseUrl: string, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const response = await request(baseUrl, { path: "/" }, 10_000);
      if (response.status < 500) return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`${baseUrl} did not answer within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
