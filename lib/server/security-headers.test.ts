import { test } from "node:test";
import assert from "node:assert/strict";
import { Readable } from "node:stream";
import { text } from "node:stream/consumers";
import {
  MEDIA_CSP,
  NonceRewriter,
  baseHeaders,
  mayRevalidate,
  pageCsp,
  readerFrameAncestors,
  responseCsp,
} from "./security-headers.mjs";

async function rewrite(chunks: string[], nonce = "N0nce") {
  return text(Readable.from(chunks.map((chunk) => Buffer.from(chunk))).pipe(new NonceRewriter(nonce)));
}

test("every script tag gets the nonce, also when a tag or a character is split between chunks", async () => {
  const html = '<head><script>theme()</script><script src="/_next/a.js" async></script></head><p>页面</p>';
  const expected = html.replaceAll("<script", '<script nonce="N0nce"');
  assert.equal(await rewrite([html]), expected);
  for (let cut = 1; cut < html.length; cut++) {
    assert.equal(await rewrite([html.slice(0, cut), html.slice(cut)]), expected, `cut at ${cut}`);
  }
  // A multi-byte character split between two buffers.
  const bytes = Buffer.from("<p>页面</p><script>x</script>");
  const out = await text(Readable.from([bytes.subarray(0, 5), bytes.subarray(5)]).pipe(new NonceRewriter("n")));
  assert.equal(out, '<p>页面</p><script nonce="n">x</script>');
});

test("text that only looks like a tag is left alone", async () => {
  assert.equal(
    await rewrite(["<scripts>&lt;script&gt;<noscript></noscript>"]),
    "<scripts>&lt;script&gt;<noscript></noscript>",
  );
});

test("the page policy allows no inline script without the nonce", () => {
  const csp = pageCsp({ nonce: "abc", frameAncestors: "'none'" });
  assert.match(csp, /script-src 'self' 'nonce-abc'(;|$)/);
  assert.doesNotMatch(csp, /script-src[^;]*unsafe-inline/);
  assert.match(csp, /frame-ancestors 'none'/);
  assert.match(csp, /object-src 'none'/);
});

test("once the type is known: HTML gets the nonce policy, an image the image viewer's, anything else keeps its own", () => {
  const options = { nonce: "abc", frameAncestors: "'self' https://a.example" };
  assert.equal(responseCsp({ contentType: "text/html; charset=utf-8", ...options }), pageCsp(options));
  const image = responseCsp({ contentType: "image/png", ...options })!;
  // Chromium's image viewer styles its <img> inline: refused under a policy without style-src (708 violations
  // in the reliability harness's xss part, all on 分享海报 posters).
  assert.match(image, /style-src 'unsafe-inline'/);
  // Nothing runs in an image document, an SVG's script included.
  assert.match(image, /default-src 'none'/);
  assert.doesNotMatch(image, /script-src/);
  assert.match(image, /sandbox/);
  assert.match(image, /frame-ancestors 'self' https:\/\/a.example$/);
  assert.equal(responseCsp({ contentType: "image/svg+xml", ...options }), image);
  assert.equal(responseCsp({ contentType: "application/json", ...options }), null);
  assert.equal(responseCsp({ contentType: "", ...options }), null);
  // Stored images already had this policy; a stored file is never framed by another origin.
  assert.equal(responseCsp({ contentType: "image/jpeg", nonce: "x", frameAncestors: "'self'" }), MEDIA_CSP);
});

test("the admin may never be framed; the reader by the configured origins", () => {
  const admin = baseHeaders({ pathname: "/admin/editions/1", production: true, readerFrames: "'self'" });
  assert.match(admin["Content-Security-Policy"]!, /frame-ancestors 'none'/);
  assert.equal(admin["X-Frame-Options"], "DENY");
  assert.equal(admin["Strict-Transport-Security"], "max-age=31536000");
  const reader = baseHeaders({
    pathname: "/2026-01-01/a01",
    production: false,
    readerFrames: "'self' https://a.example",
  });
  assert.match(reader["Content-Security-Policy"]!, /frame-ancestors 'self' https:\/\/a.example/);
  assert.equal(reader["X-Frame-Options"], undefined);
  assert.equal(reader["Strict-Transport-Security"], undefined);
});

test("stored files are sandboxed and PDFs are downloads", () => {
  const pdf = baseHeaders({
    pathname: "/media/pages/2026-01-01/a01/page.pdf",
    production: true,
    readerFrames: "'self'",
  });
  assert.match(pdf["Content-Security-Policy"]!, /sandbox/);
  assert.match(pdf["Content-Security-Policy"]!, /default-src 'none'/);
  assert.equal(pdf["Content-Disposition"], "attachment");
  const image = baseHeaders({ pathname: "/media/pages/x/original.png", production: true, readerFrames: "'self'" });
  assert.equal(image["Content-Disposition"], undefined);
});

test("the reader's frame setting accepts origins and refuses anything that could break the header", () => {
  assert.equal(readerFrameAncestors(undefined), "'self'");
  assert.equal(readerFrameAncestors("'self' https://news.example.com"), "'self' https://news.example.com");
  assert.throws(() => readerFrameAncestors("https://a.example; script-src *"), /BANMIAN_READER_FRAME_ANCESTORS/);
  assert.throws(() => readerFrameAncestors("*"), /BANMIAN_READER_FRAME_ANCESTORS/);
  assert.throws(() => readerFrameAncestors("'none' 'self'"), /'none'/);
});

test("only built assets and stored files may be answered 304: never a path that can return a nonced page", () => {
  for (const path of ["/_next/static/chunks/app.js", "/media/pages/e1/p2-3fa9c1d2e4b7/large.webp"])
    assert.equal(mayRevalidate(path), true, path);
  for (const path of ["/", "/2026-11-26/a01", "/admin", "/archive/2026-11", "/_next/image", "/not-found", "/feed.xml"])
    assert.equal(mayRevalidate(path), false, path);
});
