import { test } from "node:test";
import assert from "node:assert/strict";
import { addMonths, formatChineseDate, monthGrid, parseUrlDate, parseYearMonth } from "./dates";

test("URL dates: canonical, compact (to redirect) and invalid", () => {
  assert.deepEqual(parseUrlDate("2023-12-26"), { date: "2023-12-26", canonical: true });
  assert.deepEqual(parseUrlDate("20231226"), { date: "2023-12-26", canonical: false });
  for (const bad of [
    "2023-13-45",
    "2023-02-30",
    "2023-2-3",
    "../../etc",
    "",
    "2023-12-26x",
    "9".repeat(500),
    "2024-02-30",
  ]) {
    assert.equal(parseUrlDate(bad), null, bad);
  }
  assert.deepEqual(parseUrlDate("2024-02-29"), { date: "2024-02-29", canonical: true });
});

test("months", () => {
  assert.deepEqual(parseYearMonth("2026-11"), { year: 2026, month: 11 });
  assert.equal(parseYearMonth("2026-13"), null);
  assert.deepEqual(addMonths({ year: 2026, month: 12 }, 1), { year: 2027, month: 1 });
  assert.deepEqual(addMonths({ year: 2026, month: 1 }, -1), { year: 2025, month: 12 });
  assert.deepEqual(addMonths({ year: 2026, month: 3 }, -12), { year: 2025, month: 3 });
});

test("month grid starts on Monday and pads with null", () => {
  const grid = monthGrid({ year: 2026, month: 11 });
  // 1 November 2026 is a Sunday: six empty cells before it.
  assert.deepEqual(grid[0].slice(0, 7), [null, null, null, null, null, null, "2026-11-01"]);
  assert.equal(grid.flat().filter(Boolean).length, 30);
  assert.ok(grid.every((week) => week.length === 7));
});

test("Chinese date", () => {
  assert.equal(formatChineseDate("2026-11-25"), "2026年11月25日 星期三");
});

test("typed dates: real days between 1800 and 9999; one pair of conversions to and from DATE columns", async () => {
  const { addDays, dbDate, isoDate, parseIsoDate } = await import("./dates");
  assert.equal(parseIsoDate(" 2026-11-25 "), "2026-11-25");
  for (const bad of ["2026-02-30", "1700-01-01", "26-11-25", "2026/11/25", "", "2026-11-25T00:00"])
    assert.equal(parseIsoDate(bad), null, bad);
  assert.equal(dbDate("2026-11-25").toISOString(), "2026-11-25T00:00:00.000Z");
  assert.equal(isoDate(dbDate("2024-02-29")), "2024-02-29");
  assert.equal(addDays("2026-12-31", 1), "2027-01-01");
  assert.equal(addDays("2024-03-01", -1), "2024-02-29");
});
