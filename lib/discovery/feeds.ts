// RSS 2.0 and Atom feeds of a publication: the articles of its newest
// editions in reading order, one item per article (a continued article is one
// item at its first part's URL). Items carry the summary, or the whole text
// of every part when FEED_CONTENT=full. Pure: the route hands in the editions
// and bodies it read through the cached data layer.
import { Feed } from "feed";
import { continuationChain } from "@/lib/reading/continuations";
import { formatChineseDate } from "@/lib/reading/dates";
import { readingOrder, type ArticleLocation } from "@/lib/reading/reading-order";
import { articleHref, editionBase, homePath, publicationPrefix, type PublicationPath } from "@/lib/reading/urls";
import type { ArticleBlock, EditionSnapshot } from "@/lib/reading/types";
import { escapeXml } from "./xml";

/** How many of the newest editions a feed covers, and at most how many items it has. */
export const FEED_EDITIONS = 3;
export const FEED_ITEMS = 150;

export type FeedContent = "full" | "summary";

/** FEED_CONTENT=full puts each article's whole text in the feed; anything else, the summary. */
export function feedContentSetting(value = process.env.FEED_CONTENT): FeedContent {
  return value?.trim().toLowerCase() === "full" ? "full" : "summary";
}

export type FeedInput = {
  origin: string;
  path: PublicationPath;
  publication: { name: string; description: string };
  /** Newest first. */
  editions: EditionSnapshot[];
  content: FeedContent;
  /** Bodies by article id; needed for every part when content is "full". */
  bodies?: Map<number, ArticleBlock[]>;
};

export function feedPaths(path: PublicationPath): { rss: string; atom: string } {
  const prefix = publicationPrefix(path);
  return { rss: `${prefix}/feed.xml`, atom: `${prefix}/atom.xml` };
}

/** The articles a feed lists: first parts only, newest edition first, each edition in reading order. */
export function feedArticles(editions: EditionSnapshot[]): { edition: EditionSnapshot; parts: ArticleLocation[] }[] {
  const items: { edition: EditionSnapshot; parts: ArticleLocation[] }[] = [];
  for (const edition of editions) {
    for (const location of readingOrder(edition)) {
      const parts = continuationChain(edition, location.article.id);
      if (parts[0]?.article.id !== location.article.id) continue;
      items.push({ edition, parts });
      if (items.length >= FEED_ITEMS) return items;
    }
  }
  return items;
}

/** An edition's date as the moment it came out: midnight in China. */
function editionMoment(edition: EditionSnapshot): Date {
  return new Date(`${edition.issueDate}T00:00:00+08:00`);
}

export function blocksHtml(blocks: ArticleBlock[], origin: string): string {
  return blocks
    .map((block) => {
      if (block.type === "paragraph") return `<p>${escapeXml(block.text)}</p>`;
      if (block.type === "subhead") return `<h3>${escapeXml(block.text)}</h3>`;
      const src = block.src.startsWith("/") ? `${origin}${block.src}` : block.src;
      return `<figure><img src="${escapeXml(src)}" width="${block.width}" height="${block.height}" alt="${escapeXml(block.caption)}"/>${
        block.caption ? `<figcaption>${escapeXml(block.caption)}</figcaption>` : ""
      }</figure>`;
    })
    .join("\n");
}

export function buildFeed(input: FeedInput): Feed {
  const { origin, path, publication, editions } = input;
  const newest = editions[0];
  const paths = feedPaths(path);
  const feed = new Feed({
    id: `${origin}${homePath(path)}`,
    title: publication.name,
    description: publication.description || `${publication.name}的最新文章`,
    link: `${origin}${homePath(path)}`,
    language: "zh-CN",
    updated: newest ? editionMoment(newest) : new Date(0),
    generator: "Banmian",
    feedLinks: { rss: `${origin}${paths.rss}`, atom: `${origin}${paths.atom}` },
    favicon: `${origin}/favicon.ico`,
    image: `${origin}/icon-512.png`,
    copyright: `© ${publication.name}`,
  });
  for (const { edition, parts } of feedArticles(editions)) {
    const [first] = parts;
    const { article, page } = first;
    const link = `${origin}${articleHref(editionBase(path, edition.issueDate), page.code, article.position)}`;
    const where = `${formatChineseDate(edition.issueDate, false)} 第${page.code}版：${page.name}`;
    const summary = article.lead || article.subtitle || article.title;
    const content =
      input.content === "full"
        ? parts.map((part) => blocksHtml(input.bodies?.get(part.article.id) ?? [], origin)).join("\n")
        : undefined;
    feed.addItem({
      title: article.title,
      id: link,
      guid: link,
      link,
      date: editionMoment(edition),
      published: editionMoment(edition),
      description: `${where}。${summary}`,
      ...(content ? { content } : {}),
      ...(article.byline ? { author: [{ name: article.byline }] } : {}),
      category: [{ name: page.name }],
    });
  }
  return feed;
}
