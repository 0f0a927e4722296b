// Property: whatever an editor types into the body, a save either stores every
// character (paragraphs maybe split, whitespace between them normalised) in a
// shape the reader accepts, or is refused with a message — never stored and
// then dropped (issue #7).
import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { articleBodySchema } from "../content";
import { bodyFromText } from "./body-text";

const squash = (text: string) => text.replace(/\s+/g, "");

// Lines of Chinese-like text, some long, some with sentence ends, joined by single or double line breaks.
const line = fc
  .tuple(
    fc.constantFrom("海", "城", "新", "区", "建", "设", "提", "速", "a", "1", " "),
    fc.oneof(fc.integer({ min: 1, max: 9000 }), fc.integer({ min: 19_990, max: 20_010 })),
    fc.constantFrom("", "。", "！", "？”", "；"),
  )
  .map(([char, count, end]) => char.repeat(count) + end);
const body = fc
  .array(fc.tuple(line, fc.constantFrom("\n", "\n\n", "\r\n", "\n \n")), { minLength: 1, maxLength: 12 })
  .map((parts) => parts.map(([text, separator]) => text + separator).join(""));

test("a body is stored whole in a shape the reader accepts, or refused with a message", () => {
  fc.assert(
    fc.property(body, (text) => {
      const { blocks, problems } = bodyFromText(text);
      if (problems.length) {
        assert.ok(problems.every((problem) => /第\d+段|正文最多/.test(problem)));
        return;
      }
      assert.equal(articleBodySchema.safeParse(blocks).success, true);
      const stored = blocks.map((block) => (block.type === "paragraph" || block.type === "subhead" ? block.text : ""));
      assert.equal(squash(stored.join("")), squash(text));
    }),
    { numRuns: 150 },
  );
});
