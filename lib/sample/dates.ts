// Calendar dates as "YYYY-MM-DD" strings; editions are dated in China time.
import { dbDate } from "../reading/dates";

export { addDays } from "../reading/dates";

export function todayInShanghai(now = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone: "Asia/Shanghai",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(now);
}

/** A running issue number, as dailies print it: one per day since the paper's first issue (1949-10-01 here). */
export function issueNumberFor(date: string): number {
  return Math.round((dbDate(date).getTime() - dbDate("1949-10-01").getTime()) / 86_400_000) + 1;
}

const WEEKDAYS = ["日", "一", "二", "三", "四", "五", "六"];
export function chineseDateLabel(date: string): string {
  const d = dbDate(date);
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日　星期${WEEKDAYS[d.getUTCDay()]}`;
}
