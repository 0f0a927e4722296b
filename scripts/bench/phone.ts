// What a phone downloads to open a page view and zoom into one article
// (issue #11), counted in a real Chromium (375×812, DPR 3, touch) by its own
// network accounting: HTML, CSS, JavaScript, the page image, prefetches and
// the deep-zoom tiles, everything on the wire. The reader double-taps the
// lead article where it starts, as on a phone: the page zooms 2.5× around
// that point, which puts the sample's body text (21 of the page's 1500 units)
// at about 12 CSS px.
//   npm run bench:phone -- --base http://127.0.0.1:3300 --path /2026-11-25/a02 [--verbose: every response]
// (also prints the page view's cold download on a 390×844 DPR 3 phone, issue #12)
// From scripts/bench.ts: pageAndZoom(url).
import { parseArgs } from "node:util";
import { pathToFileURL } from "node:url";
import { chromium, type Page } from "@playwright/test";
import { ARGS, CHROMIUM, coldLoads, countBytes, openQuietly, phoneContext, type NetworkCount } from "./browser";
import { kb } from "./goals";

export type PhoneZoom = {
  /** Bytes to open the page view cold (the network quiet, prefetches included). */
  openBytes: number;
  /** Bytes the zoom added (the zoom's script and the tiles). */
  zoomBytes: number;
  /** Both, by kind: html, css, js, page image, rsc (prefetched payloads), tiles, other. */
  byKind: Record<string, number>;
  pageImage: string;
  tiles: number;
  tileLevel: number;
  /** Body text size after the zoom, CSS px (the sample's 21-unit type on a 1500-unit page). */
  bodyTextPx: number;
  /** Every response: path (and query), kind, bytes. */
  responses: { url: string; kind: string; bytes: number }[];
};

export const PHONE = { width: 375, height: 812, deviceScaleFactor: 3 };

function kind(url: string, type: string): string {
  const path = new URL(url).pathname;
  if (path.includes("_files/")) return "tiles";
  if (type === "Image" && /\/(thumb|medium|large|original)\.\w+$/.test(path)) return "page image";
  if (type === "Document") return "html";
  if (type === "Script") return "js";
  if (type === "Stylesheet") return "css";
  if (type === "Fetch" || new URL(url).searchParams.has("_rsc")) return "rsc";
  return "other";
}

function byKind(count: NetworkCount): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [url, { type, bytes }] of count.byUrl) {
    const k = kind(url, type);
    out[k] = (out[k] ?? 0) + bytes;
  }
  return out;
}

/** Double-taps the page's first region (its lead article) near its top left corner and waits for the tiles. */
async function zoomIntoLead(page: Page): Promise<{ tiles: number; level: number; scale: number }> {
  const frame = page.getByTestId("page-zoom");
  const lead = frame.locator('a[data-region="1"]').first();
  const box = (await lead.boundingBox())!;
  const x = box.x + Math.min(20, box.width / 4);
  const y = box.y + Math.min(20, box.height / 4);
  await page.touchscreen.tap(x, y);
  await page.touchscreen.tap(x, y);
  await frame.locator("img[data-tile]").first().waitFor({ state: "attached", timeout: 30_000 });
  await page.waitForFunction(() =>
    [...document.querySelectorAll<HTMLImageElement>("img[data-tile]")].every((img) => img.complete),
  );
  await page.waitForLoadState("networkidle");
  const tiles = frame.locator("img[data-tile]");
  const level = Number((await tiles.first().getAttribute("data-tile"))!.split("/")[0]);
  // The frame's first child carries the zoom's transform: its style holds where the zoom goes (the computed
  // one is wherever the 160 ms transition is, which read 9.2 px for 12.2 px type when the tiles came fast).
  const scale = await frame
    .locator(":scope > div")
    .first()
    .evaluate((inner) => new DOMMatrix((inner as HTMLElement).style.transform).a);
  return { tiles: await tiles.count(), level, scale };
}

export async function pageAndZoom(url: string): Promise<PhoneZoom> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    const context = await phoneContext(browser, PHONE);
    const page = await context.newPage();
    const network = await countBytes(context, page);
    await openQuietly(page, url);
    const openBytes = network.bytes;
    const pageImage = await page
      .getByTestId("page-image")
      .locator("img")
      .first()
      .evaluate((img) => new URL((img as HTMLImageElement).currentSrc).pathname.split("/").at(-1) ?? "");
    const zoom = await zoomIntoLead(page);
    if (new URL(page.url()).pathname !== new URL(url).pathname) throw new Error(`the double tap left ${url}`);
    const frameWidth = await page.getByTestId("page-zoom").evaluate((frame) => (frame as HTMLElement).clientWidth);
    const result: PhoneZoom = {
      openBytes,
      zoomBytes: network.bytes - openBytes,
      byKind: byKind(network),
      pageImage,
      tiles: zoom.tiles,
      tileLevel: zoom.level,
      bodyTextPx: (21 / 1500) * frameWidth * zoom.scale,
      responses: [...network.byUrl].map(([url, { type, bytes }]) => ({
        url: url.replace(/^https?:\/\/[^/]+/, ""),
        kind: kind(url, type),
        bytes,
      })),
    };
    await context.close();
    return result;
  } finally {
    await browser.close();
  }
}

export function formatPhoneZoom(result: PhoneZoom): string {
  const parts = Object.entries(result.byKind)
    .sort((a, b) => b[1] - a[1])
    .map(([k, bytes]) => `${k} ${kb(bytes)}`)
    .join(", ");
  return (
    `${kb(result.openBytes + result.zoomBytes)} = open ${kb(result.openBytes)} + zoom ${kb(result.zoomBytes)} ` +
    `(${parts}; page image ${result.pageImage}, ${result.tiles} tiles of level ${result.tileLevel}, ` +
    `body text ${result.bodyTextPx.toFixed(1)} CSS px)`
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { values } = parseArgs({
    options: { base: { type: "string" }, path: { type: "string" }, verbose: { type: "boolean" } },
  });
  if (!values.base || !values.path) {
    console.error("usage: tsx scripts/bench/phone.ts --base http://127.0.0.1:3300 --path /2026-11-25/a02");
    process.exit(2);
  }
  const [cold] = await coldLoads([values.base + values.path]);
  const byType = Object.entries(cold.byType)
    .map(([type, bytes]) => `${type} ${kb(bytes)}`)
    .join(", ");
  console.log(`phone (390×844, 3×) page view cold: ${kb(cold.bytes)} in ${cold.requests} requests (${byType})`);
  const result = await pageAndZoom(values.base + values.path);
  console.log(`phone (375×812, 3×) page view + zoom into the lead article: ${formatPhoneZoom(result)}`);
  if (values.verbose)
    for (const r of result.responses) console.log(`  ${kb(r.bytes).padStart(8)}  ${r.kind.padEnd(10)} ${r.url}`);
}
