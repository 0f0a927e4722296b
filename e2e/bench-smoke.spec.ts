import { spawnSync } from "node:child_process";
import { expect, test } from "@playwright/test";

// `npm run bench -- --smoke` against the server this run already started: a
// few seconds, no goals judged, so the benchmark cannot rot unnoticed.
test("the benchmark's smoke run prints one side-by-side table for every view", async ({ baseURL }, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "one run is enough; it opens its own phone-sized Chromium");
  test.setTimeout(300_000);
  const port = Number(new URL(baseURL!).port);
  const run = spawnSync("npx", ["tsx", "scripts/bench.ts", "--smoke", "--base", baseURL!, "--port", String(port)], {
    encoding: "utf8",
    timeout: 290_000,
  });
  expect(run.status, run.stderr).toBe(0);
  const table = run.stdout;
  expect(table).toContain("|  | home | page | article | calendar |");
  // Every view was loaded on both servers: a ratio, not a dash, in each column.
  expect(table).toMatch(/ratio app ÷ bare[^|]*\|( \d+\.\d\d× \|){4}/);
  // The phone's cold download and client JS were measured by Chromium (the smoke opens the article view).
  expect(table).toMatch(/phone cold download[^|]*\| – \| – \| \d+ KB \| – \|/);
  expect(table).toMatch(/client JS, gzip[^|]*\| – \| – \| \d+(\.\d)? KB \| – \|/);
  // Each first-request cell says how many URLs it is from.
  expect(table).toMatch(
    /first request p50 \/ p95 \/ p99 ms \(n URLs\), archive[^|]*\| – \|( [\d.]+ \/ [\d.]+ \/ [\d.]+ \(n = \d+\) \|){3}/,
  );
});
