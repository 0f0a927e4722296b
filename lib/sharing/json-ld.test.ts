import { test } from "node:test";
import assert from "node:assert/strict";
import { jsonForScript } from "./json-ld";

test("a headline can never end the script element, and the JSON reads back unchanged", () => {
  const data = { headline: "标题</script><script>alert(1)</script><!-- & \u2028 \u2029", n: 1 };
  const text = jsonForScript(data);
  assert.doesNotMatch(text, /<\/script/i);
  assert.doesNotMatch(text, /<!--/);
  assert.doesNotMatch(text, /[<>&\u2028\u2029]/);
  assert.deepEqual(JSON.parse(text), data);
});
