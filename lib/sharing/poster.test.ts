// The poster is a real PNG of the promised width, its Chinese is set in real
// glyphs (not tofu boxes), and it is drawn once and then read from storage.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { getFile, putFile } from "../storage";
import { getPoster, posterKey, POSTER_WIDTH, renderText, type PosterInput } from "./poster";

let storage: string;

before(async () => {
  storage = await mkdtemp(path.join(tmpdir(), "banmian-poster-"));
  process.env.STORAGE_DIR = storage;
  await putFile(
    "pages/p/original.png",
    await sharp({ create: { width: 1000, height: 1400, channels: 3, background: "#f4f1ea" } })
      .png()
      .toBuffer(),
  );
  await putFile(
    "pages/p/medium.webp",
    await sharp({ create: { width: 800, height: 1120, channels: 3, background: "#f4f1ea" } })
      .webp()
      .toBuffer(),
  );
});
after(() => rm(storage, { recursive: true, force: true }));

const input: PosterInput = {
  publication: "海城日报",
  dateLine: "2026年11月25日 第A01版：要闻",
  title: "城市更新稳步推进 老街区焕发新活力",
  subtitle: "多部门联合推出十项举措",
  lead: "本报讯 记者王五报道：海城市今年共完成老旧小区改造一百二十个，惠及居民三万余户。",
  url: "https://paper.example/2026-11-25/a01/1",
  page: {
    source: {
      original: { key: "pages/p/original.png", width: 1000, height: 1400 },
      variants: [{ key: "pages/p/medium.webp", width: 800, height: 1120 }],
    },
    regions: [{ type: "rect", x: 100, y: 200, w: 400, h: 300 }],
  },
};

async function pixels(block: { data: Buffer }) {
  return sharp(block.data).flatten({ background: "#ffffff" }).greyscale().raw().toBuffer();
}

test("Chinese text is drawn in real glyphs: different characters give different ink", async () => {
  const options = { style: "sans", weight: "regular", size: 40, color: "#000000", width: 600 } as const;
  const [a, b] = await Promise.all([renderText("海城日报", options), renderText("城报海日", options)]);
  // Missing glyphs render as identical boxes, so the same boxes in another order would give the same pixels.
  const [pa, pb] = await Promise.all([pixels(a), pixels(b)]);
  assert.notDeepEqual(pa, pb);
  const ink = [...pa].filter((value) => value < 128).length / pa.length;
  assert.ok(ink > 0.05 && ink < 0.6, `ink share ${ink}`);
});

test("the poster is a PNG 750 px wide, long, with the region outlined in red", async () => {
  const data = await getPoster(input);
  const meta = await sharp(data).metadata();
  assert.equal(meta.format, "png");
  assert.equal(meta.width, POSTER_WIDTH);
  assert.ok(meta.height! > 1200 && meta.height! < 3000, `height ${meta.height}`);
  // The region's outline: the page is drawn 654 px wide from y ≈ 150, the rect's left edge at x = 48 + 100 × 0.654.
  const { data: raw, info } = await sharp(data).raw().toBuffer({ resolveWithObject: true });
  let red = 0;
  for (let i = 0; i < raw.length; i += info.channels) if (raw[i] > 140 && raw[i + 1] < 60 && raw[i + 2] < 60) red++;
  assert.ok(red > 3000, `red pixels ${red}`);
});

test("a poster is drawn once and then read from storage; a changed headline makes a new one", async () => {
  const first = await getPoster(input);
  assert.deepEqual(await getFile(posterKey(input)), first);
  assert.notEqual(posterKey({ ...input, title: "另一个标题" }), posterKey(input));
  assert.notEqual(posterKey({ ...input, page: { ...input.page!, regions: [] } }), posterKey(input));
});

test("a page whose image is gone still gets a poster, without the page", async () => {
  const missing: PosterInput = {
    ...input,
    page: {
      ...input.page!,
      source: { original: { key: "pages/gone/original.png", width: 1000, height: 1400 }, variants: [] },
    },
  };
  const meta = await sharp(await getPoster(missing)).metadata();
  assert.equal(meta.width, POSTER_WIDTH);
  assert.ok(meta.height! < 1000);
});
