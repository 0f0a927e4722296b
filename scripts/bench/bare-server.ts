// The physical limit for Node on this machine: a bare node:http server that
// answers each path with bytes and headers recorded from the app. Run by
// scripts/bench.ts in its own process, as the app runs in its own.
//   node --import tsx scripts/bench/bare-server.ts <responses.json> <port>
import { readFileSync } from "node:fs";
import { createServer } from "node:http";

type Recorded = { status: number; headers: Record<string, string>; body: string };
const [file, port] = process.argv.slice(2);
const recorded = JSON.parse(readFileSync(file, "utf8")) as Record<string, Recorded>;
const responses = new Map(
  Object.entries(recorded).map(([path, r]) => [path, { ...r, body: Buffer.from(r.body, "base64") }]),
);

createServer((request, response) => {
  const found = responses.get(request.url ?? "");
  if (!found) {
    response.writeHead(404).end();
    return;
  }
  response.writeHead(found.status, { ...found.headers, "content-length": found.body.length });
  response.end(found.body);
}).listen(Number(port), "127.0.0.1");
