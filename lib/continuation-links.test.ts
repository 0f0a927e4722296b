import { test } from "node:test";
import assert from "node:assert/strict";
import { validateContinuationLink, type LinkCandidate } from "./continuation-links";

const articles = (): LinkCandidate[] => [
  { id: 1, title: "头版头条", pageCode: "A01", pageOrder: 1, nextPartId: null },
  { id: 2, title: "头版二条", pageCode: "A01", pageOrder: 1, nextPartId: null },
  { id: 3, title: "头版头条（续）", pageCode: "A08", pageOrder: 8, nextPartId: null },
  { id: 4, title: "要闻", pageCode: "A02", pageOrder: 2, nextPartId: 5 },
  { id: 5, title: "要闻（续）", pageCode: "A05", pageOrder: 5, nextPartId: null },
];

test("a forward link to a free article is accepted", () => {
  assert.deepEqual(validateContinuationLink(1, 3, articles()), { ok: true });
});

test("an article cannot continue itself", () => {
  const result = validateContinuationLink(1, 1, articles());
  assert.equal(result.ok, false);
});

test("a link backwards in page order is refused with the pages named", () => {
  const result = validateContinuationLink(3, 1, articles());
  assert.equal(result.ok, false);
  assert.match(!result.ok ? result.reason : "", /A01.*A08|向后/);
});

test("a link to another article on the same page is refused", () => {
  assert.equal(validateContinuationLink(1, 2, articles()).ok, false);
});

test("a part that already has a predecessor is refused", () => {
  const result = validateContinuationLink(1, 5, articles());
  assert.equal(result.ok, false);
  assert.match(!result.ok ? result.reason : "", /要闻/);
});

test("an article already continued elsewhere must be unlinked first", () => {
  const list = articles();
  list[0].nextPartId = 3;
  const result = validateContinuationLink(
    1,
    5,
    list.map((a) => (a.id === 4 ? { ...a, nextPartId: null } : a)),
  );
  assert.equal(result.ok, false);
  assert.match(!result.ok ? result.reason : "", /取消/);
});

test("a link that would close a loop is refused", () => {
  // Data that is already inconsistent (a chain running backwards) must not be extended into a cycle.
  const list: LinkCandidate[] = [
    { id: 1, title: "甲", pageCode: "1", pageOrder: 1, nextPartId: null },
    { id: 2, title: "乙", pageCode: "2", pageOrder: 2, nextPartId: 3 },
    { id: 3, title: "丙", pageCode: "3", pageOrder: 3, nextPartId: 1 },
  ];
  const result = validateContinuationLink(
    1,
    2,
    list.map((a) => (a.id === 3 ? { ...a, nextPartId: null } : a)),
  );
  assert.deepEqual(result, { ok: true });
  const looped = validateContinuationLink(1, 2, [{ ...list[0] }, list[1], { ...list[2], nextPartId: 1 }]);
  assert.equal(looped.ok, false);
});

test("articles of another edition (unknown ids) are refused", () => {
  assert.equal(validateContinuationLink(1, 99, articles()).ok, false);
});
