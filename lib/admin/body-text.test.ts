import { test } from "node:test";
import assert from "node:assert/strict";
import { bodyFromText, bodyToText, textToBody } from "./body-text";

test("the body survives a round trip through the text field, images and subheads included", () => {
  const body = [
    { type: "paragraph" as const, text: "第一段。" },
    { type: "subhead" as const, text: "小标题" },
    { type: "image" as const, key: "articles/a1-abc/display.webp", caption: "新码头全景", width: 1600, height: 900 },
    { type: "paragraph" as const, text: "最后一段。" },
  ];
  assert.deepEqual(textToBody(bodyToText(body)), body);
});

test("blank lines (with stray spaces, CRLF) separate paragraphs; nothing empty is kept", () => {
  assert.deepEqual(textToBody("一。\r\n \r\n二。\n\n\n\n"), [
    { type: "paragraph", text: "一。" },
    { type: "paragraph", text: "二。" },
  ]);
  assert.deepEqual(textToBody("   "), []);
});

test("a paragraph over the limit is split at its line breaks and every character is kept", () => {
  const lines = Array.from({ length: 30 }, (_, i) => `第${i + 1}行${"字".repeat(995)}。`);
  const { blocks, notes, problems } = bodyFromText(`导语。\n\n${lines.join("\n")}`);
  assert.deepEqual(problems, []);
  assert.equal(blocks.length, 31);
  assert.deepEqual(
    blocks.slice(1).map((block) => (block.type === "paragraph" ? block.text : "")),
    lines,
  );
  assert.deepEqual(notes, ["第2段超过 20000 字，已在换行处拆成 30 段。"]);
});

test("a line over the limit is split at sentence ends; one sentence over the limit is refused, named", () => {
  const sentence = `${"海".repeat(4999)}。`;
  const { blocks, notes } = bodyFromText(sentence.repeat(6));
  assert.deepEqual(
    blocks.map((block) => (block.type === "paragraph" ? block.text.length : 0)),
    [20_000, 10_000],
  );
  assert.match(notes[0], /已在换行和句末拆成 2 段/);
  const refused = bodyFromText(`一。\n\n二。\n\n${"海城新区建设提速".repeat(3250)}`);
  assert.deepEqual(refused.problems, ["第3段超过 20000 字，且没有可以断开的换行或句末，请分段。"]);
});

test("subheads, captions and image sizes the reader cannot show are refused with the block named", () => {
  const { problems } = bodyFromText(
    [
      `## ${"题".repeat(501)}`,
      `![${"说".repeat(1001)}](articles/a1/display.webp 800x600)`,
      "![说明](articles/a1/display.webp 0x0)",
      "![说明](../../etc/passwd 800x600)",
    ].join("\n\n"),
  );
  assert.deepEqual(problems, [
    "第1段（小标题）超过 500 字。",
    "第2段（图片）的说明超过 1000 字。",
    "第3段（图片）的尺寸无效（宽和高须为 1–16000 像素），请删除这一行后重新插入图片。",
    "第4段（图片）的图片文件名无效，请删除这一行后重新插入图片。",
  ]);
});
