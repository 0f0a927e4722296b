// Realistic pasted articles for the parser's tests and benchmark, built from
// parts (title, paragraphs, a byline in one of its printed forms, continuation
// notes in every spelling the parser supports) and rendered as each source
// gives them: the layout system's export, a PDF, a web page, Word. What the
// parser must recognise is known from the parts, without running the parser.
import type { ContinuationNote, PastedArticle } from "./parse";

export type Source = "layout" | "pdf" | "web" | "word";
export const SOURCES: Source[] = ["layout", "pdf", "web", "word"];

export type Byline = { line: string; expected: string; trailing: boolean };
export type Note = { text: string; page: string };
export type FromPlacement = "before-title" | "after-title" | "body";
export type ToPlacement = "alone" | "end";

export type CorpusArticle = {
  title: string;
  paragraphs: string[];
  byline: Byline | null;
  to: (Note & { placement: ToPlacement }) | null;
  from: (Note & { placement: FromPlacement }) | null;
};

export const TITLES = [
  "海城新区建设提速 年内开工项目超百个",
  "海城港吞吐量创新高",
  "市委常委会召开会议 研究部署冬季安全生产",
];

/** Bodies of two or more paragraphs, each ending a sentence (as Word's one-line paragraphs do). */
export const BODIES: string[][] = [
  [
    "本报讯 11月24日，记者从海城新区管委会获悉，今年以来新区累计开工重点项目103个，完成投资286亿元，同比增长12.5%。",
    "管委会负责人介绍，新区将继续优化营商环境，推动项目早开工、早投产、早见效。",
    "据了解，明年新区计划再开工项目120个，其中产业项目占比超过六成。",
  ],
  [
    "海城港（Port of Haicheng）今年前十个月完成货物吞吐量2.3亿吨，集装箱吞吐量突破500万标箱。",
    "港务局局长在接受采访时说：“我们将继续扩建码头，力争明年吞吐能力再提高三成。”",
  ],
  [
    "会议还指出，要加快推进重点项目建设，确保全年目标任务圆满完成。",
    "会议要求，各级各部门要强化责任担当，狠抓工作落实，以实干实绩迎接新的一年。",
    "会议强调，要扎实做好冬季安全生产工作。",
    "会议还研究了其他事项。",
  ],
];

const line = (text: string, expected: string): Byline => ({ line: text, expected, trailing: false });
const trailing = (text: string, expected: string): Byline => ({ line: text, expected, trailing: true });

export const BYLINES: Byline[] = [
  line("□ 吴苏梅", "吴苏梅"),
  line("□吴苏梅", "吴苏梅"),
  line("■ 张三 李四", "张三 李四"),
  line("◇ 王五", "王五"),
  line("★ 钱九", "钱九"),
  line("本报记者 张三", "本报记者 张三"),
  line("本报记者　张三　李四", "本报记者 张三 李四"),
  line("本报特约记者 钱九", "本报特约记者 钱九"),
  line("本报通讯员 赵六", "本报通讯员 赵六"),
  line("记者 王五 通讯员 赵六", "记者 王五 通讯员 赵六"),
  line("见习记者 林二", "见习记者 林二"),
  line("实习生 陈十", "实习生 陈十"),
  line("（本报记者 张三）", "本报记者 张三"),
  line("(记者 张三)", "记者 张三"),
  line("【记者 张三】", "记者 张三"),
  line("文/图 本报记者 孙七", "文/图 本报记者 孙七"),
  line("图／文 本报记者 孙七", "图／文 本报记者 孙七"),
  line("新华社记者 周八", "新华社记者 周八"),
  line("记者：李明", "记者：李明"),
  line("作者:马二", "作者:马二"),
  line("摄影 刘一", "摄影 刘一"),
  trailing("（记者 张三 通讯员 李四）", "记者 张三 通讯员 李四"),
  trailing("(本报记者 王五)", "本报记者 王五"),
  trailing("（实习生 陈十）", "实习生 陈十"),
  trailing("【首席记者 赵六】", "首席记者 赵六"),
];

export const NOTES_TO: Note[] = [
  { text: "（下转第8版）", page: "8" },
  { text: "(下转第8版)", page: "8" },
  { text: "（下转8版）", page: "8" },
  { text: "（下转第A8版）", page: "A8" },
  { text: "（下转第A08版）", page: "A08" },
  { text: "（下转第８版）", page: "8" },
  { text: "（下转第Ａ３版）", page: "A3" },
  { text: "（下转第十二版）", page: "12" },
  { text: "（下转第二十一版）", page: "21" },
  { text: "（转第5版）", page: "5" },
  { text: "（转5版）", page: "5" },
  { text: "（ 下转 第 8 版 ）", page: "8" },
  { text: "〔下转第3版〕", page: "3" },
  { text: "【下转第3版】", page: "3" },
  { text: "［下转第B2版］", page: "B2" },
  { text: "[下转第B12版]", page: "B12" },
];

export const NOTES_FROM: Note[] = [
  { text: "（上接第1版）", page: "1" },
  { text: "(上接第1版)", page: "1" },
  { text: "（上接1版）", page: "1" },
  { text: "（接上第1版）", page: "1" },
  { text: "（接第A1版）", page: "A1" },
  { text: "（上接第一版）", page: "1" },
  { text: "（上接第十版）", page: "10" },
  { text: "（上接第１版）", page: "1" },
  { text: "（ 上接 第 A 01 版 ）", page: "A01" },
  { text: "【上接第2版】", page: "2" },
  { text: "﹙上接第2版﹚", page: "2" },
];

export const TO_PLACEMENTS: ToPlacement[] = ["alone", "end"];
export const FROM_PLACEMENTS: FromPlacement[] = ["before-title", "after-title", "body"];

/** What the parser should find in the article, from its parts. */
export function expectedParse(article: CorpusArticle): PastedArticle {
  const note = (direction: "to" | "from", found: Note | null): ContinuationNote | null =>
    found && { direction, page: found.page, text: found.text.replace(/\s+/g, "") };
  return {
    title: article.title,
    byline: article.byline?.expected ?? null,
    paragraphs: article.paragraphs,
    continuedTo: note("to", article.to),
    continuedFrom: note("from", article.from),
  };
}

/**
 * Hard-wraps a paragraph at `columns` characters as a layout system does: any
 * character may end a line, except that a Latin word stays whole and the
 * space before it is dropped at the break. (A space between Chinese
 * characters, as in "本报讯 11月", is never at a break: it would be lost.)
 */
export function hardWrap(text: string, columns: number): string[] {
  const tokens = text.match(/[A-Za-z]+|[^\sA-Za-z]\s[^\sA-Za-z]|./gu) ?? [];
  const lines: string[] = [];
  let current = "";
  for (const token of tokens) {
    if (current && [...current].length + [...token].length > columns) {
      lines.push(current.trimEnd());
      current = "";
    }
    if (!current && token === " ") continue;
    current += token;
  }
  if (current) lines.push(current);
  return lines;
}

/** The article as copied from `source`, with "\n" line breaks and no stray characters. */
export function renderPaste(article: CorpusArticle, source: Source): string {
  const { byline, to, from } = article;
  const paragraphs = [...article.paragraphs];
  if (from?.placement === "body") paragraphs[0] = from.text + paragraphs[0];
  if (byline?.trailing) paragraphs[paragraphs.length - 1] += byline.line;
  if (byline && !byline.trailing) paragraphs.push(byline.line);
  if (to?.placement === "end") paragraphs[paragraphs.length - 1] += to.text;
  const title = from?.placement === "after-title" ? article.title + from.text : article.title;
  const head = from?.placement === "before-title" ? [from.text, ...(source === "word" ? [] : [""])] : [];
  const tail = to?.placement === "alone" ? [to.text] : [];
  switch (source) {
    // Indented with ideographic spaces, hard-wrapped; the note's own line is not indented.
    case "layout":
      return [...head, title, "", ...paragraphs.flatMap((text) => indent("　　", hardWrap(text, 18))), ...tail].join(
        "\n",
      );
    // pdf.js turns the indentation into ordinary spaces and wraps at its own column.
    case "pdf":
      return [...head, title, "", ...paragraphs.flatMap((text) => indent("  ", hardWrap(text, 23))), ...tail].join(
        "\n",
      );
    // A browser's copy puts a blank line between block elements.
    case "web":
      return [...head, title, ...paragraphs, ...tail].join("\n\n");
    // Word: one line per paragraph, a blank paragraph after the title.
    case "word":
      return [...head, title, "", ...paragraphs, ...tail].join("\n");
  }
}

function indent(prefix: string, lines: string[]): string[] {
  return lines.map((text, index) => (index === 0 ? prefix + text : text));
}

/** A body as the layout system exports it, ending in a line break: repeated, it stays a series of paragraphs. */
const LAYOUT_BODY = `${BODIES[0].flatMap((text) => indent("　　", hardWrap(text, 18))).join("\n")}\n`;

/**
 * Long pastes (about `size` characters each): runs of spaces and brackets that
 * made the old parser's regular expressions backtrack quadratically, blocks of
 * many lines, and ordinary articles. `paragraphs` is how many the parser must find.
 */
export const LONG_PASTES: { name: string; make: (size: number) => string; paragraphs: (size: number) => number }[] = [
  {
    name: "spaces inside a line",
    make: (size) => `标题\n\n正文${" ".repeat(size)}结束。`,
    paragraphs: () => 1,
  },
  {
    name: "ideographic spaces inside a line",
    make: (size) => `标题\n\n正文${"\u3000".repeat(size)}结束。`,
    paragraphs: () => 1,
  },
  {
    name: "a note opened, then spaces",
    make: (size) => `标题\n\n正文（下转第${" ".repeat(size)}x`,
    paragraphs: () => 1,
  },
  {
    name: "brackets and spaces",
    make: (size) => `标题\n\n${"（ ".repeat(size / 2)}`,
    paragraphs: () => 1,
  },
  {
    name: "an indented block of short lines",
    make: (size) => `标题\n\n　　${"ab\n".repeat(size / 3)}`,
    paragraphs: () => 1,
  },
  {
    name: "one short line per paragraph",
    make: (size) => "第一行。\n".repeat(size / 5),
    paragraphs: (size) => size / 5 - 1,
  },
  {
    name: "ordinary articles",
    make: (size) => `${TITLES[0]}\n\n${LAYOUT_BODY.repeat(Math.ceil(size / LAYOUT_BODY.length))}`,
    paragraphs: (size) => Math.ceil(size / LAYOUT_BODY.length) * BODIES[0].length,
  },
];
