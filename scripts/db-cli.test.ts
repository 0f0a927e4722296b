// Operators who give a wrong DATABASE_URL get one clear line and a non-zero exit, no stack trace.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { TEST_SERVER_URL, databaseUrlFor } from "../lib/testing/database";

function run(script: string, databaseUrl: string) {
  const result = spawnSync(process.execPath, ["--import", "tsx", script], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: result.status, lines: `${result.stdout}${result.stderr}`.trim().split("\n").filter(Boolean) };
}

const cases = [
  {
    url: "postgresql://postgres@127.0.0.1:1/banmian",
    message: /Cannot reach database "banmian" on 127\.0\.0\.1:1 \(ECONNREFUSED\)/,
  },
  {
    url: databaseUrlFor("banmian_no_such_database"),
    message: /database "banmian_no_such_database" on .* does not exist/,
  },
  { url: "not a url", message: /DATABASE_URL is not a valid URL/ },
];

for (const script of ["scripts/db-migrate.ts", "scripts/seed.ts"]) {
  for (const { url, message } of cases) {
    test(`${script} with DATABASE_URL=${url}`, () => {
      const { status, lines } = run(script, url);
      assert.equal(status, 1);
      assert.equal(lines.length, 1, `expected one line, got:\n${lines.join("\n")}`);
      assert.match(lines[0], message);
    });
  }
}

test("seed on a database without tables says to migrate first", () => {
  const { status, lines } = run("scripts/seed.ts", TEST_SERVER_URL);
  assert.equal(status, 1);
  assert.deepEqual(lines, ["The database has no Banmian tables yet: run `npm run db:migrate` first."]);
});
