import { test } from "node:test";
import assert from "node:assert/strict";
import { article, edition, page } from "./fixtures";
import { articleNeighbours, articlesAroundPage, findArticle, pageNeighbours, readingOrder } from "./reading-order";

const a = [article({ id: 11 }), article({ id: 12 }), article({ id: 13 })];
const b = [article({ id: 21 }), article({ id: 22 })];
const sample = edition([page("a01", a), page("a02", []), page("a03", b)]);

test("reading order runs through each page in order, then on to the next page", () => {
  assert.deepEqual(
    readingOrder(sample).map((l) => l.article.id),
    [11, 12, 13, 21, 22],
  );
});

test("the next article after a page's last one is the first article of the next page with articles", () => {
  const { previous, next } = articleNeighbours(sample, 13);
  assert.equal(previous?.article.id, 12);
  assert.equal(next?.article.id, 21);
  assert.equal(next?.page.code, "a03");
});

test("the first and last articles of the edition have no previous / next", () => {
  assert.equal(articleNeighbours(sample, 11).previous, null);
  assert.equal(articleNeighbours(sample, 22).next, null);
  // An id outside the edition must not pick a neighbour at random.
  assert.deepEqual(articleNeighbours(sample, 999), { previous: null, next: null });
});

test("page neighbours stop at the ends of the edition", () => {
  assert.equal(pageNeighbours(sample, "a01").previous, null);
  assert.equal(pageNeighbours(sample, "a01").next?.code, "a02");
  assert.equal(pageNeighbours(sample, "A03").previous?.code, "a02");
  assert.equal(pageNeighbours(sample, "a03").next, null);
});

test("articles are found by page code and 1-based position", () => {
  assert.equal(findArticle(sample, "a03", 2)?.article.id, 22);
  assert.equal(findArticle(sample, "a03", 3), null);
  assert.equal(findArticle(sample, "a09", 1), null);
});

test("from a page view, next article is its first and previous is the last one before it", () => {
  assert.equal(articlesAroundPage(sample, "a02").previous?.article.id, 13);
  assert.equal(articlesAroundPage(sample, "a02").next?.article.id, 21);
  assert.equal(articlesAroundPage(sample, "a01").previous, null);
});
