// Smoke of `npm run reliability` (README "Reliability"): its HTTP parts, small,
// against a production server of their own on a copy of the seeded paper
// (scripts/test.ts keeps it). The parts write hostile values, publish and
// unpublish and may delete anything a random id reaches, so they never touch
// the database the other specs read. The full-size run is `npm run reliability`;
// the crash parts' smoke is scripts/reliability/crash.test.ts.
import { rmSync } from "node:fs";
import type { Browser } from "@playwright/test";
import { test, expect } from "@playwright/test";
import { createPrismaClient, type PrismaClient } from "../lib/db/client";
import { dropDatabase } from "../lib/testing/database";
import { fromSnapshot, serve } from "../scripts/reliability/app";
import { launchChromium } from "../scripts/reliability/browser";
import { fuzzPart } from "../scripts/reliability/fuzz-part";
import { loadPart } from "../scripts/reliability/load";
import type { PartResult } from "../scripts/reliability/report";
import type { AppServer } from "../scripts/reliability/server";
import { xssPart } from "../scripts/reliability/xss";

const e2eDatabase = process.env.E2E_DB_NAME ?? "banmian_e2e";
const database = `${e2eDatabase.slice(0, 55)}_rel`;
const port = Number(process.env.E2E_PORT ?? 3100) + 60;
const distDir = process.env.NEXT_DIST_DIR ?? ".next-e2e";
const storageDir = process.env.STORAGE_DIR!;
let server: AppServer;
let prisma: PrismaClient;
let browser: Browser;
let storageCopy = "";
let databaseUrl = "";

const value = (result: PartResult, name: string) => result.figures.find((f) => f.figure === name)?.value;
const log = (line: string) => console.log(line);

// Not serial: a failing part does not hide the others (the next ones get a fresh copy and server).
test.skip(({ isMobile }) => isMobile, "desktop only: one run is enough (its own server and Chromium)");

test.beforeAll(async ({}, testInfo) => {
  if (testInfo.project.name !== "desktop") return;
  test.setTimeout(120_000); // copy the database and the build, start a server
  const prepared = await fromSnapshot(e2eDatabase, storageDir, database);
  storageCopy = prepared.storageDir;
  databaseUrl = prepared.databaseUrl;
  server = await serve(prepared, port, `${distDir}-rel`, distDir);
  prisma = createPrismaClient(prepared.databaseUrl);
  browser = await launchChromium();
});

test.afterAll(async () => {
  test.setTimeout(60_000);
  await browser?.close();
  await prisma?.$disconnect();
  await server?.stop();
  if (server) {
    await dropDatabase(database);
    rmSync(storageCopy, { recursive: true, force: true });
    rmSync(`${distDir}-rel`, { recursive: true, force: true });
  }
});

test("xss: payloads written through the admin and the import run nowhere", async () => {
  // About 110 views, each opened and waited on: over 150 s once at load average 6 on 2 cores.
  test.setTimeout(300_000);
  const result = await xssPart({
    base: server.base,
    prisma,
    browser,
    limit: 6,
    // Images (card.jpg, poster.png) run nothing: the smoke opens the HTML views.
    readerRoutes: (pattern) => !/\.(jpg|png)$/.test(pattern),
    log,
  });
  console.log(result.notes.join("\n"));
  expect(value(result, "payloads")).toBe(6);
  const [viaImport, viaAdmin] = String(value(result, "articles written through import / admin")).split(" / ");
  expect(Number(viaImport), "articles imported with payloads").toBe(6);
  expect(Number(viaAdmin), "articles saved through the admin form with payloads").toBe(6);
  expect(value(result, "admin saves that stored nothing"), result.notes.join("\n")).toBe(0);
  expect(Number(value(result, "views opened in Chromium"))).toBeGreaterThan(20);
  expect(value(result, "5xx while writing or viewing"), result.notes.join("\n")).toBe(0);
  expect(value(result, "payloads executed"), result.notes.join("\n")).toBe(0);
  // The CSP is the second wall: a violation by a payload's markup means escaping failed and only the CSP held; any
  // other violation on these HTML views is the app's own script or style refused (the notes attribute each).
  expect(value(result, "CSP violations by a payload's markup"), result.notes.join("\n")).toBe(0);
  expect(value(result, "CSP violations reported"), result.notes.join("\n")).toBe(0);
});

test("load: readers meet no error while an editor edits, links and publishes", async () => {
  test.setTimeout(150_000);
  const result = await loadPart({
    part: "load",
    bases: [server.base],
    prisma,
    browser,
    seconds: 6,
    connections: 20,
    // Every kind of change (title, link, publish, title, unlink, unpublish), however slow the machine.
    minSteps: 6,
    every: 1,
    visibleWithin: Number.POSITIVE_INFINITY, // no timing goal in a test: the machine is shared
    log,
  });
  console.log(result.notes.join("\n"));
  expect(Number(value(result, "reader requests"))).toBeGreaterThan(0);
  expect(value(result, "5xx"), result.notes.join("\n")).toBe(0);
  expect(value(result, "errors (network, timeouts, non-2xx)"), result.notes.join("\n")).toBe(0);
  expect(value(result, "editor request errors"), result.notes.join("\n")).toBe(0);
  // Each change reached the readers (the probe gives up after 15 s: "never").
  const seen = result.notes.find((n) => n.startsWith("change seen by a reader request sent after"))!;
  for (const kind of ["title", "link", "unlink", "publish", "unpublish"])
    expect(seen).toMatch(new RegExp(`\\b${kind} \\d+`));
  expect(seen).not.toContain("never");
});

test("fuzz: random values in every admin form and random paths under every route never answer 5xx", async () => {
  test.setTimeout(200_000);
  const result = await fuzzPart({
    base: server.base,
    databaseUrl,
    prisma,
    browser,
    seed: 20261126,
    cases: 300,
    coverEach: true,
    // One screen of each kind; previews are reader views (no forms; their URLs are fuzzed as routes).
    perShape: 1,
    allow: (path) => !/\/preview(\/|$)/.test(path),
    log,
  });
  console.log(result.notes.join("\n"));
  expect(value(result, "cases")).toBe(300);
  expect(result.uncovered, "routes and forms the fuzz sent no case to").toEqual([]);
  const readerRoutes = result.routes.filter((r) => !r.admin);
  expect(readerRoutes.length, "reader routes found in app/").toBeGreaterThan(30);
  expect(result.forms.length, "admin forms found by the crawl").toBeGreaterThan(15);
  // The first failing case, with a curl command (or the direct call) that repeats it.
  expect(result.failures, result.failures.slice(0, 3).join("\n")).toEqual([]);
});
