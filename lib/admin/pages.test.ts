// Page writes against a real database: codes by the one rule, renames with
// versions, reordering, deleting, and the regions of a page's articles.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { freshDatabase, type TestDatabase } from "../testing/database";
import { refusalState } from "./form-action";
import { InputError } from "./form-state";
import { addPage, deletePage, movePage, savePageRegions, updatePage } from "./pages";
import { newPageSchema, pageUpdateSchema } from "./schemas";

let db: TestDatabase;
let editionId: number;
let actor: { id: number };

before(async () => {
  db = await freshDatabase("admin_pages");
  const publication = await db.prisma.publication.create({ data: { slug: "t", name: "测试日报", isDefault: true } });
  editionId = (
    await db.prisma.edition.create({
      data: { publicationId: publication.id, issueDate: new Date("2026-06-01T00:00:00Z"), issueNumber: 1 },
    })
  ).id;
  actor = await db.prisma.user.create({ data: { email: "e@x", name: "编辑甲", passwordHash: "x" } });
});
after(() => db.drop());

const refusedOn = (field: string, text: string) => (error: unknown) =>
  error instanceof InputError && Boolean(error.fieldErrors[field]?.some((message) => message.includes(text)));

test("page codes the rule refuses never reach the database; full-width codes are stored normalised", async () => {
  for (const code of ["sport", "A-1", "A1000", "a0", ""]) {
    const parsed = newPageSchema.safeParse({ editionId: String(editionId), code, name: "体育" });
    assert.equal(parsed.success, false, code);
    assert.ok(
      parsed.error?.issues.some((issue) => issue.path[0] === "code"),
      code,
    );
  }
  const input = newPageSchema.parse({ editionId: String(editionId), code: "ａ０１", name: "头版" });
  assert.equal(input.code, "a01");
  const { pageId } = await addPage(db.prisma, actor, input);
  assert.equal((await db.prisma.page.findUniqueOrThrow({ where: { id: pageId } })).code, "a01");
});

test("the database refuses what the rule refuses, even past the forms, on the code field", async () => {
  // A write that skipped the schema still gets a field message, not a 500.
  const error = await addPage(db.prisma, actor, { editionId, code: "sport", name: "体育" }).catch((e: unknown) => e);
  assert.deepEqual(Object.keys(refusalState(error)?.fieldErrors ?? {}), ["code"]);
});

test("a code the edition has (in any case) is refused on the code field", async () => {
  await assert.rejects(
    addPage(db.prisma, actor, { editionId, code: "A01", name: "要闻" }),
    refusedOn("code", "本期已有 A01 版"),
  );
  // Two editors adding the same code at once: one page, one clear refusal.
  const results = await Promise.allSettled([
    addPage(db.prisma, actor, { editionId, code: "B1", name: "甲" }),
    addPage(db.prisma, actor, { editionId, code: "b1", name: "乙" }),
  ]);
  assert.equal(results.filter((result) => result.status === "fulfilled").length, 1);
  const refused = results.find((result) => result.status === "rejected");
  assert.ok(refused && refusedOn("code", "本期已有")(refused.reason));
});

test("a rename based on an old version is refused with the other editor's values", async () => {
  const { pageId } = await addPage(db.prisma, actor, { editionId, code: "A02", name: "要闻" });
  const input = pageUpdateSchema.parse({ editionId, pageId, version: "1", code: "Ａ０３", name: "综合" });
  const first = await updatePage(db.prisma, actor, input);
  assert.ok(first.ok);
  assert.equal((await db.prisma.page.findUniqueOrThrow({ where: { id: pageId } })).code, "A03");
  const stale = await updatePage(db.prisma, actor, { ...input, code: "A04", name: "民生" });
  assert.equal(stale.ok, false);
  if (!stale.ok) assert.deepEqual(stale.conflict.values, { code: "A03", name: "综合" });
  await assert.rejects(
    updatePage(db.prisma, actor, { ...input, version: 2, code: "a01" }),
    refusedOn("code", "本期已有 a01 版"),
  );
});

test("pages move up and down; deleting one removes its articles", async () => {
  const codes = async () =>
    (await db.prisma.page.findMany({ where: { editionId }, orderBy: { sortOrder: "asc" } })).map((page) => page.code);
  const before = await codes();
  const last = await db.prisma.page.findFirstOrThrow({ where: { editionId }, orderBy: { sortOrder: "desc" } });
  await movePage(db.prisma, actor, { editionId, pageId: last.id, direction: "up" });
  const after = await codes();
  assert.deepEqual(after, [...before.slice(0, -2), before.at(-1), before.at(-2)]);
  // At the top already: nothing changes.
  const top = await db.prisma.page.findFirstOrThrow({ where: { editionId }, orderBy: { sortOrder: "asc" } });
  assert.deepEqual(await movePage(db.prisma, actor, { editionId, pageId: top.id, direction: "up" }), {});
  await db.prisma.article.create({ data: { pageId: last.id, sortOrder: 1, title: "将被删除" } });
  await deletePage(db.prisma, actor, { editionId, pageId: last.id });
  assert.equal(await db.prisma.article.count({ where: { title: "将被删除" } }), 0);
  await assert.rejects(deletePage(db.prisma, actor, { editionId, pageId: last.id }), refusedOn("form", "已不存在"));
});

test("regions are clamped to the image and saved only against the version the editor started from", async () => {
  const page = await db.prisma.page.create({
    data: {
      editionId,
      code: "C1",
      name: "图片版",
      sortOrder: 20,
      imageKey: "pages/x.png",
      imageWidth: 1000,
      imageHeight: 1500,
    },
  });
  const article = await db.prisma.article.create({ data: { pageId: page.id, sortOrder: 1, title: "有区域" } });
  const regions = JSON.stringify([
    { articleId: article.id, regions: [{ type: "rect", x: 900, y: 100, w: 400, h: 200 }] },
  ]);
  const saved = await savePageRegions(db.prisma, actor, { editionId, pageId: page.id, version: 1, regions });
  assert.ok(saved.ok);
  assert.deepEqual((await db.prisma.article.findUniqueOrThrow({ where: { id: article.id } })).regions, [
    { type: "rect", x: 900, y: 100, w: 100, h: 200 },
  ]);
  // Someone else saved (or replaced the image) since version 1: nothing is written, theirs come back.
  const stale = await savePageRegions(db.prisma, actor, {
    editionId,
    pageId: page.id,
    version: 1,
    regions: JSON.stringify([{ articleId: article.id, regions: [] }]),
  });
  assert.equal(stale.ok, false);
  if (!stale.ok)
    assert.deepEqual(stale.conflict.values[String(article.id)], [{ type: "rect", x: 900, y: 100, w: 100, h: 200 }]);
  for (const bad of ["not json", JSON.stringify([{ articleId: article.id, regions: [{ type: "rect", x: -5 }] }])])
    await assert.rejects(
      savePageRegions(db.prisma, actor, { editionId, pageId: page.id, version: 2, regions: bad }),
      refusedOn("form", "区域数据无效"),
    );
  const elsewhere = await db.prisma.page.findFirstOrThrow({ where: { editionId, code: "a01" } });
  const stranger = await db.prisma.article.create({ data: { pageId: elsewhere.id, sortOrder: 9, title: "别版" } });
  await assert.rejects(
    savePageRegions(db.prisma, actor, {
      editionId,
      pageId: page.id,
      version: 2,
      regions: JSON.stringify([{ articleId: stranger.id, regions: [] }]),
    }),
    refusedOn("form", "不在本版"),
  );
});
