import { test } from "node:test";
import assert from "node:assert/strict";
import { MIN_PASSWORD_LENGTH, newPasswordField, passwordWeakness } from "./password-policy";

test("short passwords are refused, whatever they contain", () => {
  assert.match(passwordWeakness("x7#Qz!p2Lm")!, new RegExp(`至少 ${MIN_PASSWORD_LENGTH}`));
});

test("common and patterned passwords of 12+ characters are refused", () => {
  // Each of these is long enough, so only the estimator can refuse them.
  for (const password of ["password1234", "qwertyuiop123", "Password123!", "iloveyou12345", "abcdefghijkl"]) {
    assert.ok(passwordWeakness(password), `${password} should be refused`);
  }
});

test("passwords built from the account's own words are refused", () => {
  assert.equal(passwordWeakness("zhangwei.news"), null);
  assert.ok(passwordWeakness("zhangwei.news", ["zhangwei.news@example.com", "张伟"]));
  assert.ok(passwordWeakness("banmian-demo"));
});

test("long unrelated words and Chinese phrases are accepted", () => {
  for (const password of ["correct horse battery", "桌子上放着一本昨天的旧报纸", "Tr0ub4dor&3xyz"]) {
    assert.equal(passwordWeakness(password), null, password);
  }
});

test("the form field carries the reason as its message", () => {
  const result = newPasswordField.safeParse("password1234");
  assert.equal(result.success, false);
  assert.match(result.error!.issues[0]!.message, /常见密码/);
});
