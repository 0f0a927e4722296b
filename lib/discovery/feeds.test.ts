// RSS 2.0 and Atom feeds, parsed back and checked for the elements each
// format requires, for one item per article (a continued article once).
import { test } from "node:test";
import assert from "node:assert/strict";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { article, edition, page } from "../reading/fixtures";
import type { EditionSnapshot } from "../reading/types";
import { buildFeed, feedContentSetting, type FeedInput } from "./feeds";

const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === "item" || name === "entry" });

function sample(): { editions: EditionSnapshot[]; continued: number; tail: number } {
  const tail = article({ title: "续篇（接上）" });
  const head = article({
    title: "城市更新 <稳步> 推进 & 提速",
    lead: "本报讯 海城……",
    nextPartId: tail.id,
    byline: "记者 王五",
  });
  const other = article({ title: "第二篇", lead: "第二篇导语" });
  const today = edition([page("A01", [head, other]), page("A08", [tail])]);
  const yesterday = { ...edition([page("A01", [article({ title: "昨天的文章" })])]), id: 2, issueDate: "2026-11-24" };
  return { editions: [today, yesterday], continued: head.id, tail: tail.id };
}

function input(overrides: Partial<FeedInput> = {}): FeedInput {
  const { editions } = sample();
  return {
    origin: "https://paper.example",
    path: null,
    publication: { name: "海城日报", description: "" },
    editions,
    content: "summary",
    ...overrides,
  };
}

test("RSS 2.0: channel and items carry the required elements; a continued article is one item", () => {
  const xml = buildFeed(input()).rss2();
  assert.equal(XMLValidator.validate(xml), true);
  const { rss } = parser.parse(xml);
  assert.equal(rss["@_version"], "2.0");
  const channel = rss.channel;
  assert.equal(channel.title, "海城日报");
  assert.equal(channel.link, "https://paper.example/");
  assert.ok(channel.description);
  assert.equal(channel.language, "zh-CN");
  const titles = channel.item.map((item: { title: string }) => item.title);
  assert.deepEqual(titles, ["城市更新 <稳步> 推进 & 提速", "第二篇", "昨天的文章"]);
  const first = channel.item[0];
  assert.equal(first.link, "https://paper.example/2026-11-25/a01/1");
  assert.match(first.description, /2026年11月25日 第A01版：版A01。本报讯/);
  assert.equal(new Date(first.pubDate).toISOString(), "2026-11-24T16:00:00.000Z");
  assert.equal(first["content:encoded"], undefined, "summary feeds carry no full text");
});

test("Atom: feed id, title, updated, self link; entries with id, title, updated, link", () => {
  const xml = buildFeed(input({ path: "weekly" })).atom1();
  assert.equal(XMLValidator.validate(xml), true);
  const { feed } = parser.parse(xml);
  assert.equal(feed["@_xmlns"], "http://www.w3.org/2005/Atom");
  assert.equal(feed.id, "https://paper.example/p/weekly");
  assert.ok(feed.title && feed.updated);
  const links = [feed.link].flat();
  assert.ok(
    links.some(
      (link: Record<string, string>) =>
        link["@_rel"] === "self" && link["@_href"] === "https://paper.example/p/weekly/atom.xml",
    ),
  );
  for (const entry of feed.entry) {
    assert.ok(entry.id && entry.title && entry.updated, "required entry elements");
    assert.match(entry.link["@_href"], /^https:\/\/paper\.example\/p\/weekly\/2026-11-2[45]\/a01\/\d$/);
  }
  assert.equal(feed.entry[0].author.name, "记者 王五");
});

test("full text: every part of a continued article, escaped", () => {
  const { editions, continued, tail } = sample();
  const bodies = new Map([
    [continued, [{ type: "paragraph" as const, text: "第一段 <script>alert(1)</script>" }]],
    [
      tail,
      [
        { type: "subhead" as const, text: "小标题" },
        { type: "paragraph" as const, text: "续篇正文" },
      ],
    ],
  ]);
  const xml = buildFeed(input({ editions, content: "full", bodies })).rss2();
  assert.equal(XMLValidator.validate(xml), true);
  const content: string = parser.parse(xml).rss.channel.item[0]["content:encoded"];
  assert.match(content, /<p>第一段 &lt;script&gt;alert\(1\)&lt;\/script&gt;<\/p>/);
  assert.match(content, /<h3>小标题<\/h3>\s*<p>续篇正文<\/p>/);
});

test("FEED_CONTENT chooses full text only when it says so", () => {
  assert.equal(feedContentSetting("full"), "full");
  assert.equal(feedContentSetting(" FULL "), "full");
  assert.equal(feedContentSetting("summary"), "summary");
  assert.equal(feedContentSetting(undefined), "summary");
  assert.equal(feedContentSetting("yes"), "summary");
});
