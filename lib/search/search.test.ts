// Search against a real database: the triggers keep documents in step with
// every write, ranking, the published-only rule and continued articles.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { freshDatabase, type TestDatabase } from "../testing/database";
import { search } from "./search";
import { readSearchParams } from "./params";
import { indexTokens } from "./tokens";

let db: TestDatabase;
let publicationId: number;

const paragraph = (text: string) => [{ type: "paragraph", text }];

async function edition(date: string, status: "DRAFT" | "PUBLISHED", pages: { code: string; name: string }[]) {
  const row = await db.prisma.edition.create({
    data: { publicationId, issueDate: new Date(`${date}T00:00:00Z`), issueNumber: 1, status },
  });
  const created = [];
  for (const [index, page] of pages.entries())
    created.push(await db.prisma.page.create({ data: { editionId: row.id, sortOrder: index + 1, ...page } }));
  return { id: row.id, pages: created };
}

async function article(pageId: number, sortOrder: number, fields: { title: string; body?: string; byline?: string }) {
  return db.prisma.article.create({
    data: { pageId, sortOrder, title: fields.title, byline: fields.byline, body: paragraph(fields.body ?? "") },
  });
}

const run = (q: string, extra: Record<string, string> = {}, includeDrafts = false) =>
  search(db.prisma, readSearchParams({ q, ...extra }), { includeDrafts });

async function titles(q: string, extra: Record<string, string> = {}, includeDrafts = false) {
  const outcome = await run(q, extra, includeDrafts);
  assert.ok(outcome.ok, `search ${q} failed`);
  return outcome.hits.map((hit) => hit.title);
}

before(async () => {
  db = await freshDatabase("search");
  publicationId = (await db.prisma.publication.create({ data: { slug: "t", name: "测试日报", isDefault: true } })).id;
});
after(() => db.drop());

test("the database tokenises text exactly as lib/search/tokens.ts does", async () => {
  for (const text of ["中国人民 News 2024年，５Ｇ网络 京", "（下转第8版）COVID-19疫苗", "a".repeat(70), "单"]) {
    const [{ vector }] = await db.prisma.$queryRaw<{ vector: string }[]>`SELECT search_vector(${text})::text AS vector`;
    const expected = new Map<string, number[]>();
    for (const token of indexTokens(text))
      expected.set(token.lexeme, [...(expected.get(token.lexeme) ?? []), token.position]);
    const fromDb = new Map(
      vector
        .split(" ")
        .filter(Boolean)
        .map((entry) => {
          const [, lexeme, positions] = /^'(.*)':(.*)$/.exec(entry)!;
          return [lexeme, positions.split(",").map(Number)] as const;
        }),
    );
    assert.deepEqual(fromDb, expected, text);
  }
});

test("a title match ranks above a body match; several terms must all match", async () => {
  const { pages } = await edition("2025-01-02", "PUBLISHED", [{ code: "A01", name: "要闻" }]);
  await article(pages[0].id, 1, { title: "城市新闻", body: "今年的春运客流创下新高，铁路部门加开列车。" });
  await article(pages[0].id, 2, { title: "春运今日启动", body: "各地车站秩序井然。" });
  assert.deepEqual(await titles("春运"), ["春运今日启动", "城市新闻"]);
  assert.deepEqual(await titles("春运 铁路"), ["城市新闻"]);
  assert.deepEqual(await titles("春运 航空"), []);
});

test("phrases, 标题: and 作者: narrow the search", async () => {
  const { pages } = await edition("2025-01-03", "PUBLISHED", [{ code: "A01", name: "要闻" }]);
  await article(pages[0].id, 1, { title: "改革开放再出发", body: "文章内容", byline: "记者 王小明" });
  await article(pages[0].id, 2, { title: "开放与改革", body: "讲述王小明的故事" });
  assert.deepEqual(await titles('"改革开放"'), ["改革开放再出发"]);
  assert.deepEqual((await titles("改革 开放")).sort(), ["开放与改革", "改革开放再出发"].sort());
  assert.deepEqual(await titles("作者:王小明"), ["改革开放再出发"]);
  assert.deepEqual(await titles("标题:故事"), []);
  // A byline match (weight B) ranks above a body match (weight D).
  assert.deepEqual(await titles("王小明"), ["改革开放再出发", "开放与改革"]);
});

test("an article continued over pages is one result, found by any part's text, at its first part", async () => {
  const { pages } = await edition("2025-01-04", "PUBLISHED", [
    { code: "A01", name: "头版" },
    { code: "A05", name: "经济" },
  ]);
  const second = await article(pages[1].id, 1, { title: "（上接第1版）", body: "后半部分讲到了集装箱码头。" });
  const first = await article(pages[0].id, 1, { title: "港口吞吐量增长", body: "前半部分。" });
  await db.prisma.article.update({ where: { id: first.id }, data: { nextPartId: second.id } });
  const outcome = await run("集装箱");
  assert.ok(outcome.ok);
  assert.equal(outcome.total, 1);
  assert.equal(outcome.hits[0].articleId, first.id);
  assert.equal(outcome.hits[0].pageCode, "A01");
  assert.deepEqual(await titles("集装箱", { ban: "经济" }), ["港口吞吐量增长"]);
  // Unlinking makes the second part a document of its own again.
  await db.prisma.article.update({ where: { id: first.id }, data: { nextPartId: null } });
  assert.deepEqual(await titles("集装箱"), ["（上接第1版）"]);
});

test("drafts are never found by readers; unpublishing and deleting remove results at once", async () => {
  const draft = await edition("2025-01-05", "DRAFT", [{ code: "A01", name: "要闻" }]);
  const hidden = await article(draft.pages[0].id, 1, { title: "尚未发布的独家报道" });
  assert.deepEqual(await titles("独家报道"), []);
  assert.deepEqual(await titles("独家报道", {}, true), ["尚未发布的独家报道"]);

  await db.prisma.edition.update({ where: { id: draft.id }, data: { status: "PUBLISHED" } });
  assert.deepEqual(await titles("独家报道"), ["尚未发布的独家报道"]);
  await db.prisma.edition.update({ where: { id: draft.id }, data: { status: "DRAFT" } });
  assert.deepEqual(await titles("独家报道"), []);

  await db.prisma.edition.update({ where: { id: draft.id }, data: { status: "PUBLISHED" } });
  await db.prisma.article.update({ where: { id: hidden.id }, data: { title: "改了标题" } });
  assert.deepEqual(await titles("独家报道"), []);
  assert.deepEqual(await titles("改了标题"), ["改了标题"]);
  await db.prisma.article.delete({ where: { id: hidden.id } });
  assert.deepEqual(await titles("改了标题"), []);
});

test("date, edition and publication filters", async () => {
  const { pages } = await edition("2025-02-01", "PUBLISHED", [{ code: "B01", name: "体育" }]);
  await article(pages[0].id, 1, { title: "足球联赛开幕" });
  assert.deepEqual(await titles("足球", { from: "2025-02-01" }), ["足球联赛开幕"]);
  assert.deepEqual(await titles("足球", { to: "2025-01-31" }), []);
  assert.deepEqual(await titles("足球", { date: "2025-02-01" }), ["足球联赛开幕"]);
  assert.deepEqual(await titles("足球", { pub: "nope" }), []);
  assert.deepEqual(await titles("足球", { pub: "t" }), ["足球联赛开幕"]);
});

test("hits carry the snippet, the page and the article's position on it", async () => {
  const { pages } = await edition("2025-02-02", "PUBLISHED", [{ code: "A03", name: "时事·环球" }]);
  await article(pages[0].id, 1, { title: "第一篇" });
  await article(pages[0].id, 2, { title: "第二篇", body: "联合国大会今天在纽约开幕。" });
  const outcome = await run("联合国");
  assert.ok(outcome.ok);
  const [hit] = outcome.hits;
  assert.equal(hit.position, 2);
  assert.equal(hit.pageName, "时事·环球");
  assert.deepEqual(
    hit.snippet.filter((s) => s.match).map((s) => s.text),
    ["联合国"],
  );
});

test("bad queries return a message or nothing, never an error", async () => {
  const inputs = ["", "'; DROP TABLE articles; --", "，。！", '"', "字".repeat(1000), ".*[(", "\\' & | ! <->", "a:*"];
  for (const q of inputs) {
    const outcome = await run(q);
    if (outcome.ok) assert.ok(Array.isArray(outcome.hits));
    else assert.ok(outcome.message.length > 0);
  }
  const count = await db.prisma.article.count();
  assert.ok(count > 0);
});

test("an article as long as the limits allow (450 000 characters) is saved and found by its opening words", async () => {
  const { pages } = await edition("2026-03-01", "PUBLISHED", [{ code: "a01", name: "头版" }]);
  // Varied characters, so the bigrams do not collapse: this once made the tsvector exceed 1 MB and every save fail.
  const text = Array.from({ length: 450_000 }, (_, i) => String.fromCharCode(0x4e00 + ((i * 7919) % 20000))).join("");
  await article(pages[0].id, 1, { title: "超长连载", body: `长篇开头${text}` });
  assert.ok((await titles("长篇开头")).includes("超长连载"));
});

test("a term matched more often than is ranked: ranked among its newest matches, counted as 'more than'", async () => {
  // Its own paper, so the window is measured from this paper's newest edition.
  const paper = await db.prisma.publication.create({ data: { slug: "w", name: "窗口晚报" } });
  const dates = ["2010-01-04", "2011-06-01", "2012-03-01", "2012-03-10", "2012-03-20"];
  for (const [index, date] of dates.entries()) {
    const row = await db.prisma.edition.create({
      data: {
        publicationId: paper.id,
        issueDate: new Date(`${date}T00:00:00Z`),
        issueNumber: index + 1,
        status: "PUBLISHED",
      },
    });
    const page = await db.prisma.page.create({ data: { editionId: row.id, sortOrder: 1, code: "A01", name: "要闻" } });
    // The oldest has the term in its title: the best match, but outside the newest window.
    const title = index === 0 ? "灯塔守望者" : `海边小事${index}`;
    await article(page.id, 1, { title, body: index === 0 ? "" : "岛上的灯塔守望者又过了一年。" });
  }
  const capped = await search(db.prisma, readSearchParams({ q: "灯塔守望", pub: "w" }), { ranked: 3 });
  assert.ok(capped.ok);
  assert.equal(capped.more, true);
  assert.equal(capped.total, 4, "the count stops at ranked + 1");
  assert.deepEqual(capped.hits.map((hit) => hit.issueDate).sort(), ["2012-03-01", "2012-03-10", "2012-03-20"]);
  const byDate = await search(db.prisma, readSearchParams({ q: "灯塔守望", pub: "w", sort: "date" }), { ranked: 3 });
  assert.ok(byDate.ok);
  assert.deepEqual(
    byDate.hits.map((hit) => hit.issueDate),
    ["2012-03-20", "2012-03-10", "2012-03-01"],
  );

  const whole = await search(db.prisma, readSearchParams({ q: "灯塔守望", pub: "w" }), { ranked: 10 });
  assert.ok(whole.ok);
  assert.equal(whole.more, false);
  assert.equal(whole.total, 5);
  assert.equal(whole.hits[0].title, "灯塔守望者", "ranked whole, the title match comes first");
  // A window that would reach past the oldest edition is no window: all four newer ones plus the oldest.
  const wide = await search(db.prisma, readSearchParams({ q: "灯塔守望", pub: "w" }), { ranked: 4 });
  assert.ok(wide.ok);
  assert.equal(wide.hits.length, 4, "the window grows until it holds 4 matches");
});
