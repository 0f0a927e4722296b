import { test } from "node:test";
import assert from "node:assert/strict";
import { bodyToText, textToBody } from "./body-text";
import { nextPageCode } from "./dates";

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

test("the next page code follows the style of the last one", () => {
  assert.equal(nextPageCode([]), "A01");
  assert.equal(nextPageCode(["a01", "a08"]), "a09");
  assert.equal(nextPageCode(["B3"]), "B4");
  assert.equal(nextPageCode(["A09"]), "A10");
  assert.equal(nextPageCode(["体育"]), "A01");
});
