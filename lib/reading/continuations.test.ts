import { test } from "node:test";
import assert from "node:assert/strict";
import { article, edition, page } from "./fixtures";
import { continuationChain, continuationOf, stripJumpLines } from "./continuations";

// a01 → a04 → a08, given out of order on purpose.
const sample = edition([
  page("a01", [article({ id: 1 }), article({ id: 2, nextPartId: 5 })]),
  page("a04", [article({ id: 5, nextPartId: 8 }), article({ id: 6 })]),
  page("a08", [article({ id: 7 }), article({ id: 8 })]),
]);

test("a chain of three parts is found from any of its parts", () => {
  for (const id of [2, 5, 8]) {
    assert.deepEqual(
      continuationChain(sample, id).map((p) => p.article.id),
      [2, 5, 8],
    );
  }
});

test("an article that does not continue is a chain of one", () => {
  assert.deepEqual(
    continuationChain(sample, 6).map((p) => p.article.id),
    [6],
  );
  const { from, to, parts } = continuationOf(sample, 6);
  assert.equal(from, null);
  assert.equal(to, null);
  assert.equal(parts.length, 1);
});

test("jump labels name the page of the other part, without the leading zero", () => {
  const first = continuationOf(sample, 2);
  assert.equal(first.from, null);
  assert.equal(first.to?.label, "（下转第4版）");
  assert.equal(first.to?.target.article.id, 5);

  const middle = continuationOf(sample, 5);
  assert.equal(middle.from?.label, "（上接第1版）");
  assert.equal(middle.to?.label, "（下转第8版）");
  assert.equal(middle.partIndex, 1);

  const last = continuationOf(sample, 8);
  assert.equal(last.from?.label, "（上接第4版）");
  assert.equal(last.from?.target.page.code, "a04");
  assert.equal(last.to, null);
});

test("with several sections the label keeps the section letter", () => {
  const twoSections = edition([page("a01", [article({ id: 31, nextPartId: 32 })]), page("b03", [article({ id: 32 })])]);
  assert.equal(continuationOf(twoSections, 31).to?.label, "（下转第B3版）");
  assert.equal(continuationOf(twoSections, 32).from?.label, "（上接第A1版）");
});

test("a cycle in the data does not loop forever", () => {
  // Protects against a bad edit linking a part back to an earlier one.
  const cyclic = edition([
    page("a01", [article({ id: 41, nextPartId: 42 })]),
    page("a02", [article({ id: 42, nextPartId: 41 })]),
  ]);
  assert.deepEqual(
    continuationChain(cyclic, 41)
      .map((p) => p.article.id)
      .sort(),
    [41, 42],
  );
});

test("a link to a part outside the edition ends the chain", () => {
  const dangling = edition([page("a01", [article({ id: 51, nextPartId: 999 })])]);
  assert.deepEqual(
    continuationChain(dangling, 51).map((p) => p.article.id),
    [51],
  );
  assert.equal(continuationOf(dangling, 51).to, null);
});

test("jump lines typed into the text are removed so they are not shown twice", () => {
  const blocks = stripJumpLines([
    { type: "paragraph", text: "（上接第1版）开头的话。" },
    { type: "paragraph", text: "中间。" },
    { type: "paragraph", text: "结尾的话。（下转第8版）" },
  ]);
  assert.deepEqual(
    blocks.map((b) => (b.type === "paragraph" ? b.text : "")),
    ["开头的话。", "中间。", "结尾的话。"],
  );
});

test("jump lines in every spelling the paste parser knows are removed", () => {
  const blocks = stripJumpLines([
    { type: "paragraph", text: "【 上接第一版 】开头的话。" },
    { type: "paragraph", text: "结尾的话。\u3000(下转第Ａ８版)\u00a0" },
  ]);
  assert.deepEqual(
    blocks.map((b) => (b.type === "paragraph" ? b.text : "")),
    ["开头的话。", "结尾的话。"],
  );
});

test("a long run of spaces in a paragraph does not stall the reader", () => {
  // The old /\s*（…）\s*$/ tried every start inside the run: quadratic, over a second for a
  // 20,000-character paragraph and 39 s for this one; now one pass (about 1 ms).
  const text = `结尾${" ".repeat(200_000)}话。`;
  const start = performance.now();
  const [block] = stripJumpLines([
    { type: "paragraph", text: "开头。" },
    { type: "paragraph", text },
  ]).slice(1);
  // A generous bound, since node:test's timeout cannot stop a synchronous test.
  assert.ok(performance.now() - start < 5_000);
  assert.deepEqual(block, { type: "paragraph", text });
});
