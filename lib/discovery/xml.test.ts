// Sitemaps and the OpenSearch description, checked by parsing them back.
import { test } from "node:test";
import assert from "node:assert/strict";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import {
  escapeXml,
  openSearchXml,
  parseSitemapFileName,
  SITEMAP_URL_LIMIT,
  sitemapFileName,
  sitemapIndexXml,
  sitemapParts,
  urlsetXml,
} from "./xml";

const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === "url" || name === "sitemap" });

test("a urlset parses back to the same locations, with hostile characters escaped", () => {
  const urls = [
    { loc: "https://paper.example/2026-11-25/a01", lastmod: "2026-11-25T01:02:03.000Z" },
    { loc: "https://paper.example/p/a&b/<x>'\"", lastmod: new Date("2026-11-24T00:00:00Z") },
  ];
  const xml = urlsetXml(urls);
  assert.equal(XMLValidator.validate(xml), true);
  const doc = parser.parse(xml);
  assert.equal(doc.urlset["@_xmlns"], "http://www.sitemaps.org/schemas/sitemap/0.9");
  assert.deepEqual(
    doc.urlset.url.map((url: { loc: string }) => url.loc),
    urls.map((url) => url.loc),
  );
  assert.equal(doc.urlset.url[1].lastmod, "2026-11-24T00:00:00.000Z");
});

test("a sitemap index names its sitemaps", () => {
  const xml = sitemapIndexXml([{ loc: "https://x/sitemaps/a/2026-11.xml", lastmod: "2026-11-25T00:00:00.000Z" }]);
  assert.equal(XMLValidator.validate(xml), true);
  assert.equal(parser.parse(xml).sitemapindex.sitemap[0].loc, "https://x/sitemaps/a/2026-11.xml");
});

test("no sitemap file is written past the 50,000-URL limit", () => {
  const urls = Array.from({ length: SITEMAP_URL_LIMIT + 1 }, (_, i) => ({ loc: `https://x/${i}` }));
  assert.throws(() => urlsetXml(urls));
  assert.doesNotThrow(() => urlsetXml(urls.slice(1)));
  assert.equal(sitemapParts(0), 1);
  assert.equal(sitemapParts(SITEMAP_URL_LIMIT), 1);
  assert.equal(sitemapParts(SITEMAP_URL_LIMIT + 1), 2);
});

test("sitemap file names round-trip, and nothing else is accepted", () => {
  for (const [month, part] of [
    ["2026-11", 1],
    ["2016-01", 2],
    ["2026-12", 17],
  ] as const) {
    assert.deepEqual(parseSitemapFileName(sitemapFileName(month, part)), { month, part });
  }
  for (const name of ["2026-13.xml", "2026-11-1.xml", "2026-11-0.xml", "2026-11.xml.gz", "../x.xml", "2026-1.xml", ""])
    assert.equal(parseSitemapFileName(name), null, name);
});

test("control characters that XML 1.0 forbids are dropped, markup is escaped", () => {
  assert.equal(escapeXml("a\u0001<b>&'\""), "a&lt;b&gt;&amp;&apos;&quot;");
});

test("the OpenSearch description has the required elements and a {searchTerms} template", () => {
  const xml = openSearchXml({
    shortName: "海城日报这是一个很长很长很长的名字呀呀呀",
    description: "在海城日报搜索",
    searchUrl: "https://x/p/hc/search?q={searchTerms}",
    origin: "https://x",
  });
  assert.equal(XMLValidator.validate(xml), true);
  const doc = parser.parse(xml).OpenSearchDescription;
  assert.equal(doc["@_xmlns"], "http://a9.com/-/spec/opensearch/1.1/");
  assert.ok(Array.from(doc.ShortName as string).length <= 16, "ShortName is at most 16 characters");
  assert.equal(doc.Url["@_type"], "text/html");
  assert.equal(doc.Url["@_template"], "https://x/p/hc/search?q={searchTerms}");
  assert.ok(doc.Description);
});
