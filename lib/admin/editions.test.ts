// Edition writes against a real database: what is stored, what is refused and why.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { freshDatabase, type TestDatabase } from "../testing/database";
import { createEdition, deleteEdition, publishEdition, unpublishEdition, updateEdition } from "./editions";
import { InputError } from "./form-state";
import { refusalState } from "./form-action";

let db: TestDatabase;
let publicationId: number;
let actor: { id: number };
let other: { id: number };

before(async () => {
  db = await freshDatabase("admin_editions");
  publicationId = (await db.prisma.publication.create({ data: { slug: "t", name: "测试日报", isDefault: true } })).id;
  actor = await db.prisma.user.create({ data: { email: "e@x", name: "编辑甲", passwordHash: "x" } });
  other = await db.prisma.user.create({ data: { email: "f@x", name: "编辑乙", passwordHash: "x" } });
});
after(() => db.drop());

const refusedOn = (field: string, text: string) => (error: unknown) =>
  error instanceof InputError && Boolean(error.fieldErrors[field]?.some((message) => message.includes(text)));

async function editionWithPage(date: string) {
  const { id } = await createEdition(db.prisma, actor, { publicationId, issueDate: date, issueNumber: 1 });
  await db.prisma.page.create({ data: { editionId: id, code: "A01", name: "头版", sortOrder: 1 } });
  return id;
}

test("a new edition is a draft, with an audit entry", async () => {
  const { id } = await createEdition(db.prisma, actor, { publicationId, issueDate: "2026-03-01", issueNumber: 7 });
  const edition = await db.prisma.edition.findUniqueOrThrow({ where: { id } });
  assert.equal(edition.status, "DRAFT");
  assert.equal(edition.issueDate.toISOString(), "2026-03-01T00:00:00.000Z");
  const entry = await db.prisma.auditEntry.findFirstOrThrow({ where: { editionId: id } });
  assert.equal(entry.action, "create");
  assert.equal(entry.userId, actor.id);
});

test("a date the publication already has is refused on the date field, and nothing is stored", async () => {
  const before = await db.prisma.edition.count();
  await assert.rejects(
    createEdition(db.prisma, actor, { publicationId, issueDate: "2026-03-01", issueNumber: 8 }),
    refusedOn("issueDate", "2026-03-01 已经有一期报纸了"),
  );
  assert.equal(await db.prisma.edition.count(), before);
});

test("a publication deleted meanwhile is refused on the publication field", async () => {
  const error = await createEdition(db.prisma, actor, {
    publicationId: 424_242,
    issueDate: "2026-03-02",
    issueNumber: 9,
  }).catch((caught: unknown) => caught);
  assert.deepEqual(refusalState(error)?.fieldErrors, { publicationId: ["所选报纸不存在（可能刚被删除）。"] });
});

test("an edit based on an old version writes nothing and returns the other editor's values", async () => {
  const { id } = await createEdition(db.prisma, actor, { publicationId, issueDate: "2026-04-01", issueNumber: 10 });
  const first = await updateEdition(db.prisma, other, {
    editionId: id,
    version: 1,
    publicationId,
    issueDate: "2026-04-02",
    issueNumber: 11,
  });
  assert.ok(first.ok);
  assert.equal(first.version, 2);
  const second = await updateEdition(db.prisma, actor, {
    editionId: id,
    version: 1,
    publicationId,
    issueDate: "2026-04-03",
    issueNumber: 12,
  });
  assert.equal(second.ok, false);
  if (second.ok) return;
  assert.equal(second.conflict.version, 2);
  assert.deepEqual(second.conflict.values, { publication: "测试日报", issueDate: "2026-04-02", issueNumber: "11" });
  assert.equal(second.conflict.savedBy, "编辑乙");
  const stored = await db.prisma.edition.findUniqueOrThrow({ where: { id } });
  assert.equal(stored.issueNumber, 11);
  // Having seen their version, the editor saves against it and it goes through.
  assert.ok(
    (
      await updateEdition(db.prisma, actor, {
        editionId: id,
        version: 2,
        publicationId,
        issueDate: "2026-04-03",
        issueNumber: 12,
      })
    ).ok,
  );
  await assert.rejects(
    updateEdition(db.prisma, actor, {
      editionId: id,
      version: 3,
      publicationId,
      issueDate: "2026-03-01",
      issueNumber: 12,
    }),
    refusedOn("issueDate", "已经有一期报纸了"),
  );
});

test("publishing twice keeps the first publishedAt and writes one audit entry; unpublishing likewise", async () => {
  const id = await editionWithPage("2026-05-01");
  const first = await publishEdition(db.prisma, actor, id);
  assert.equal(first.changed, true);
  const publishedAt = (await db.prisma.edition.findUniqueOrThrow({ where: { id } })).publishedAt;
  assert.ok(publishedAt);
  const again = await publishEdition(db.prisma, other, id);
  assert.equal(again.changed, false);
  assert.deepEqual((await db.prisma.edition.findUniqueOrThrow({ where: { id } })).publishedAt, publishedAt);
  assert.equal(await db.prisma.auditEntry.count({ where: { editionId: id, action: "publish" } }), 1);

  assert.equal((await unpublishEdition(db.prisma, actor, id)).changed, true);
  assert.equal((await unpublishEdition(db.prisma, actor, id)).changed, false);
  assert.equal(await db.prisma.auditEntry.count({ where: { editionId: id, action: "unpublish" } }), 1);
  assert.equal((await db.prisma.edition.findUniqueOrThrow({ where: { id } })).publishedAt, null);
});

test("two editors publishing at the same moment: one publishes, one audit entry", async () => {
  const id = await editionWithPage("2026-05-02");
  const results = await Promise.all([publishEdition(db.prisma, actor, id), publishEdition(db.prisma, other, id)]);
  assert.deepEqual(results.map((result) => result.changed).sort(), [false, true]);
  assert.equal(await db.prisma.auditEntry.count({ where: { editionId: id, action: "publish" } }), 1);
});

test("an edition without pages cannot be published; a published one cannot be deleted", async () => {
  const { id } = await createEdition(db.prisma, actor, { publicationId, issueDate: "2026-05-03", issueNumber: 1 });
  await assert.rejects(publishEdition(db.prisma, actor, id), refusedOn("form", "还没有版面"));
  const published = await editionWithPage("2026-05-04");
  await publishEdition(db.prisma, actor, published);
  await assert.rejects(deleteEdition(db.prisma, actor, published), refusedOn("form", "请先撤回发布"));
  assert.ok(await db.prisma.edition.findUnique({ where: { id: published } }));
  await deleteEdition(db.prisma, actor, id);
  assert.equal(await db.prisma.edition.findUnique({ where: { id } }), null);
  await assert.rejects(deleteEdition(db.prisma, actor, id), refusedOn("form", "已不存在"));
});
