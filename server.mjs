// The HTTP server of `npm start`, `npm run dev`, the demo and the browser tests:
// Next.js behind a thin layer that does, for every request, what must not
// depend on each route remembering it:
// - the client's address for login throttling, from the socket, or from
//   X-Forwarded-For only as far as BANMIAN_TRUSTED_PROXY_HOPS says
//   (lib/server/client-ip.mjs); a client cannot choose it;
// - the security headers, and a fresh CSP nonce written into every <script> of
//   every HTML response, cached pages included (lib/server/security-headers.mjs);
// - compression, after the nonce is written (Next.js's own is bypassed, since
//   it would compress the HTML before the nonce could be written into it).
//   node server.mjs [-p 3000] [-H 0.0.0.0] [--dev]
import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import { parseArgs } from "node:util";
import next from "next";
import { CLIENT_IP_HEADER, clientAddress, trustedProxyHops } from "./lib/server/client-ip.mjs";
import { isUnroutablePath } from "./lib/server/paths.mjs";
import {
  NonceRewriter,
  baseHeaders,
  mayRevalidate,
  readerFrameAncestors,
  responseCsp,
} from "./lib/server/security-headers.mjs";

const compression = createRequire(import.meta.url)("next/dist/compiled/compression");
const compress = compression();

const { values } = parseArgs({
  options: {
    port: { type: "string", short: "p" },
    hostname: { type: "string", short: "H" },
    dev: { type: "boolean", default: false },
  },
});
const port = Number(values.port ?? process.env.PORT ?? 3000);
const hostname = values.hostname ?? process.env.HOSTNAME ?? undefined;
const dev = values.dev;
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`Not a port: ${values.port ?? process.env.PORT}`);
  process.exit(2);
}
let hops;
let readerFrames;
try {
  hops = trustedProxyHops();
  readerFrames = readerFrameAncestors();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(2);
}
if (!dev) process.env.NODE_ENV = "production";

const app = next({ dev, hostname: hostname ?? "localhost", port, dir: import.meta.dirname });
const handle = app.getRequestHandler();
await app.prepare();

/** Forwarding headers are only believed from trusted proxies; without any, a client may not send them. */
const FORWARDING = ["x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "forwarded", "x-real-ip"];

/**
 * Completes an HTML response's CSP with a fresh nonce and streams its body
 * through the nonce writer; an image gets the image policy (responseCsp);
 * every other response passes untouched. Decided when the headers go out,
 * from the Content-Type Next.js set.
 */
function writeNonces(req, res, nonce) {
  const { write, end, writeHead } = res;
  let rewriter = null;
  let decided = false;
  const decide = () => {
    if (decided) return;
    decided = true;
    const type = String(res.getHeader("content-type") ?? "");
    const ancestors = /frame-ancestors ([^;]+)/.exec(String(res.getHeader("content-security-policy")))?.[1];
    const policy = responseCsp({ contentType: type, nonce, dev, frameAncestors: ancestors ?? "'none'" });
    if (policy) res.setHeader("Content-Security-Policy", policy);
    if (!type.startsWith("text/html")) return;
    // The body differs in every response (its nonce): no validator, so browsers never ask for a 304.
    res.removeHeader("etag");
    res.removeHeader("last-modified");
    if (req.method === "HEAD") return;
    res.removeHeader("content-length");
    rewriter = new NonceRewriter(nonce);
    rewriter.on("data", (chunk) => write.call(res, chunk));
    rewriter.on("end", () => end.call(res));
  };
  res.writeHead = function (status, ...rest) {
    const message = typeof rest[0] === "string" ? rest.shift() : undefined;
    const headers = rest[0];
    if (Array.isArray(headers))
      for (let i = 0; i + 1 < headers.length; i += 2) this.setHeader(headers[i], headers[i + 1]);
    else if (headers) for (const [name, value] of Object.entries(headers)) this.setHeader(name, value);
    decide();
    return message === undefined ? writeHead.call(this, status) : writeHead.call(this, status, message);
  };
  res.write = function (chunk, encoding, callback) {
    if (!this.headersSent) this.writeHead(this.statusCode);
    if (!rewriter) return write.call(this, chunk, encoding, callback);
    rewriter.write(
      typeof chunk === "string" ? Buffer.from(chunk, typeof encoding === "string" ? encoding : "utf8") : chunk,
    );
    (typeof encoding === "function" ? encoding : callback)?.();
    return true;
  };
  res.end = function (chunk, encoding, callback) {
    if (typeof chunk === "function") [chunk, callback] = [undefined, chunk];
    if (!this.headersSent) this.writeHead(this.statusCode);
    if (!rewriter) return end.call(this, chunk, encoding, callback);
    if (chunk) this.write(chunk, encoding);
    if (typeof (typeof encoding === "function" ? encoding : callback) === "function")
      res.once("finish", typeof encoding === "function" ? encoding : callback);
    rewriter.end();
    return this;
  };
}

const server = createServer((req, res) => {
  const client = clientAddress(req.headers["x-forwarded-for"], req.socket.remoteAddress, hops);
  req.headers[CLIENT_IP_HEADER] = client;
  req.headers["x-forwarded-for"] = client;
  if (hops === 0) for (const name of FORWARDING) delete req.headers[name];
  const pathname = (req.url ?? "/").split("?")[0];
  // Answered as the 404 page, rendered in this process (a rewrite in proxy.ts to an absolute URL made Next.js
  // fetch the page from itself over HTTP: the HTML came back with two nonces per script and never rendered).
  if (isUnroutablePath(pathname)) req.url = "/not-found";
  if (!mayRevalidate(pathname)) for (const name of ["if-none-match", "if-modified-since"]) delete req.headers[name];
  for (const [name, value] of Object.entries(baseHeaders({ pathname, production: !dev, readerFrames })))
    res.setHeader(name, value);
  // Compression wraps the response first, so the nonce is written before the body is compressed.
  const acceptEncoding = req.headers["accept-encoding"];
  delete req.headers["accept-encoding"];
  compress({ method: req.method, headers: { "accept-encoding": acceptEncoding } }, res, () => {});
  writeNonces(req, res, randomBytes(16).toString("base64"));
  handle(req, res).catch((error) => {
    console.error("Request failed:", error);
    if (!res.headersSent) res.statusCode = 500;
    res.end();
  });
});
server.listen(port, hostname, () => {
  const shown = hostname && hostname !== "0.0.0.0" ? hostname : "localhost";
  console.log(`▲ Banmian ${dev ? "dev" : "production"} server on http://${shown}:${port}`);
});
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.once(signal, () => {
    server.close();
    void app.close().finally(() => process.exit(0));
    // Open keep-alive connections must not hold the exit up.
    setTimeout(() => process.exit(0), 3000).unref();
  });
}
