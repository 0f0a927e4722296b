// Dates as they appear in reader URLs ("2026-11-25") and on the page.
// Issue dates are calendar days without a time zone; they are handled as
// "yyyy-mm-dd" strings so no time zone can shift them.

export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;

function isRealDay(year: number, month: number, day: number): boolean {
  if (year < 1800 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

export function toIsoDate(year: number, month: number, day: number): IsoDate {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

export type ParsedUrlDate = { date: IsoDate; canonical: boolean };

/**
 * Reads the date segment of a reader URL. "2026-11-25" is canonical;
 * "20261125" is understood and should be redirected to the canonical form.
 * Anything else (2023-13-45, 2023-02-30, "../../etc") is null: a 404.
 */
export function parseUrlDate(segment: string): ParsedUrlDate | null {
  if (segment.length > 10) return null;
  const iso = ISO_DATE.exec(segment);
  const match = iso ?? COMPACT_DATE.exec(segment);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (!isRealDay(year, month, day)) return null;
  return { date: toIsoDate(year, month, day), canonical: Boolean(iso) };
}

export type YearMonth = { year: number; month: number };

/** "2026-11" → { year: 2026, month: 11 }; anything else → null. */
export function parseYearMonth(segment: string): YearMonth | null {
  const match = MONTH.exec(segment);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  if (year < 1800 || year > 9999 || month < 1 || month > 12) return null;
  return { year, month };
}

export function formatYearMonth({ year, month }: YearMonth): string {
  return `${pad(year, 4)}-${pad(month)}`;
}

export function addMonths({ year, month }: YearMonth, delta: number): YearMonth {
  const index = year * 12 + (month - 1) + delta;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

export function yearMonthOf(date: IsoDate): YearMonth {
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)) };
}

const WEEKDAYS = ["日", "一", "二", "三", "四", "五", "六"];

export function weekdayOf(date: IsoDate): number {
  return dbDate(date).getUTCDay();
}

/** "2026年11月25日 星期三" */
export function formatChineseDate(date: IsoDate, withWeekday = true): string {
  const [year, month, day] = date.split("-").map(Number);
  const text = `${year}年${month}月${day}日`;
  return withWeekday ? `${text} 星期${WEEKDAYS[weekdayOf(date)]}` : text;
}

export function formatChineseMonth({ year, month }: YearMonth): string {
  return `${year}年${month}月`;
}

/** The days of a month laid out in weeks starting on Monday; null pads the first and last week. */
export function monthGrid({ year, month }: YearMonth): (IsoDate | null)[][] {
  const first = toIsoDate(year, month, 1);
  const lead = (weekdayOf(first) + 6) % 7;
  const cells: (IsoDate | null)[] = Array.from({ length: lead }, () => null);
  for (let day = 1; day <= daysInMonth(year, month); day++) cells.push(toIsoDate(year, month, day));
  while (cells.length % 7) cells.push(null);
  const weeks: (IsoDate | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

/**
 * A calendar day typed or sent as "yyyy-mm-dd" (forms, import manifests, the
 * calendar's jump): a real day between 1800 and 9999, or null. The reader's
 * URLs accept the same days, so every edition that can be stored can be read.
 */
export function parseIsoDate(value: string): IsoDate | null {
  const match = ISO_DATE.exec(value.trim());
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return isRealDay(year, month, day) ? toIsoDate(year, month, day) : null;
}

// The one pair of conversions between calendar days and @db.Date columns,
// which Prisma reads and writes as midnight UTC.

/** "2026-11-25" → the Date to store in (or compare with) a @db.Date column. */
export function dbDate(date: IsoDate): Date {
  return new Date(`${date}T00:00:00.000Z`);
}

/** A Date read from a @db.Date column → "2026-11-25". */
export function isoDate(value: Date): IsoDate {
  return value.toISOString().slice(0, 10);
}

/** The day after (or before, with a negative count) a calendar day. */
export function addDays(date: IsoDate, days: number): IsoDate {
  const value = dbDate(date);
  value.setUTCDate(value.getUTCDate() + days);
  return isoDate(value);
}
