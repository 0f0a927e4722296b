import { test } from "node:test";
import assert from "node:assert/strict";
import type { Region } from "../content";
import { normalizeText, proposeRegions, uncoveredBlocks } from "./match";
import { column, layerOf } from "./testing";

// Page: 1000 × 1400 pt, layer 10000 units wide; an image 2000 px wide has 0.2 px per unit (2 px per point).
const IMAGE_WIDTH = 2000;

const bridge = {
  title: "跨海大桥主塔顺利封顶",
  paragraphs: [
    "记者从市交通局获悉，海城跨海大桥三号主塔昨日顺利封顶，标志着大桥建设进入上部结构施工阶段。",
    "据介绍，大桥全长十二点六公里，设计时速一百公里，建成后从海城到东岛的车程将缩短至二十分钟。",
  ],
};
const market = {
  title: "江滨夜市重新开张",
  paragraphs: ["经过三个月的改造，江滨夜市昨晚重新开张，一百二十个摊位全部入驻，市民排队品尝各地小吃。"],
};

function rect(region: Region | undefined) {
  assert.ok(region && region.type === "rect", "a rectangle");
  return region;
}

test("normalizing ignores line breaks, spaces, punctuation, width and case", () => {
  assert.equal(normalizeText("海城，\n“ＡＢＣ１２３”\u3000abc-d"), "海城abc123abcd");
});

test("an article printed in one column gets one rectangle around its title and text", () => {
  const layer = layerOf([
    { text: bridge.title, x: 50, y: 100, size: 24 },
    ...column(bridge.paragraphs.join(""), 50, 140, 10, 20),
    { text: market.title, x: 400, y: 100, size: 24 },
    ...column(market.paragraphs[0], 400, 140, 10, 20),
  ]);
  const [proposal, other] = proposeRegions(layer, [bridge, market], IMAGE_WIDTH);
  assert.ok(proposal && other);
  assert.equal(proposal.regions.length, 1);
  const r = rect(proposal.regions[0]);
  // Title at x 50–290 pt, text to 140 + 5 lines × 15 pt; 2 px per point, padded by 0.4 of the title size.
  assert.ok(Math.abs(r.x - 100) < 25 && Math.abs(r.y - 200) < 25, JSON.stringify(r));
  assert.ok(r.x + r.w >= 2 * 290 && r.x + r.w < 2 * 400, "does not reach into the other article");
  assert.ok(r.y + r.h >= 2 * (140 + 4 * 15 + 10), "down to the last line");
  assert.ok(rect(other.regions[0]).x >= 2 * 390);
});

test("text broken differently, hyphenated and in full-width forms is still found", () => {
  const english = {
    title: "Haicheng Bridge tops out",
    paragraphs: ["The international bridge (No. 3) reached its full height on Tuesday, 100 days early."],
  };
  const layer = layerOf([
    { text: "Haicheng Bridge tops out", x: 50, y: 100, size: 24 },
    { text: "The inter-", x: 50, y: 140, size: 10 },
    { text: "national bridge (Ｎｏ．３)", x: 50, y: 155, size: 10 },
    { text: "reached its full height on", x: 50, y: 170, size: 10 },
    { text: "Tuesday，１００ days early.", x: 50, y: 185, size: 10 },
  ]);
  const [proposal] = proposeRegions(layer, [english], IMAGE_WIDTH);
  assert.ok(proposal);
  const r = rect(proposal.regions[0]);
  assert.ok(r.y + r.h >= 2 * 195, "the last line is inside");
});

test("an article continued in a second column gets a region per column when it is not a rectangle", () => {
  const text = bridge.paragraphs.join("") + market.paragraphs[0];
  const article = { title: bridge.title, paragraphs: [text] };
  const chars = Array.from(text);
  const layer = layerOf([
    { text: bridge.title, x: 50, y: 100, size: 24 },
    ...column(chars.slice(0, 100).join(""), 50, 140, 10, 20),
    // The rest runs at the top of the next column, beside the title: an L shape.
    ...column(chars.slice(100).join(""), 300, 200, 10, 20),
  ]);
  const [proposal] = proposeRegions(layer, [article], IMAGE_WIDTH);
  assert.ok(proposal);
  assert.equal(proposal.regions.length, 2, JSON.stringify(proposal.regions));
  assert.ok(rect(proposal.regions[1]).x >= 2 * 290);
});

test("a sentence two articles share goes to the one whose text runs on around it", () => {
  const shared = "市民纷纷表示这样的好政策希望能够长期坚持下去。";
  const first = { title: "社区食堂开到家门口", paragraphs: [`社区食堂本周开业，老人吃饭有了好去处。${shared}`] };
  const second = { title: "医院推出周末专家门诊", paragraphs: [`周末也能看专家了。${shared}医院将根据需求增加科室。`] };
  const layer = layerOf([
    { text: first.title, x: 50, y: 100, size: 24 },
    ...column(first.paragraphs[0], 50, 140, 10, 20),
    { text: second.title, x: 50, y: 400, size: 24 },
    ...column(second.paragraphs[0], 50, 440, 10, 20),
  ]);
  const [a, b] = proposeRegions(layer, [first, second], IMAGE_WIDTH);
  assert.ok(a && b);
  assert.ok(rect(a.regions[0]).y + rect(a.regions[0]).h < 2 * 400, "the first stays above the second's title");
  assert.ok(rect(b.regions[0]).y > 2 * 380);
});

test("one character printed differently does not lose a short title", () => {
  const layer = layerOf([
    { text: "海城跨海大桥主塔封顶", x: 50, y: 100, size: 24 },
    ...column(market.paragraphs[0], 50, 140, 10, 20),
  ]);
  const [proposal] = proposeRegions(layer, [{ title: "海城跨海大橋主塔封顶", paragraphs: [] }], IMAGE_WIDTH);
  assert.ok(proposal, "found despite 橋/桥");
  assert.ok(rect(proposal.regions[0]).y + rect(proposal.regions[0]).h < 2 * 140);
});

test("an article not printed here gets no region inside another's text, though they share a sentence", () => {
  const shared = "市民纷纷表示这样的好政策希望能够长期坚持下去。";
  const printed = { title: "社区食堂开到家门口", paragraphs: [`社区食堂本周开业，老人吃饭有了好去处。${shared}`] };
  const elsewhere = { title: "医院推出周末专家门诊", paragraphs: [`周末也能看专家了。${shared}`] };
  const layer = layerOf([
    { text: printed.title, x: 50, y: 100, size: 24 },
    ...column(printed.paragraphs[0], 50, 140, 10, 20),
  ]);
  const [, proposal] = proposeRegions(layer, [printed, elsewhere], IMAGE_WIDTH);
  assert.equal(proposal, null);
});

test("an article whose text is not on the page gets no proposal", () => {
  const layer = layerOf([
    { text: bridge.title, x: 50, y: 100, size: 24 },
    ...column(bridge.paragraphs[0], 50, 140, 10, 20),
  ]);
  assert.deepEqual(proposeRegions(layer, [market], IMAGE_WIDTH), [null]);
  assert.deepEqual(proposeRegions(layerOf([]), [market], IMAGE_WIDTH), [null]);
});

test("漏标: blocks outside every region are listed; furniture and short blocks (a title alone) are not", () => {
  const layer = layerOf([
    { text: "海城日报　2026年11月25日　星期三", x: 50, y: 20, size: 12 }, // running head, top 12%
    { text: bridge.title, x: 50, y: 200, size: 24 },
    ...column(bridge.paragraphs[0], 50, 240, 10, 20),
    { text: market.title, x: 400, y: 200, size: 24 },
    ...column(market.paragraphs[0], 400, 240, 10, 20),
    { text: "广告", x: 700, y: 800, size: 10 }, // two characters
  ]);
  // Blocks: 0 running head, 1 and 3 titles (10 and 8 characters), 2 and 4 texts, 5 "广告".
  assert.deepEqual(uncoveredBlocks(layer, [], IMAGE_WIDTH), [2, 4]);
  const [proposal] = proposeRegions(layer, [bridge], IMAGE_WIDTH);
  assert.ok(proposal);
  assert.deepEqual(uncoveredBlocks(layer, proposal.regions, IMAGE_WIDTH), [4]);
  const polygon: Region = {
    type: "polygon",
    points: [
      [780, 380],
      [1400, 380],
      [1400, 700],
      [780, 700],
    ],
  };
  assert.deepEqual(uncoveredBlocks(layer, [...proposal.regions, polygon], IMAGE_WIDTH), []);
});
