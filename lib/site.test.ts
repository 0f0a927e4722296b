import { afterEach, test } from "node:test";
import assert from "node:assert/strict";
import { absoluteUrl, parseOrigin, siteOrigin } from "./site";

afterEach(() => {
  delete process.env.SITE_URL;
});

const request = (headers: Record<string, string>) => new Request("http://localhost:3000/sitemap.xml", { headers });

test("SITE_URL wins, without its trailing slash; a non-http one is ignored", () => {
  process.env.SITE_URL = "https://paper.example.cn/";
  assert.equal(siteOrigin(request({ host: "other.example" })), "https://paper.example.cn");
  assert.equal(absoluteUrl("/2026-11-25/a01"), "https://paper.example.cn/2026-11-25/a01");
  assert.equal(parseOrigin("javascript:alert(1)"), null);
  assert.equal(parseOrigin("not a url"), null);
});

test("without SITE_URL: the address the request came to, through a proxy too", () => {
  assert.equal(siteOrigin(request({ host: "127.0.0.1:3205" })), "http://127.0.0.1:3205");
  assert.equal(
    siteOrigin(
      request({ host: "10.0.0.5:3000", "x-forwarded-host": "Paper.Example.cn", "x-forwarded-proto": "https" }),
    ),
    "https://paper.example.cn",
  );
});

test("a malformed Host header can never put markup or another path into a URL", () => {
  for (const host of ['evil.example/"><script>', "a b", "x@evil.example", ""])
    assert.equal(siteOrigin(request({ "x-forwarded-host": host })), "http://localhost:3000", host);
  assert.equal(siteOrigin(request({ host: "ok.example", "x-forwarded-proto": "javascript" })), "http://localhost:3000");
});
