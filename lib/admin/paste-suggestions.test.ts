import { test } from "node:test";
import assert from "node:assert/strict";
import { suggestContinuation, type PageWithArticles } from "./paste-suggestions";

const pages: PageWithArticles[] = [
  {
    id: 1,
    code: "A01",
    name: "头版",
    sortOrder: 1,
    articles: [{ id: 10, title: "海城新区建设提速 年内开工项目超百个", nextPartId: null, hasPrevious: false }],
  },
  {
    id: 8,
    code: "A08",
    name: "体育",
    sortOrder: 8,
    articles: [
      { id: 80, title: "海城新区建设提速", nextPartId: null, hasPrevious: false },
      { id: 81, title: "足球联赛开幕", nextPartId: null, hasPrevious: false },
    ],
  },
];

test('"continued on page 8" suggests the similar title on that page', () => {
  const suggestion = suggestContinuation(
    { direction: "to", page: "8", text: "（下转第8版）" },
    "海城新区建设提速 年内开工项目超百个",
    pages,
    1,
  );
  assert.equal(suggestion?.page?.code, "A08");
  assert.equal(suggestion?.match?.id, 80);
  assert.deepEqual(
    suggestion?.others.map((other) => other.id),
    [81],
  );
});

test('"continued from page 1" suggests the article there that is not yet continued', () => {
  const suggestion = suggestContinuation(
    { direction: "from", page: "1", text: "（上接第1版）" },
    "海城新区建设提速",
    pages,
    8,
  );
  assert.equal(suggestion?.match?.id, 10);
  const linked = pages.map((page) => ({
    ...page,
    articles: page.articles.map((a) => (a.id === 10 ? { ...a, nextPartId: 99 } : a)),
  }));
  // An article already continued elsewhere is not offered.
  assert.equal(
    suggestContinuation({ direction: "from", page: "1", text: "" }, "海城新区建设提速", linked, 8)?.match,
    null,
  );
});

test("a page the edition does not have yet gives no page and no match", () => {
  const suggestion = suggestContinuation({ direction: "to", page: "12", text: "（下转第12版）" }, "标题", pages, 1);
  assert.equal(suggestion?.page, null);
  assert.equal(suggestContinuation(null, "标题", pages, 1), null);
});
