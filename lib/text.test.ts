import { test } from "node:test";
import assert from "node:assert/strict";
import { stripInvisible } from "./text";

test("zero-width characters and soft hyphens are dropped", () => {
  assert.equal(stripInvisible("\ufeff海城\u200b日报\u2060\u00ad，\u200c今\u200d天"), "海城日报，今天");
});

test("a joiner stays where it joins: emoji sequences and joining scripts", () => {
  assert.equal(stripInvisible("一家人👨\u200d👩\u200d👧"), "一家人👨\u200d👩\u200d👧");
  assert.equal(stripInvisible("❤\ufe0f\u200d🔥"), "❤\ufe0f\u200d🔥");
  assert.equal(stripInvisible("می\u200cخواهم"), "می\u200cخواهم");
  assert.equal(stripInvisible("中\u200d文\u200cA\u200db"), "中文Ab");
});
