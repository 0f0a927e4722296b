import { test } from "node:test";
import assert from "node:assert/strict";
import { id, idParam } from "./schemas";

test("a URL id is digits naming a PostgreSQL integer; anything else is no id (a 404, not a database error)", () => {
  assert.equal(idParam("1"), 1);
  assert.equal(idParam("2147483647"), 2147483647);
  for (const segment of ["0", "", "abc", "1.5", "1e3", "-3", " 7", "0x10", "2147483648", "99999999999", "١٢"]) {
    assert.equal(idParam(segment), null, segment);
  }
});

test("an id from a form is refused, not sent to the database, when it is out of range", () => {
  assert.equal(id.safeParse("42").data, 42);
  for (const value of ["0", "-1", "1.5", "2147483648", "abc"]) assert.equal(id.safeParse(value).success, false, value);
});
