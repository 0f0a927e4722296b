// Edition writes against a real database: what is stored, what is refused and why.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { freshDatabase, type TestDatabase } from "../testing/database";
import { createEdition } from "./editions";
import { InputError } from "./form-state";
import { refusalState } from "./form-action";

let db: TestDatabase;
let publicationId: number;
let actor: { id: number };

before(async () => {
  db = await freshDatabase("admin_editions");
  publicationId = (await db.prisma.publication.create({ data: { slug: "t", name: "测试日报", isDefault: true } })).id;
  actor = await db.prisma.user.create({ data: { email: "e@x", name: "编辑", passwordHash: "x" } });
});
after(() => db.drop());

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
    (error: unknown) =>
      error instanceof InputError && Boolean(error.fieldErrors.issueDate?.[0]?.includes("2026-03-01 已经有一期报纸了")),
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
