import { test } from "node:test";
import assert from "node:assert/strict";
import { clampFontStep, DEFAULT_FONT_STEP, FONT_STEPS } from "./font-size";
import {
  archivePath,
  articleHref,
  editionBase,
  fullArticleHref,
  homePath,
  pageHref,
  parseUrlArticleNumber,
} from "./urls";

test("URLs of the default publication have no prefix; others live under /p/{slug}", () => {
  assert.equal(homePath(null), "/");
  assert.equal(homePath("evening"), "/p/evening");
  const base = editionBase(null, "2026-11-25");
  assert.equal(pageHref(base, "A08"), "/2026-11-25/a08");
  assert.equal(articleHref(base, "a01", 3), "/2026-11-25/a01/3");
  assert.equal(fullArticleHref(editionBase("evening", "2026-11-25"), "a01", 3), "/p/evening/2026-11-25/a01/3/full");
  assert.equal(archivePath(null, "2026-11"), "/archive/2026-11");
});

test("article numbers: positive integers only, leading zeros to redirect", () => {
  assert.deepEqual(parseUrlArticleNumber("3"), { position: 3, canonical: true });
  assert.deepEqual(parseUrlArticleNumber("03"), { position: 3, canonical: false });
  for (const bad of ["0", "-1", "1.5", "abc", "", "99999", "1e3"]) assert.equal(parseUrlArticleNumber(bad), null, bad);
});

test("text size steps: at least five, clamped at the ends", () => {
  assert.ok(FONT_STEPS.length >= 5);
  assert.equal(clampFontStep(-3), 0);
  assert.equal(clampFontStep(99), FONT_STEPS.length - 1);
  assert.equal(clampFontStep(Number.NaN), DEFAULT_FONT_STEP);
});

test("URL segments that cannot be decoded are no segment (a 404), never an exception", async () => {
  const { decodeSegment } = await import("./urls");
  assert.equal(decodeSegment("haicheng"), "haicheng");
  assert.equal(decodeSegment("%E6%B5%B7"), "海");
  for (const bad of ["%zz", "%25zz".replace("%25", "%"), "%E4", "%", "a%00b", "x".repeat(1000)])
    assert.equal(decodeSegment(bad), null, bad);
  // %25zz decodes to the harmless text "%zz".
  assert.equal(decodeSegment("%25zz"), "%zz");
});

test("paths with broken percent-escapes are recognised before routing", async () => {
  const { isMalformedPath } = await import("./urls");
  for (const bad of ["/p/%zz", "/%E4", "/2026-11-25/%", "/a%00b", "/admin/editions/%zz"])
    assert.equal(isMalformedPath(bad), true, bad);
  for (const good of ["/p/haicheng", "/%E6%B5%B7", "/p/%25zz", "/2026-11-25/a01"])
    assert.equal(isMalformedPath(good), false, good);
});
