// Smoke of `npm run reliability` (README "Reliability"): each HTTP part of the
// harness, small, against a production server of its own on a database of its
// own (the parts write hostile values and publish, which must not disturb the
// other specs' data). The full-size run is `npm run reliability`.
import type { Browser } from "@playwright/test";
import { test, expect } from "@playwright/test";
import { createPrismaClient, type PrismaClient } from "../lib/db/client";
import { dropDatabase } from "../lib/testing/database";
import { prepareDatabase } from "../scripts/reliability/app";
import { launchChromium } from "../scripts/reliability/browser";
import { fuzzPart } from "../scripts/reliability/fuzz-part";
import { serve } from "../scripts/reliability/app";
import type { AppServer } from "../scripts/reliability/server";

const database = `${process.env.E2E_DB_NAME ?? "banmian_e2e"}_rel`.slice(0, 63);
const port = Number(process.env.E2E_PORT ?? 3100) + 60;
const distDir = process.env.NEXT_DIST_DIR ?? ".next-e2e";
let server: AppServer;
let prisma: PrismaClient;
let browser: Browser;
let databaseUrl: string;

test.describe.configure({ mode: "serial", timeout: 300_000 });
test.skip(({ isMobile }) => isMobile, "one run is enough");

test.beforeAll(async ({}, testInfo) => {
  if (testInfo.project.name !== "desktop") return;
  test.setTimeout(300_000); // a database of its own: migrate, seed, copy the build, start
  const prepared = await prepareDatabase(database, 1);
  databaseUrl = prepared.databaseUrl;
  server = await serve(prepared, port, `${distDir}-rel`, distDir);
  prisma = createPrismaClient(databaseUrl);
  browser = await launchChromium();
});

test.afterAll(async () => {
  test.setTimeout(60_000);
  await browser?.close();
  await prisma?.$disconnect();
  await server?.stop();
  if (databaseUrl) await dropDatabase(database);
});

test("fuzz: generated URLs, admin forms, paste and manifest cases", async () => {
  // Protects the fuzz from passing vacuously: it must reach routes, forms and direct cases, and count 5xx.
  const edition = await prisma.edition.findFirstOrThrow({
    where: { status: "DRAFT" },
    include: { pages: { include: { articles: true }, orderBy: { sortOrder: "asc" } } },
  });
  const page = edition.pages[0];
  const article = page.articles[0];
  const screens = [
    `/admin/editions/${edition.id}`,
    `/admin/editions/${edition.id}/pages/${page.id}`,
    `/admin/editions/${edition.id}/pages/${page.id}/articles/${article.id}`,
  ];
  const result = await fuzzPart({
    base: server.base,
    databaseUrl,
    prisma,
    browser,
    seed: 20261125,
    cases: 400,
    start: screens,
    allow: () => false,
    maxScreens: screens.length,
  });
  console.log(result.notes.join("\n"));
  const figure = (name: string) => result.figures.find((f) => f.figure === name)!.value;
  expect(figure("cases")).toBe(400);
  const [routes, forms] = String(figure("routes / forms")).split(" / ").map(Number);
  expect(routes).toBeGreaterThan(20);
  expect(forms, "forms found on the edition, page and article screens").toBeGreaterThan(5);
  test.info().annotations.push({ type: "fuzz failures", description: result.failures.slice(0, 5).join("\n") });
  // Known on main: malformed percent-escapes in reader/admin URLs answer 500 (issue #7 item 5, owner: writes).
  // When that is fixed this expectation starts passing: remove the next line then.
  test.fail(true, "malformed URL segments still answer 500 (issue #7 item 5)");
  expect(result.failures, result.failures.slice(0, 3).join("\n")).toEqual([]);
});
