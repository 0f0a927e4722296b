/** "2026-11-25" for a DATE column value (stored as UTC midnight). */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function dateFromIso(value: string): Date {
  return new Date(`${value}T00:00:00.000Z`);
}

export function formatDateTime(date: Date): string {
  return new Intl.DateTimeFormat("zh-CN", {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "Asia/Shanghai",
  }).format(date);
}

/** The code after the last page's, in the same style: "a08" → "a09", "B3" → "B4"; "A01" for the first page. */
export function nextPageCode(codes: string[]): string {
  const match = /^([A-Za-z]*)(\d+)$/.exec(codes.at(-1) ?? "");
  if (!match) return "A01";
  const number = String(Number(match[2]) + 1).padStart(match[2].length, "0");
  return `${match[1]}${number}`;
}
