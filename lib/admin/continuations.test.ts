// Continuation links against a real database: two editors linking at once get
// a clear refusal, never a database error.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { freshDatabase, type TestDatabase } from "../testing/database";
import { linkNextPart, linkTargets, loadEditionOutline, unlinkNextPart } from "./continuations";
import { InputError } from "./form-state";

let db: TestDatabase;
let editionId: number;
let actor: { id: number };
let a: number;
let c: number;
let pageOne: number;

before(async () => {
  db = await freshDatabase("admin_continuations");
  const publication = await db.prisma.publication.create({ data: { slug: "t", name: "测试日报", isDefault: true } });
  editionId = (
    await db.prisma.edition.create({
      data: { publicationId: publication.id, issueDate: new Date("2026-08-01T00:00:00Z"), issueNumber: 1 },
    })
  ).id;
  pageOne = (await db.prisma.page.create({ data: { editionId, code: "A01", name: "头版", sortOrder: 1 } })).id;
  const eight = await db.prisma.page.create({ data: { editionId, code: "A08", name: "要闻", sortOrder: 2 } });
  a = (await db.prisma.article.create({ data: { pageId: pageOne, sortOrder: 1, title: "甲" } })).id;
  await db.prisma.article.create({ data: { pageId: pageOne, sortOrder: 2, title: "乙" } });
  c = (await db.prisma.article.create({ data: { pageId: eight.id, sortOrder: 1, title: "续篇" } })).id;
  actor = await db.prisma.user.create({ data: { email: "e@x", name: "编辑甲", passwordHash: "x" } });
});
after(() => db.drop());

test("the link picker offers articles on later pages that do not continue anything yet", async () => {
  const outline = await loadEditionOutline(db.prisma, editionId);
  assert.deepEqual(
    linkTargets(outline, a).map((target) => target.id),
    [c],
  );
  assert.deepEqual(linkTargets(outline, c), []);
});

test("two editors linking different parts to the same continuation at once: one link, one clear refusal", async () => {
  // Several rounds, so the two transactions really interleave at least once.
  const eight = await db.prisma.page.findFirstOrThrow({ where: { editionId, code: "A08" } });
  for (let round = 0; round < 8; round++) {
    const [from1, from2, target] = await Promise.all(
      [pageOne, pageOne, eight.id].map((pageId, index) =>
        db.prisma.article.create({ data: { pageId, sortOrder: 10 + index, title: `第${round}轮${index}` } }),
      ),
    );
    const results = await Promise.allSettled([
      linkNextPart(db.prisma, actor, { editionId, articleId: from1.id, nextPartId: target.id }),
      linkNextPart(db.prisma, actor, { editionId, articleId: from2.id, nextPartId: target.id }),
    ]);
    assert.equal(results.filter((result) => result.status === "fulfilled").length, 1, `round ${round}`);
    const refused = results.find((result): result is PromiseRejectedResult => result.status === "rejected");
    assert.ok(refused?.reason instanceof InputError, String(refused?.reason));
    assert.match(refused.reason.fieldErrors.nextPartId?.[0] ?? "", /一篇文章只能有一个上文|刚刚被别人接到/);
    assert.equal(await db.prisma.article.count({ where: { nextPartId: target.id } }), 1);
  }
  assert.equal(await db.prisma.auditEntry.count({ where: { action: "link" } }), 8);
  // The first pair, for the unlink test below.
  await linkNextPart(db.prisma, actor, { editionId, articleId: a, nextPartId: c });
});

test("unlinking twice is harmless", async () => {
  const linked = await db.prisma.article.findFirstOrThrow({ where: { nextPartId: c } });
  const ref = { editionId, pageId: pageOne, articleId: linked.id };
  assert.deepEqual((await unlinkNextPart(db.prisma, actor, ref)).articleIds, [linked.id, c]);
  assert.deepEqual(await unlinkNextPart(db.prisma, actor, ref), {});
  assert.equal(await db.prisma.auditEntry.count({ where: { action: "unlink" } }), 1);
});
