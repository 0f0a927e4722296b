// Stored JSON that does not match the schema is shown and logged, never
// silently emptied (issue #7: a rejected body used to read as []).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readBody, readRegions } from "./content";

test("a stored body with a block the schema refuses is read with that block as text", () => {
  const long = "长".repeat(26_000);
  const { blocks, damaged } = readBody(
    [
      { type: "paragraph", text: "好的一段。" },
      { type: "paragraph", text: long },
      { type: "subhead", text: "小标题" },
      { type: "image", key: "articles/a1/x.webp", caption: "坏图", width: 0, height: 0 },
      { type: "quote", text: "未知的块" },
    ],
    "test",
  );
  assert.equal(damaged, 3);
  assert.deepEqual(blocks, [
    { type: "paragraph", text: "好的一段。" },
    { type: "paragraph", text: long },
    { type: "subhead", text: "小标题" },
    { type: "paragraph", text: "坏图" },
    { type: "paragraph", text: "未知的块" },
  ]);
});

test("a body that is not a list at all is still shown", () => {
  assert.deepEqual(readBody("一段纯文字", "test").blocks, [{ type: "paragraph", text: "一段纯文字" }]);
  assert.deepEqual(readBody(null, "test"), { blocks: [], damaged: 0 });
});

test("malformed regions are left out one by one, the rest kept", () => {
  assert.deepEqual(readRegions([{ type: "rect", x: 1, y: 2, w: 3, h: 4 }, { type: "rect", x: -1 }, "junk"], "test"), [
    { type: "rect", x: 1, y: 2, w: 3, h: 4 },
  ]);
});
