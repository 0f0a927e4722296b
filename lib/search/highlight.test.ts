import { test } from "node:test";
import assert from "node:assert/strict";
import { findMatches, highlight, segmentsToHtml, snippet } from "./highlight";

test("matches are found case- and width-insensitively, and overlapping ones merge", () => {
  assert.deepEqual(findMatches("ＧＤＰ增长与gdp", ["gdp"]), [
    [0, 3],
    [6, 9],
  ]);
  assert.deepEqual(findMatches("中国人民", ["中国", "国人"]), [[0, 3]]);
});

test("Latin words match whole words only, as the index does", () => {
  assert.deepEqual(findMatches("party art", ["art"]), [[6, 9]]);
});

test("highlight cuts the text into marked and plain segments", () => {
  assert.deepEqual(highlight("今年春运开始了", ["春运"]), [
    { text: "今年", match: false },
    { text: "春运", match: true },
    { text: "开始了", match: false },
  ]);
});

test("a snippet is a window around the matches with ellipses where it was cut", () => {
  const text = `${"甲".repeat(300)}春运${"乙".repeat(300)}`;
  const segments = snippet(text, ["春运"], 40);
  assert.equal(segments[0].text, "…");
  assert.equal(segments.at(-1)!.text, "…");
  assert.deepEqual(
    segments.filter((s) => s.match).map((s) => s.text),
    ["春运"],
  );
  assert.ok(segments.map((s) => s.text).join("").length <= 42);
});

test("a snippet prefers the window where most different words match", () => {
  const text = `春运${"甲".repeat(200)}春运和铁路${"乙".repeat(200)}`;
  const marked = snippet(text, ["春运", "铁路"], 40)
    .filter((s) => s.match)
    .map((s) => s.text);
  assert.deepEqual(marked, ["春运", "铁路"]);
});

test("without a match the snippet is the text's beginning", () => {
  assert.deepEqual(snippet("短文", ["无关"]), [{ text: "短文", match: false }]);
});

test("HTML in the text is escaped; only <mark> is added", () => {
  assert.equal(
    segmentsToHtml(highlight("<script>春运</script>", ["春运"])),
    "&lt;script&gt;<mark>春运</mark>&lt;/script&gt;",
  );
});
