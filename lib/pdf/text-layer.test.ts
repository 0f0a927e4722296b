import { test } from "node:test";
import assert from "node:assert/strict";
import { blocksToText, buildLines, buildTextLayer, joinLines, printedCharacters, textLayerSchema } from "./text-layer";
import { column, layerOf, setChars } from "./testing";

test("characters become lines in layer units: 10000 across the page, the same scale down", () => {
  const layer = buildTextLayer(setChars([{ text: "海城日报", x: 100, y: 50, size: 20 }]), 1000, 1400);
  assert.equal(layer.height, 14_000);
  assert.deepEqual(layer.lines, [
    { text: "海城日报", box: [1000, 500, 1800, 700], edges: [1000, 1200, 1400, 1600, 1800], size: 200 },
  ]);
  assert.deepEqual(textLayerSchema.parse(layer), layer);
});

test("a column gutter splits a line PDFium reports as one, and a jump back to the left starts a new one", () => {
  const chars = setChars([{ text: "左栏文字", x: 0, y: 0, size: 10 }]).filter((c) => !c.generated);
  const right = setChars([{ text: "右栏文字", x: 200, y: 0, size: 10 }]).filter((c) => !c.generated);
  const below = setChars([{ text: "下一行", x: 0, y: 15, size: 10 }]).filter((c) => !c.generated);
  // No generated line breaks at all: only geometry separates them.
  assert.deepEqual(
    buildLines([...chars, ...right, ...below], 1000).map((l) => l.text),
    ["左栏文字", "右栏文字", "下一行"],
  );
});

test("spaces between words are kept once, and trimmed at both ends of a line", () => {
  const lines = buildLines(setChars([{ text: "  Haicheng  Daily ", x: 0, y: 0, size: 10 }]), 1000);
  assert.equal(lines[0].text, "Haicheng Daily");
  assert.equal(lines[0].edges.length, "Haicheng Daily".length + 1);
});

test("lines of one column and size form a block; a headline, another column and a gap start new ones", () => {
  const layer = layerOf([
    { text: "大标题在这里", x: 50, y: 40, size: 30 },
    ...column("第一栏的正文一直写到这里为止共有三行文字呢", 50, 90, 10, 8),
    ...column("第二栏的正文", 200, 90, 10, 8),
    ...column("隔开很远的一段", 50, 400, 10, 8),
  ]);
  assert.deepEqual(
    layer.blocks.map((b) => [b.first, b.end]),
    [
      [0, 1],
      [1, 4],
      [4, 5],
      [5, 6],
    ],
  );
  assert.deepEqual(layer.blocks[1].box, [500, 900, 1300, 1300]);
  assert.equal(printedCharacters(layer), 6 + 21 + 6 + 7);
});

test("a block's text for a new article: indented lines start paragraphs, wrapped lines join", () => {
  const layer = layerOf([
    { text: "　　第一段第一行", x: 50, y: 100, size: 10 },
    { text: "第一段第二行。", x: 50, y: 115, size: 10 },
    { text: "　　第二段。", x: 50, y: 130, size: 10 },
  ]);
  assert.equal(blocksToText(layer, [0]), "第一段第一行第一段第二行。\n\n第二段。");
  assert.equal(blocksToText(layer, [7]), "");
});

test("joining printed lines drops a hyphen only between Latin letters and adds a space between words", () => {
  assert.equal(joinLines("inter-", "national"), "international");
  assert.equal(joinLines("COVID-", "19"), "COVID-19");
  assert.equal(joinLines("the new", "bridge"), "the new bridge");
  assert.equal(joinLines("海城新区", "建设提速"), "海城新区建设提速");
});
