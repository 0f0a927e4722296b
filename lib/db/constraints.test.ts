// The database itself enforces the domain's rules, whatever code writes to it.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { freshDatabase, type TestDatabase } from "../testing/database";
import { isPageCode, PAGE_CODE_PATTERN } from "../reading/page-codes";

let db: TestDatabase;
let publicationId: number;
let editionId: number;

before(async () => {
  db = await freshDatabase("constraints");
  publicationId = (await db.prisma.publication.create({ data: { slug: "t", name: "测试日报", isDefault: true } })).id;
  editionId = (
    await db.prisma.edition.create({
      data: { publicationId, issueDate: new Date("2026-01-02T00:00:00Z"), issueNumber: 1 },
    })
  ).id;
});
after(() => db.drop());

const prismaCode = (error: unknown) => (error as { code?: string }).code;

test("one edition per publication per date", async () => {
  await assert.rejects(
    db.prisma.edition.create({ data: { publicationId, issueDate: new Date("2026-01-02T00:00:00Z"), issueNumber: 2 } }),
    (error) => prismaCode(error) === "P2002",
  );
  const other = await db.prisma.publication.create({ data: { slug: "u", name: "另一报" } });
  await db.prisma.edition.create({
    data: { publicationId: other.id, issueDate: new Date("2026-01-02T00:00:00Z"), issueNumber: 1 },
  });
});

test("one page code per edition, and codes look like page numbers", async () => {
  await db.prisma.page.create({ data: { editionId, code: "a01", sortOrder: 1, name: "头版" } });
  await assert.rejects(
    db.prisma.page.create({ data: { editionId, code: "a01", sortOrder: 2, name: "要闻" } }),
    (error) => prismaCode(error) === "P2002",
  );
  await assert.rejects(
    db.prisma.page.create({ data: { editionId, code: "A01", sortOrder: 2, name: "要闻" } }),
    (error) => prismaCode(error) === "P2002",
    "A01 and a01 are the same page",
  );
  await assert.rejects(db.prisma.page.create({ data: { editionId, code: "../x", sortOrder: 3, name: "坏" } }));
});

test("only one default publication", async () => {
  await assert.rejects(
    db.prisma.publication.create({ data: { slug: "v", name: "第三报", isDefault: true } }),
    (error) => prismaCode(error) === "P2002",
  );
});

test("an article cannot continue on itself, and a part has at most one predecessor", async () => {
  const page = await db.prisma.page.create({ data: { editionId, code: "a08", sortOrder: 8, name: "时事·环球" } });
  const [a, b, c] = await Promise.all(
    ["甲", "乙", "丙"].map((title, i) =>
      db.prisma.article.create({ data: { pageId: page.id, sortOrder: i + 1, title } }),
    ),
  );
  await assert.rejects(db.prisma.article.update({ where: { id: a.id }, data: { nextPartId: a.id } }));
  await db.prisma.article.update({ where: { id: a.id }, data: { nextPartId: c.id } });
  await assert.rejects(
    db.prisma.article.update({ where: { id: b.id }, data: { nextPartId: c.id } }),
    (error) => prismaCode(error) === "P2002",
  );
});

test("continuation chains resolve in both directions", async () => {
  const pages = await Promise.all(
    ["b1", "b4", "b8"].map((code, i) =>
      db.prisma.page.create({ data: { editionId, code, sortOrder: 10 + i, name: `第${i}版` } }),
    ),
  );
  const [p3, p2, p1] = [
    await db.prisma.article.create({ data: { pageId: pages[2].id, sortOrder: 1, title: "长文" } }),
    await db.prisma.article.create({ data: { pageId: pages[1].id, sortOrder: 1, title: "长文" } }),
    await db.prisma.article.create({ data: { pageId: pages[0].id, sortOrder: 1, title: "长文" } }),
  ];
  await db.prisma.article.update({ where: { id: p1.id }, data: { nextPartId: p2.id } });
  await db.prisma.article.update({ where: { id: p2.id }, data: { nextPartId: p3.id } });
  const middle = await db.prisma.article.findUniqueOrThrow({
    where: { id: p2.id },
    include: { previousPart: { include: { page: true } }, nextPart: { include: { page: true } } },
  });
  assert.equal(middle.previousPart?.page.code, "b1");
  assert.equal(middle.nextPart?.page.code, "b8");
  // Deleting a part unlinks it instead of leaving a dangling pointer.
  await db.prisma.article.delete({ where: { id: p3.id } });
  assert.equal((await db.prisma.article.findUniqueOrThrow({ where: { id: p2.id } })).nextPartId, null);
});

test("blank titles are refused", async () => {
  const page = await db.prisma.page.findFirstOrThrow({ where: { editionId } });
  await assert.rejects(db.prisma.article.create({ data: { pageId: page.id, sortOrder: 9, title: "   " } }));
});

test("the page-code CHECK is the rule lib/reading/page-codes.ts states, and agrees with it code by code", async () => {
  const [{ definition }] = await db.prisma.$queryRaw<{ definition: string }[]>`
    SELECT pg_get_constraintdef(oid) AS definition FROM pg_constraint WHERE conname = 'pages_code_format'`;
  assert.ok(definition.includes(`'${PAGE_CODE_PATTERN}'`), definition);
  const edition = await db.prisma.edition.create({
    data: { publicationId, issueDate: new Date("2026-01-09T00:00:00Z"), issueNumber: 9 },
  });
  const page = await db.prisma.page.create({ data: { editionId: edition.id, code: "z1", sortOrder: 1, name: "试" } });
  for (const code of ["a01", "A08", "B3", "12", "ABC999", "sport", "A-1", "A1000", "a0", "000", "ab", "ＡＢ1"]) {
    const stored = await db.prisma.page
      .update({ where: { id: page.id }, data: { code } })
      .then(() => true)
      .catch(() => false);
    assert.equal(stored, isPageCode(code), code);
  }
});
