// Article writes against a real database. The long-paragraph tests protect
// against the loss described in issue #7: a body the reader could not show was
// "saved", then read back as empty.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { readBody } from "../content";
import { freshDatabase, type TestDatabase } from "../testing/database";
import {
  articleFormValues,
  createArticle,
  createPastedArticle,
  deleteArticle,
  moveArticleToPage,
  reorderArticle,
  saveArticle,
} from "./articles";
import { InputError } from "./form-state";
import { articleFieldsSchema } from "./schemas";

let db: TestDatabase;
let editionId: number;
let pageId: number;
let laterPageId: number;
let actor: { id: number };

/** A report pasted with single newlines: one 26 000-character "paragraph". */
const LONG = Array.from({ length: 260 }, (_, i) =>
  `第${i + 1}行，${"海城新区建设提速".repeat(12)}。`.padEnd(100, "续"),
).join("\n");
const UNSPLITTABLE = "海城新区建设提速".repeat(3250);

before(async () => {
  db = await freshDatabase("admin_articles");
  const publication = await db.prisma.publication.create({ data: { slug: "t", name: "测试日报", isDefault: true } });
  editionId = (
    await db.prisma.edition.create({
      data: { publicationId: publication.id, issueDate: new Date("2026-07-01T00:00:00Z"), issueNumber: 1 },
    })
  ).id;
  pageId = (await db.prisma.page.create({ data: { editionId, code: "A01", name: "头版", sortOrder: 1 } })).id;
  laterPageId = (await db.prisma.page.create({ data: { editionId, code: "A08", name: "要闻", sortOrder: 2 } })).id;
  actor = await db.prisma.user.create({ data: { email: "e@x", name: "编辑甲", passwordHash: "x" } });
});
after(() => db.drop());

const fields = (body: string, title = "标题") =>
  articleFieldsSchema.parse({ kicker: "", title, subtitle: "", byline: "", body });
const squash = (text: string) => text.replace(/\s+/g, "");
const refusedOn = (field: string, text: string) => (error: unknown) =>
  error instanceof InputError && Boolean(error.fieldErrors[field]?.some((message) => message.includes(text)));

async function storedBodyText(articleId: number): Promise<string> {
  const row = await db.prisma.article.findUniqueOrThrow({ where: { id: articleId } });
  // Read back the way the reader and the admin read it.
  const { blocks, damaged } = readBody(row.body, "test");
  assert.equal(damaged, 0);
  return blocks.map((block) => (block.type === "paragraph" ? block.text : "")).join("\n");
}

test("creating an article with a 26 000-character paragraph stores every character, split at its line breaks", async () => {
  const created = await createArticle(db.prisma, actor, {
    ...fields(LONG, "长文"),
    editionId,
    pageId,
    submissionKey: randomUUID(),
  });
  assert.equal(squash(await storedBodyText(created.articleId)), squash(LONG));
  assert.deepEqual(created.notes, ["第1段超过 20000 字，已在换行处拆成 260 段。"]);
  const row = await db.prisma.article.findUniqueOrThrow({ where: { id: created.articleId } });
  assert.equal(squash(articleFormValues(row).body), squash(LONG));
});

test("saving a 26 000-character paragraph: stored whole; one that cannot be split is refused and nothing changes", async () => {
  const article = await db.prisma.article.create({
    data: { pageId, sortOrder: 5, title: "原标题", body: [{ type: "paragraph", text: "原文。" }] },
  });
  const ref = { editionId, pageId, articleId: article.id };
  const saved = await saveArticle(db.prisma, actor, { ...fields(LONG), ...ref, version: 1 });
  assert.ok(saved.ok);
  assert.equal(squash(await storedBodyText(article.id)), squash(LONG));
  if (saved.ok) assert.equal(squash(saved.body), squash(LONG));

  await assert.rejects(
    saveArticle(db.prisma, actor, { ...fields(`一。\n\n二。\n\n${UNSPLITTABLE}`), ...ref, version: 2 }),
    refusedOn("body", "第3段超过 20000 字"),
  );
  assert.equal(squash(await storedBodyText(article.id)), squash(LONG));
  assert.equal((await db.prisma.article.findUniqueOrThrow({ where: { id: article.id } })).version, 2);
});

test("a save based on an old version writes nothing and returns the other editor's text", async () => {
  const article = await db.prisma.article.create({
    data: { pageId, sortOrder: 6, title: "甲", body: [{ type: "paragraph", text: "甲文。" }] },
  });
  const ref = { editionId, pageId, articleId: article.id };
  assert.ok((await saveArticle(db.prisma, actor, { ...fields("乙文。", "乙"), ...ref, version: 1 })).ok);
  const stale = await saveArticle(db.prisma, actor, { ...fields("丙文。", "丙"), ...ref, version: 1 });
  assert.equal(stale.ok, false);
  if (!stale.ok)
    assert.deepEqual(stale.conflict.values, { kicker: "", title: "乙", subtitle: "", byline: "", body: "乙文。" });
  assert.equal((await db.prisma.article.findUniqueOrThrow({ where: { id: article.id } })).title, "乙");
});

test("pasting a long report stores it whole; a refused continuation link leaves nothing stored", async () => {
  const pasted = await createPastedArticle(db.prisma, actor, {
    ...fields(LONG, "粘贴的长文"),
    editionId,
    pageId,
    submissionKey: randomUUID(),
    toChoice: "create",
    toPageId: laterPageId,
    fromChoice: "none",
  });
  assert.equal(squash(await storedBodyText(pasted.articleId)), squash(LONG));
  const row = await db.prisma.article.findUniqueOrThrow({
    where: { id: pasted.articleId },
    include: { nextPart: true },
  });
  assert.equal(row.nextPart?.pageId, laterPageId);

  const before = await db.prisma.article.count();
  await assert.rejects(
    createPastedArticle(db.prisma, actor, {
      ...fields("短文。", "不该保存"),
      editionId,
      pageId: laterPageId,
      submissionKey: randomUUID(),
      toChoice: `link:${pasted.articleId}`,
      fromChoice: "none",
    }),
    refusedOn("links", "转接只能向后"),
  );
  assert.equal(await db.prisma.article.count(), before);
});

test("a form sent twice at the same moment creates the article once", async () => {
  const submissionKey = randomUUID();
  const input = { ...fields("正文。", "只保存一次"), editionId, pageId, submissionKey };
  const [a, b] = await Promise.all([createArticle(db.prisma, actor, input), createArticle(db.prisma, actor, input)]);
  assert.equal(a.articleId, b.articleId);
  assert.equal(await db.prisma.article.count({ where: { title: "只保存一次" } }), 1);
  // A genuinely new article with the same title (a new form) is not taken for a repeat.
  await createArticle(db.prisma, actor, { ...input, submissionKey: randomUUID() });
  assert.equal(await db.prisma.article.count({ where: { title: "只保存一次" } }), 2);
});

test("moving and deleting an article tell the region editor its page changed", async () => {
  const article = await db.prisma.article.create({
    data: { pageId, sortOrder: 9, title: "要移走", regions: [{ type: "rect", x: 1, y: 1, w: 5, h: 5 }] },
  });
  const version = async (id: number) => (await db.prisma.page.findUniqueOrThrow({ where: { id } })).regionsVersion;
  const before = await version(pageId);
  const moved = await moveArticleToPage(db.prisma, actor, {
    editionId,
    pageId,
    articleId: article.id,
    targetPageId: laterPageId,
  });
  assert.equal(moved.targetPageId, laterPageId);
  const row = await db.prisma.article.findUniqueOrThrow({ where: { id: article.id } });
  assert.deepEqual([row.pageId, row.regions], [laterPageId, []]);
  assert.equal(await version(pageId), before + 1);
  await assert.rejects(
    moveArticleToPage(db.prisma, actor, {
      editionId,
      pageId: laterPageId,
      articleId: article.id,
      targetPageId: laterPageId,
    }),
    refusedOn("targetPageId", "已在这个版面"),
  );
  const laterBefore = await version(laterPageId);
  await deleteArticle(db.prisma, actor, { editionId, pageId: laterPageId, articleId: article.id });
  assert.equal(await version(laterPageId), laterBefore + 1);
  await assert.rejects(
    deleteArticle(db.prisma, actor, { editionId, pageId: laterPageId, articleId: article.id }),
    refusedOn("form", "已不存在"),
  );
});

test("articles move up and down on their page", async () => {
  const titles = async () =>
    (await db.prisma.article.findMany({ where: { pageId }, orderBy: [{ sortOrder: "asc" }, { id: "asc" }] })).map(
      (article) => article.title,
    );
  const before = await titles();
  const second = await db.prisma.article.findFirstOrThrow({ where: { pageId, title: before[1] } });
  await reorderArticle(db.prisma, actor, { editionId, pageId, articleId: second.id, direction: "up" });
  assert.deepEqual(await titles(), [before[1], before[0], ...before.slice(2)]);
});
