import { test } from "node:test";
import assert from "node:assert/strict";
import { parseQuery, SEARCH_LIMITS } from "./query";

function tsquery(input: string): string {
  const parsed = parseQuery(input);
  assert.ok(parsed.ok, `expected ${input} to parse`);
  return parsed.tsquery;
}

test("several terms must all match; a CJK word matches as adjacent bigrams", () => {
  assert.equal(tsquery("中国人民 GDP"), "('中国' <-> '国人' <-> '人民') & 'gdp'");
});

test("a quoted phrase keeps the distances between its runs", () => {
  // 改革 (run 0..2) then 开放 (starts at 3): last bigram of 改革 at 1, first of 开放 at 4.
  assert.equal(tsquery('"改革，开放"'), "('改革' <3> '开放')");
  assert.equal(tsquery("“new york”"), "('new' <4> 'york')");
});

test("an unquoted term with mixed runs matches each run anywhere", () => {
  assert.equal(tsquery("5G网络"), "'5g' & '网络'");
});

test("标题: and 作者: restrict a term to titles (weight A) and bylines (weight B)", () => {
  assert.equal(tsquery("标题:春运"), "'春运':A");
  assert.equal(tsquery("作者：张三"), "'张三':B");
  assert.equal(tsquery('title:"京 news"'), "('京':*A <2> 'news':A)");
});

test("one CJK character is searched as a prefix", () => {
  assert.equal(tsquery("京"), "'京':*");
});

test("bad queries give a message, never a query", () => {
  for (const input of ["", "   ", null, undefined]) {
    const parsed = parseQuery(input);
    assert.equal(parsed.ok, false);
    assert.equal(!parsed.ok && parsed.empty, true);
  }
  for (const input of ["，。！？", "'; --", ".*+?[](){}|\\^$", '"', '""']) {
    const parsed = parseQuery(input);
    assert.equal(parsed.ok, false, input);
    assert.match(!parsed.ok ? parsed.message : "", /没有可以搜索的字词/);
  }
  const long = parseQuery("字".repeat(1000));
  assert.equal(long.ok, false);
  assert.match(!long.ok ? long.message : "", /太长/);
});

test("an unpaired quote makes the rest a phrase; SQL text around words is ignored", () => {
  assert.equal(tsquery('"中国 人民'), "('中国' <3> '人民')");
  assert.equal(tsquery("x' OR 1=1 --"), "'x' & 'or' & '1' & '1'");
});

test("at most SEARCH_LIMITS.terms terms are used", () => {
  const parsed = parseQuery(Array.from({ length: 30 }, (_, i) => `w${i}`).join(" "));
  assert.ok(parsed.ok);
  assert.equal(parsed.terms.length, SEARCH_LIMITS.terms);
});
