import { test } from "node:test";
import assert from "node:assert/strict";
import { cleanLine, cleanText, requiredLine } from "./validation";

test("stored text has no NUL, control or zero-width characters; Word and PDF breaks become line breaks", () => {
  assert.equal(cleanText("甲\u0000乙\u200b丙\r\n丁\u000b戊\f己\u0007"), "甲乙丙\n丁\n戊\n己");
  assert.equal(cleanLine("  标题\n第二行\t尾 "), "标题 第二行 尾");
});

test("a required line refuses what is blank once cleaned", () => {
  const title = requiredLine(5, "标题", "标题不能为空");
  assert.equal(title.safeParse("\u0000 \u200b").success, false);
  assert.equal(title.parse(" 海城 "), "海城");
  assert.deepEqual(
    title.safeParse("一二三四五六").error?.issues.map((issue) => issue.message),
    ["标题最多 5 个字符"],
  );
});
