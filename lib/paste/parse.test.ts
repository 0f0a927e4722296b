import { test } from "node:test";
import assert from "node:assert/strict";
import {
  findSimilarTitle,
  normalizePageRef,
  pageRefMatches,
  parsePastedArticle,
  splitParagraphs,
  titleSimilarity,
} from "./parse";

test("blank lines separate paragraphs; the first becomes the title", () => {
  const result = parsePastedArticle(
    "海城港吞吐量创新高\n\n今年前十个月，海城港货物吞吐量同比增长12%。\n\n港务局表示，将继续扩建码头。",
  );
  assert.equal(result.title, "海城港吞吐量创新高");
  assert.deepEqual(result.paragraphs, ["今年前十个月，海城港货物吞吐量同比增长12%。", "港务局表示，将继续扩建码头。"]);
  assert.equal(result.byline, null);
  assert.equal(result.continuedTo, null);
  assert.equal(result.continuedFrom, null);
});

test("full-width indented lines start paragraphs; wrapped lines join without spaces", () => {
  const text = "　　今年前十个月，海城港货物吞吐量\n同比增长12%，创历史新高。\n　　港务局表示，将继续扩建\n码头。";
  assert.deepEqual(splitParagraphs(text), [
    "今年前十个月，海城港货物吞吐量同比增长12%，创历史新高。",
    "港务局表示，将继续扩建码头。",
  ]);
});

test("ASCII-space indentation works like full-width indentation", () => {
  assert.deepEqual(splitParagraphs("  第一段开始\n接着写。\n  第二段。"), ["第一段开始接着写。", "第二段。"]);
});

test("Windows line endings and non-breaking spaces are handled", () => {
  assert.deepEqual(splitParagraphs("第一段。\r\n\r\n第二段。\r\n"), ["第一段。", "第二段。"]);
});

test("lines without blank lines or indentation are one paragraph each", () => {
  assert.deepEqual(splitParagraphs("第一行。\n第二行。\n第三行。"), ["第一行。", "第二行。", "第三行。"]);
});

test("wrapped English words keep a space", () => {
  assert.deepEqual(splitParagraphs("　　The port of Haicheng\nreported growth."), [
    "The port of Haicheng reported growth.",
  ]);
});

test("an explicit title keeps the first paragraph in the body", () => {
  const result = parsePastedArticle("第一段。\n\n第二段。", { title: "给定标题" });
  assert.equal(result.title, "给定标题");
  assert.deepEqual(result.paragraphs, ["第一段。", "第二段。"]);
});

for (const [label, line, expected] of [
  ["□ with a space", "□ 吴苏梅", "吴苏梅"],
  ["□ without a space", "□吴苏梅", "吴苏梅"],
  ["■ and two names", "■ 张三 李四", "张三 李四"],
  ["本报记者", "本报记者 张三", "本报记者 张三"],
  ["本报记者 with full-width space", "本报记者　张三　李四", "本报记者 张三 李四"],
  ["记者 and 通讯员", "记者 王五 通讯员 赵六", "记者 王五 通讯员 赵六"],
  ["bracketed alone", "（本报记者 张三）", "本报记者 张三"],
  ["ASCII brackets alone", "(记者 张三)", "记者 张三"],
  ["文/图", "文/图 本报记者 孙七", "文/图 本报记者 孙七"],
  ["新华社", "新华社记者 周八", "新华社记者 周八"],
] as const) {
  test(`a byline at the end is moved to the byline field: ${label}`, () => {
    const result = parsePastedArticle(`标题\n\n正文第一段。\n\n正文第二段。\n\n${line}`);
    assert.equal(result.byline, expected);
    assert.deepEqual(result.paragraphs, ["正文第一段。", "正文第二段。"]);
  });
}

test("a bracketed byline at the end of the last sentence is moved", () => {
  const result = parsePastedArticle("标题\n\n正文第一段。\n\n最后一段结束。（记者 张三 通讯员 李四）");
  assert.equal(result.byline, "记者 张三 通讯员 李四");
  assert.deepEqual(result.paragraphs, ["正文第一段。", "最后一段结束。"]);
});

test("a last paragraph that is an ordinary sentence is not taken for a byline", () => {
  const result = parsePastedArticle("标题\n\n正文第一段。\n\n记者从市政府获悉，工程年底完工。");
  assert.equal(result.byline, null);
  assert.equal(result.paragraphs.length, 2);
});

test("a short last sentence ending in a full stop is not a byline", () => {
  const result = parsePastedArticle("标题\n\n正文。\n\n□ 完。");
  assert.equal(result.byline, null);
});

for (const [label, ending, page] of [
  ["full-width brackets with 第", "（下转第8版）", "8"],
  ["ASCII brackets", "(下转第8版)", "8"],
  ["without 第", "（下转8版）", "8"],
  ["with a section letter", "（下转第A8版）", "A8"],
  ["with zero padding", "（下转第A08版）", "A08"],
  ["with full-width digits", "（下转第８版）", "8"],
  ["with Chinese numerals", "（下转第十二版）", "12"],
  ["转 without 下", "（转第5版）", "5"],
  ["with inner spaces", "（ 下转 第 8 版 ）", "8"],
] as const) {
  test(`"continued on" at the end is recognised and removed: ${label}`, () => {
    const result = parsePastedArticle(`标题\n\n第一段。\n\n最后一段写到一半${ending}`);
    assert.equal(result.continuedTo?.page, page);
    assert.deepEqual(result.paragraphs, ["第一段。", "最后一段写到一半"]);
  });
}

test('"continued on" alone on the last line is removed with its line', () => {
  const result = parsePastedArticle("标题\n\n第一段。\n\n第二段。\n\n（下转第8版）");
  assert.equal(result.continuedTo?.page, "8");
  assert.deepEqual(result.paragraphs, ["第一段。", "第二段。"]);
});

test('"continued on" after a byline line: both are recognised', () => {
  const result = parsePastedArticle("标题\n\n第一段。\n\n第二段。\n\n本报记者 张三\n\n（下转第8版）");
  assert.equal(result.continuedTo?.page, "8");
  assert.equal(result.byline, "本报记者 张三");
  assert.deepEqual(result.paragraphs, ["第一段。", "第二段。"]);
});

for (const [label, opening, page] of [
  ["full-width brackets with 第", "（上接第1版）", "1"],
  ["ASCII brackets", "(上接第1版)", "1"],
  ["without 第", "（上接1版）", "1"],
  ["接上 spelling", "（接上第1版）", "1"],
  ["接 only", "（接第A1版）", "A1"],
  ["Chinese numeral", "（上接第一版）", "1"],
] as const) {
  test(`"continued from" at the start is recognised and removed: ${label}`, () => {
    const result = parsePastedArticle(`续篇标题\n\n${opening}会议还指出，要加快建设。\n\n第二段。`);
    assert.equal(result.continuedFrom?.page, page);
    assert.equal(result.title, "续篇标题");
    assert.deepEqual(result.paragraphs, ["会议还指出，要加快建设。", "第二段。"]);
  });
}

test('"continued from" on its own line before the title', () => {
  const result = parsePastedArticle("（上接第1版）\n\n续篇标题\n\n会议还指出。\n\n□ 吴苏梅");
  assert.equal(result.continuedFrom?.page, "1");
  assert.equal(result.title, "续篇标题");
  assert.deepEqual(result.paragraphs, ["会议还指出。"]);
  assert.equal(result.byline, "吴苏梅");
});

test('"continued from" after the title on the same line', () => {
  const result = parsePastedArticle("续篇标题（上接第1版）\n\n会议还指出。");
  assert.equal(result.continuedFrom?.page, "1");
  assert.equal(result.title, "续篇标题");
});

test("a middle part carries both notes", () => {
  const result = parsePastedArticle("中篇\n\n（上接第1版）中间的内容。\n\n更多内容（下转第8版）");
  assert.equal(result.continuedFrom?.page, "1");
  assert.equal(result.continuedTo?.page, "8");
  assert.deepEqual(result.paragraphs, ["中间的内容。", "更多内容"]);
});

test("a note in the middle of the text is left alone", () => {
  const result = parsePastedArticle("标题\n\n前文（下转第8版）后文还在继续。\n\n结尾。");
  assert.equal(result.continuedTo, null);
  assert.equal(result.paragraphs[0], "前文（下转第8版）后文还在继续。");
});

test("a real-looking front-page lead, indented export with byline and continuation", () => {
  const text = [
    "海城新区建设提速 年内开工项目超百个",
    "",
    "　　本报讯 11月24日，记者从海城新区管委会获悉，今年以来新区",
    "累计开工重点项目103个，完成投资286亿元。",
    "　　管委会负责人介绍，新区将继续优化营商环境，推动项目",
    "早开工、早投产。",
    "　　□ 吴苏梅",
    "（下转第8版）",
  ].join("\n");
  const result = parsePastedArticle(text);
  assert.equal(result.title, "海城新区建设提速 年内开工项目超百个");
  assert.equal(result.byline, "吴苏梅");
  assert.equal(result.continuedTo?.page, "8");
  assert.deepEqual(result.paragraphs, [
    "本报讯 11月24日，记者从海城新区管委会获悉，今年以来新区累计开工重点项目103个，完成投资286亿元。",
    "管委会负责人介绍，新区将继续优化营商环境，推动项目早开工、早投产。",
  ]);
});

test("empty input gives an empty article", () => {
  assert.deepEqual(parsePastedArticle("  \n\n "), {
    title: "",
    byline: null,
    paragraphs: [],
    continuedTo: null,
    continuedFrom: null,
  });
});

test("page references are normalised and matched against page codes", () => {
  assert.equal(normalizePageRef("Ａ０８"), "A08");
  assert.equal(normalizePageRef("十"), "10");
  assert.equal(normalizePageRef("二十一"), "21");
  assert.ok(pageRefMatches("8", "A08"));
  assert.ok(pageRefMatches("8", "8"));
  assert.ok(pageRefMatches("A8", "a08"));
  assert.ok(!pageRefMatches("B8", "A08"));
  assert.ok(!pageRefMatches("18", "A08"));
});

test("similar titles are found; unrelated ones are not", () => {
  assert.equal(titleSimilarity("海城新区建设提速", "海城新区建设提速"), 1);
  assert.ok(titleSimilarity("海城新区建设提速 年内开工项目超百个", "海城新区建设提速（续）") >= 0.5);
  const candidates = [{ title: "体育新闻" }, { title: "新区建设提速" }, { title: "天气预报" }];
  assert.equal(findSimilarTitle("海城新区建设提速 年内开工项目超百个", candidates)?.title, "新区建设提速");
  assert.equal(findSimilarTitle("完全不同的标题", candidates), null);
});

// Text copied from web pages, PDFs and Word carries characters the eye cannot see.

test("every kind of space inside a line becomes one ordinary space", () => {
  assert.deepEqual(splitParagraphs("第一段\u00a0开始\u2009\u202f继续\u3000结束\t了。"), ["第一段 开始 继续 结束 了。"]);
});

test("zero-width characters and soft hyphens are dropped everywhere", () => {
  const result = parsePastedArticle("\ufeff标题\u200b\n\n正\u200c文\u2060。\u00ad\n\n本报\u200d记者 张三");
  assert.equal(result.title, "标题");
  assert.deepEqual(result.paragraphs, ["正文。"]);
  assert.equal(result.byline, "本报记者 张三");
});

test("lines indented with em spaces, non-breaking spaces or a tab start paragraphs", () => {
  assert.deepEqual(splitParagraphs("\u2003\u2003第一段\n接着。\n\u00a0\u00a0第二段。\n\t第三段。\n\u2003第四段。"), [
    "第一段接着。",
    "第二段。",
    "第三段。",
    "第四段。",
  ]);
});

test("one narrow space or a zero-width character does not indent a line", () => {
  assert.deepEqual(splitParagraphs("　　第一段开始\n\u200b接着写，\n 还在第一段。"), [
    "第一段开始接着写，还在第一段。",
  ]);
});

test("CR alone, U+2028 and Word's vertical-tab line break end lines", () => {
  const result = parsePastedArticle("标题\r\r第一段。\r\r第二段。\r");
  assert.equal(result.title, "标题");
  assert.deepEqual(result.paragraphs, ["第一段。", "第二段。"]);
  assert.deepEqual(splitParagraphs("第一行。\u2028第二行。\v第三行。"), ["第一行。", "第二行。", "第三行。"]);
});

test("a line of only invisible or exotic spaces is a blank line", () => {
  assert.deepEqual(splitParagraphs("第一段第一行\n接着写\n\u2009\u200b\u00a0\n第二段第一行\n接着写"), [
    "第一段第一行接着写",
    "第二段第一行接着写",
  ]);
});

for (const [label, ending, page] of [
  ["spaces inside the number", "（下转第1 2版）", "12"],
  ["spaces between every character", "（ 下 转 第 A 0 8 版 ）", "A08"],
  ["lenticular brackets", "【下转第3版】", "3"],
  ["tortoise-shell brackets", "〔下转第3版〕", "3"],
  ["full-width square brackets and letter", "［下转第Ｂ２版］", "B2"],
  ["zero-width characters inside", "（下\u200b转第\u20608\u200c版）", "8"],
] as const) {
  test(`"continued on" survives pasting: ${label}`, () => {
    const result = parsePastedArticle(`标题\n\n第一段。\n\n最后一段写到一半${ending}`);
    assert.equal(result.continuedTo?.page, page);
    assert.deepEqual(result.paragraphs, ["第一段。", "最后一段写到一半"]);
  });
}

test('"continued from" in small parentheses with spaces', () => {
  const result = parsePastedArticle("续篇标题\n\n﹙ 上接 第 1 版 ﹚会议还指出。\n\n第二段。");
  assert.equal(result.continuedFrom?.page, "1");
  assert.equal(result.continuedFrom?.text, "﹙上接第1版﹚");
  assert.deepEqual(result.paragraphs, ["会议还指出。", "第二段。"]);
});

for (const [line, expected] of [
  ["记者：李明", "记者：李明"],
  ["作者:马二", "作者:马二"],
  ["文／图\u00a0本报记者\u2009孙七", "文／图 本报记者 孙七"],
  ["本 报 记 者\u3000张 三", "本 报 记 者 张 三"],
] as const) {
  test(`bylines with colons, full-width slashes or letter-spacing: ${line}`, () => {
    const result = parsePastedArticle(`标题\n\n正文第一段。\n\n正文第二段。\n\n${line}`);
    assert.equal(result.byline, expected);
    assert.deepEqual(result.paragraphs, ["正文第一段。", "正文第二段。"]);
  });
}

test("a bracketed byline after the last sentence, with spaces inside its role", () => {
  const result = parsePastedArticle("标题\n\n正文第一段。\n\n最后一段结束。 ( 记 者  张三 )");
  assert.equal(result.byline, "记 者 张三");
  assert.deepEqual(result.paragraphs, ["正文第一段。", "最后一段结束。"]);
});

test("a number broken over two lines is joined without a space", () => {
  assert.deepEqual(splitParagraphs("　　今年同比增长1\n2%，吞吐量2.\n3亿吨。\n　　Port of\nHaicheng."), [
    "今年同比增长12%，吞吐量2.3亿吨。",
    "Port of Haicheng.",
  ]);
});

test("Word: after a blank line under the title, each line is a paragraph", () => {
  const result = parsePastedArticle(
    "海城港吞吐量创新高\n\n今年前十个月，吞吐量同比增长12%。\n港务局表示，将继续扩建码头。\n“我们有信心。”\n本报记者 张三",
  );
  assert.equal(result.title, "海城港吞吐量创新高");
  assert.deepEqual(result.paragraphs, [
    "今年前十个月，吞吐量同比增长12%。",
    "港务局表示，将继续扩建码头。",
    "“我们有信心。”",
  ]);
  assert.equal(result.byline, "本报记者 张三");
});

test("PDF: unindented hard-wrapped lines join; a short line ending a sentence closes the paragraph", () => {
  const text = [
    "海城港吞吐量创新高",
    "",
    "今年前十个月，海城港货物吞吐量同比",
    "增长12%。",
    "港务局表示，将继续扩建码头，预计明",
    "年投入使用，届时吞吐能力将再提高",
    "三成。",
  ].join("\n");
  assert.deepEqual(parsePastedArticle(text).paragraphs, [
    "今年前十个月，海城港货物吞吐量同比增长12%。",
    "港务局表示，将继续扩建码头，预计明年投入使用，届时吞吐能力将再提高三成。",
  ]);
});

test("blank lines before and after the text change nothing", () => {
  assert.deepEqual(
    parsePastedArticle("\n \n标题\n第一行。\n第二行。\n\n\u3000\n"),
    parsePastedArticle("标题\n第一行。\n第二行。"),
  );
});
