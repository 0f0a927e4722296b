import { test } from "node:test";
import assert from "node:assert/strict";
import {
  comparePageCodes,
  isPageCode,
  nextPageCode,
  normalisePageCode,
  pageNumberLabel,
  parseUrlPageCode,
} from "./page-codes";

test("the page-code rule: up to three letters, then a page number of one to three digits, not zero", () => {
  for (const code of ["a01", "A08", "B3", "12", "1", "ABC999", "z100", "a010"]) assert.ok(isPageCode(code), code);
  for (const code of ["sport", "A-1", "A1000", "ABCD1", "a0", "000", "", "a", "1a", "ａ０１", "a 1", "é1"])
    assert.ok(!isPageCode(code), code);
});

test("codes are normalised as editors type them: full-width, spaces, 第…版", () => {
  assert.equal(normalisePageCode("ａ０１"), "a01");
  assert.equal(normalisePageCode("Ａ０８"), "A08");
  assert.equal(normalisePageCode(" B 3 "), "B3");
  assert.equal(normalisePageCode("第A01版"), "A01");
  assert.equal(normalisePageCode("第１２版"), "12");
  assert.equal(normalisePageCode("sport"), "sport");
});

test("URL page codes", () => {
  assert.deepEqual(parseUrlPageCode("a08"), { code: "a08", canonical: true });
  assert.deepEqual(parseUrlPageCode("A08"), { code: "a08", canonical: false });
  assert.deepEqual(parseUrlPageCode("%EF%BD%81%EF%BC%90%EF%BC%98"), { code: "a08", canonical: false });
  assert.deepEqual(parseUrlPageCode("ａ０８"), { code: "a08", canonical: false });
  for (const bad of ["a0<8", "..", "a08;drop", "", "a".repeat(40), "%2e%2e", "%zz", "%E4", "a1000", "sport", "a0"])
    assert.equal(parseUrlPageCode(bad), null, bad);
});

test("every code the rule accepts has a URL that reads back to it", () => {
  for (const code of ["a01", "A08", "B3", "12", "ABC999"]) {
    const parsed = parseUrlPageCode(code.toLowerCase());
    assert.deepEqual(parsed, { code: code.toLowerCase(), canonical: true }, code);
  }
});

test("the next page code follows the style of the last one", () => {
  assert.equal(nextPageCode([]), "A01");
  assert.equal(nextPageCode(["a01", "a08"]), "a09");
  assert.equal(nextPageCode(["B3"]), "B4");
  assert.equal(nextPageCode(["A09"]), "A10");
  assert.equal(nextPageCode(["体育"]), "A01");
  // There is no page after 999: no suggestion rather than one the rule refuses.
  assert.equal(nextPageCode(["A999"]), "");
});

test("page codes sort by section, then by number", () => {
  assert.deepEqual(["a10", "b1", "a2", "A01"].sort(comparePageCodes), ["A01", "a2", "a10", "b1"]);
});

test("page number labels", () => {
  assert.equal(pageNumberLabel("a08", ["a01", "a08"]), "8");
  assert.equal(pageNumberLabel("b03", ["a01", "b03"]), "B3");
});
