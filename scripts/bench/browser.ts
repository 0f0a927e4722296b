// What a phone downloads opening a view cold, by Chromium's own network
// accounting (CDP Network.loadingFinished encodedDataLength: bytes on the
// wire, headers included), and the view's client JavaScript gzipped. And the
// Lighthouse mobile scores, with Debian's Chromium and no network.
import { gzipSync } from "node:zlib";
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from "@playwright/test";
import type { Lighthouse } from "./goals";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-dev-shm-usage"];

export type ColdLoad = { bytes: number; jsGzip: number; requests: number; byType: Record<string, number> };

/** Opens each URL in a fresh 390×844 DPR 3 phone context and waits until the network is quiet (prefetches included). */
export async function coldLoads(urls: string[]): Promise<ColdLoad[]> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    const loads: ColdLoad[] = [];
    for (const url of urls) {
      const context = await phoneContext(browser, { width: 390, height: 844, deviceScaleFactor: 3 });
      const page = await context.newPage();
      const network = await countBytes(context, page);
      await openQuietly(page, url);
      let jsGzip = 0;
      for (const script of network.scripts) {
        const body = Buffer.from(await (await fetch(script)).arrayBuffer());
        jsGzip += gzipSync(body).length;
      }
      loads.push({ bytes: network.bytes, jsGzip, requests: network.requests, byType: network.byType });
      await context.close();
    }
    return loads;
  } finally {
    await browser.close();
  }
}

/** A fresh context that Chromium treats as a phone of this size (touch, mobile viewport, zh-CN). */
export function phoneContext(
  browser: Browser,
  phone: { width: number; height: number; deviceScaleFactor: number },
): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width: phone.width, height: phone.height },
    deviceScaleFactor: phone.deviceScaleFactor,
    isMobile: true,
    hasTouch: true,
    locale: "zh-CN",
  });
}

export type NetworkCount = {
  bytes: number;
  requests: number;
  /** Bytes by CDP resource type (Document, Script, Image, Fetch, …). */
  byType: Record<string, number>;
  /** Bytes and resource type by URL, for a breakdown. */
  byUrl: Map<string, { type: string; bytes: number }>;
  scripts: Set<string>;
};

/**
 * Counts what `page` downloads from now on, by Chromium's own accounting
 * (encodedDataLength: bytes on the wire, headers included), with the cache off.
 */
export async function countBytes(context: BrowserContext, page: Page): Promise<NetworkCount> {
  const cdp: CDPSession = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  const requests = new Map<string, { type: string; url: string }>();
  const count: NetworkCount = { bytes: 0, requests: 0, byType: {}, byUrl: new Map(), scripts: new Set() };
  cdp.on("Network.responseReceived", (event) => {
    requests.set(event.requestId, { type: event.type, url: event.response.url });
    if (event.type === "Script") count.scripts.add(event.response.url);
  });
  cdp.on("Network.loadingFinished", (event) => {
    const { type, url } = requests.get(event.requestId) ?? { type: "Other", url: "?" };
    count.bytes += event.encodedDataLength;
    count.requests += 1;
    count.byType[type] = (count.byType[type] ?? 0) + event.encodedDataLength;
    count.byUrl.set(url, { type, bytes: (count.byUrl.get(url)?.bytes ?? 0) + event.encodedDataLength });
  });
  return count;
}

/** Opens `url` and waits until the network is quiet, prefetches included. */
export async function openQuietly(page: Page, url: string): Promise<void> {
  await page.goto(url, { waitUntil: "load" });
  await page.waitForLoadState("networkidle");
  // Next.js prefetches visible links when the browser is idle after hydration.
  await page.waitForTimeout(1500);
  await page.waitForLoadState("networkidle");
}

/** Lighthouse's default (mobile, simulated throttling) scores, one Chromium per URL as its CLI does. */
export async function lighthouseScores(urls: string[]): Promise<Lighthouse[]> {
  const { default: lighthouse } = await import("lighthouse");
  const { launch } = await import("chrome-launcher");
  const out: Lighthouse[] = [];
  for (const url of urls) {
    const chrome = await launch({ chromePath: CHROMIUM, chromeFlags: ["--headless=new", ...ARGS] });
    try {
      const result = await lighthouse(url, { port: chrome.port, output: "json", logLevel: "error" });
      if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
      const { categories, audits } = result.lhr;
      const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100);
      out.push({
        performance: score("performance"),
        accessibility: score("accessibility"),
        bestPractices: score("best-practices"),
        seo: score("seo"),
        lcpMs: audits["largest-contentful-paint"]?.numericValue ?? 0,
        tbtMs: audits["total-blocking-time"]?.numericValue ?? 0,
      });
    } finally {
      chrome.kill();
    }
  }
  return out;
}
