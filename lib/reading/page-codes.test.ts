import { test } from "node:test";
import assert from "node:assert/strict";
import { comparePageCodes, pageNumberLabel, parseUrlPageCode } from "./page-codes";

test("URL page codes", () => {
  assert.deepEqual(parseUrlPageCode("a08"), { code: "a08", canonical: true });
  assert.deepEqual(parseUrlPageCode("A08"), { code: "a08", canonical: false });
  for (const bad of ["a0<8", "..", "a08;drop", "", "a".repeat(40), "%2e%2e"])
    assert.equal(parseUrlPageCode(bad), null, bad);
});

test("page codes sort by section, then by number", () => {
  assert.deepEqual(["a10", "b1", "a2", "A01"].sort(comparePageCodes), ["A01", "a2", "a10", "b1"]);
});

test("page number labels", () => {
  assert.equal(pageNumberLabel("a08", ["a01", "a08"]), "8");
  assert.equal(pageNumberLabel("b03", ["a01", "b03"]), "B3");
});
