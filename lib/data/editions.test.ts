// loadEdition() builds the reader's edition snapshot in one SQL statement that
// sends only each body's blocks up to its first paragraph. These tests pin
// what the reader sees against odd bodies too, on a real database.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { freshDatabase, type TestDatabase } from "../testing/database";

let db: TestDatabase;
let editionId: number;
let loadEdition: typeof import("./editions").loadEdition;

const long = "海".repeat(90);

before(async () => {
  db = await freshDatabase("data_editions");
  // lib/db/prisma.ts connects to DATABASE_URL when first imported.
  process.env.DATABASE_URL = db.url;
  ({ loadEdition } = await import("./editions"));
  const publication = await db.prisma.publication.create({ data: { slug: "t", name: "测试日报", isDefault: true } });
  editionId = (
    await db.prisma.edition.create({
      data: { publicationId: publication.id, issueDate: new Date("2026-08-01T00:00:00Z"), issueNumber: 7 },
    })
  ).id;
  const one = await db.prisma.page.create({
    data: {
      editionId,
      code: "A01",
      name: "头版",
      sortOrder: 1,
      imageKey: "pages/2026-08-01/a01/original.png",
      imageWidth: 2000,
      imageHeight: 3000,
      imageVariants: [{ name: "large", key: "pages/2026-08-01/a01/large.webp", width: 1400, height: 2100 }],
      pdfKey: "pages/2026-08-01/a01/page.pdf",
    },
  });
  // Sorted by sort order, not by insertion: the second page is created first.
  const two = await db.prisma.page.create({ data: { editionId, code: "A02", name: "要闻", sortOrder: 2 } });
  await db.prisma.article.create({ data: { pageId: two.id, sortOrder: 1, title: "无正文", body: [] } });
  const bodies: unknown[] = [
    [
      { type: "subhead", text: "小标题" },
      { type: "image", key: "images/x.webp", caption: "图", width: 10, height: 10 },
      { type: "paragraph", text: "第一段。" },
      { type: "paragraph", text: "第二段。" },
    ],
    // Damaged blocks are shown as text: a paragraph-less block with text becomes the lead.
    [
      { type: "quote", text: "坏块的文字" },
      { type: "paragraph", text: "第一段。" },
    ],
    // An empty paragraph does not match the schema and is shown as its JSON (lib/content.ts readBody).
    [
      { type: "paragraph", text: "" },
      { type: "paragraph", text: "第二段。" },
    ],
    // A single block stored without its array.
    { type: "paragraph", text: "不在数组里。" },
    [{ type: "paragraph", text: long }],
    [{ type: "subhead", text: "只有小标题" }],
  ];
  for (const [index, body] of bodies.entries()) {
    await db.prisma.article.create({
      data: {
        pageId: one.id,
        sortOrder: 10 - index,
        title: `第${index + 1}篇`,
        kicker: index === 0 ? "引题" : null,
        body: body as object,
        regions: index === 0 ? [{ type: "rect", x: 1, y: 2, w: 3, h: 4 }] : [],
      },
    });
  }
});
after(() => db.drop());

test("an edition's pages and articles come in reading order with what the views need", async () => {
  const edition = await loadEdition(editionId);
  assert.ok(edition);
  assert.deepEqual(edition.publication, { id: edition.publication.id, slug: "t", name: "测试日报", isDefault: true });
  assert.equal(edition.issueDate, "2026-08-01");
  assert.equal(edition.issueNumber, 7);
  assert.equal(edition.status, "DRAFT");
  assert.deepEqual(
    edition.pages.map((page) => page.code),
    ["A01", "A02"],
  );
  const [one, two] = edition.pages;
  assert.equal(one.image?.src, "/media/pages/2026-08-01/a01/large.webp");
  assert.equal(one.pdfUrl, "/media/pages/2026-08-01/a01/page.pdf");
  assert.equal(two.image, null);
  // Highest sort order last: the article created first (sort order 10) is the last one.
  assert.deepEqual(
    one.articles.map((article) => [article.position, article.title]),
    [
      [1, "第6篇"],
      [2, "第5篇"],
      [3, "第4篇"],
      [4, "第3篇"],
      [5, "第2篇"],
      [6, "第1篇"],
    ],
  );
  const first = one.articles[5];
  assert.equal(first.kicker, "引题");
  assert.deepEqual(first.regions, [{ type: "rect", x: 1, y: 2, w: 3, h: 4 }]);
  const row = await db.prisma.article.findUniqueOrThrow({ where: { id: first.id } });
  assert.equal(first.updatedAt, row.updatedAt.toISOString());
});

test("the lead is the first paragraph as readBody() shows it, whatever comes before it", async () => {
  const edition = await loadEdition(editionId);
  const leads = Object.fromEntries(edition!.pages.flatMap((page) => page.articles.map((a) => [a.title, a.lead])));
  assert.deepEqual(leads, {
    第1篇: "第一段。",
    第2篇: "坏块的文字",
    // jsonb keeps keys in its own order (shorter first), so does the stored block.
    第3篇: '{"text":"","type":"paragraph"}',
    第4篇: "不在数组里。",
    第5篇: `${"海".repeat(80)}…`,
    第6篇: "",
    无正文: "",
  });
});

test("a missing edition is null", async () => {
  assert.equal(await loadEdition(editionId + 1000), null);
});
