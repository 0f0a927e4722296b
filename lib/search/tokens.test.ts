import { test } from "node:test";
import assert from "node:assert/strict";
import { indexTokens, normalize, queryTokens, runsOf } from "./tokens";

test("CJK runs become bigrams plus their last character; Latin words and numbers stay whole", () => {
  assert.deepEqual(
    indexTokens("中国人民 News 2024年").map((t) => `${t.lexeme}:${t.position}`),
    ["中国:1", "国人:2", "人民:3", "民:4", "news:6", "2024:11", "年:16"],
  );
});

test("full-width letters and digits and upper case are normalised like the database does", () => {
  assert.equal(normalize("５Ｇ网络ABC"), "5g网络abc");
  assert.deepEqual(
    runsOf("５Ｇ网络").map((run) => run.text),
    ["5g", "网络"],
  );
});

test("punctuation, SQL and regex characters separate runs and are never tokens", () => {
  assert.deepEqual(
    runsOf("'; DROP TABLE x;-- .*[a-z]+ (下转第8版)").map((run) => run.text),
    ["drop", "table", "x", "a", "z", "下转第", "8", "版"],
  );
  assert.deepEqual(runsOf("，。！？……——“”"), []);
});

test("a long Latin run is cut into words of 64 characters, as in the database", () => {
  assert.deepEqual(
    runsOf("a".repeat(100)).map((run) => run.text.length),
    [64, 36],
  );
});

test("query tokens: bigrams for a CJK word, a prefix for one character", () => {
  const [word] = runsOf("北京市");
  assert.deepEqual(
    queryTokens(word).map((t) => t.lexeme),
    ["北京", "京市"],
  );
  const [single] = runsOf("京");
  assert.deepEqual(queryTokens(single), [{ lexeme: "京", position: 1, prefix: true }]);
});
