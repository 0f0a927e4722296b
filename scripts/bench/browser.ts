// What a phone downloads opening a view cold, by Chromium's own network
// accounting (CDP Network.loadingFinished encodedDataLength: bytes on the
// wire, headers included), and the view's client JavaScript gzipped. And the
// Lighthouse mobile scores, with Debian's Chromium and no network.
import { gzipSync } from "node:zlib";
import { chromium } from "@playwright/test";
import type { Lighthouse } from "./goals";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-dev-shm-usage"];

export type ColdLoad = { bytes: number; jsGzip: number; requests: number; byType: Record<string, number> };

/** Opens each URL in a fresh 390×844 DPR 3 phone context and waits until the network is quiet (prefetches included). */
export async function coldLoads(urls: string[]): Promise<ColdLoad[]> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    const loads: ColdLoad[] = [];
    for (const url of urls) {
      const context = await browser.newContext({
        viewport: { width: 390, height: 844 },
        deviceScaleFactor: 3,
        isMobile: true,
        hasTouch: true,
        locale: "zh-CN",
      });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send("Network.enable");
      await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
      const types = new Map<string, string>();
      const scripts = new Set<string>();
      const byType: Record<string, number> = {};
      let bytes = 0;
      let requests = 0;
      cdp.on("Network.responseReceived", (event) => {
        types.set(event.requestId, event.type);
        if (event.type === "Script") scripts.add(event.response.url);
      });
      cdp.on("Network.loadingFinished", (event) => {
        const type = types.get(event.requestId) ?? "Other";
        bytes += event.encodedDataLength;
        requests += 1;
        byType[type] = (byType[type] ?? 0) + event.encodedDataLength;
      });
      await page.goto(url, { waitUntil: "load" });
      await page.waitForLoadState("networkidle");
      // Next.js prefetches visible links when the browser is idle after hydration.
      await page.waitForTimeout(1500);
      await page.waitForLoadState("networkidle");
      let jsGzip = 0;
      for (const script of scripts) {
        const body = Buffer.from(await (await fetch(script)).arrayBuffer());
        jsGzip += gzipSync(body).length;
      }
      loads.push({ bytes, jsGzip, requests, byType });
      await context.close();
    }
    return loads;
  } finally {
    await browser.close();
  }
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
      });
    } finally {
      chrome.kill();
    }
  }
  return out;
}
