// The figures each part reports, with their goals, and the table printed at the end.
export type Figure = { part: string; figure: string; value: string | number; goal?: string; ok?: boolean };

export type PartResult = { part: string; figures: Figure[]; notes: string[] };

export function figure(
  part: string,
  name: string,
  value: number | string,
  goal?: { max?: number; min?: number; text?: string },
): Figure {
  if (!goal) return { part, figure: name, value };
  const n = typeof value === "number" ? value : Number.NaN;
  const ok = (goal.max === undefined || n <= goal.max) && (goal.min === undefined || n >= goal.min) && !Number.isNaN(n);
  const text = goal.text ?? (goal.max !== undefined ? (goal.max === 0 ? "0" : `≤ ${goal.max}`) : `≥ ${goal.min}`);
  return { part, figure: name, value, goal: text, ok };
}

export function missed(results: PartResult[]): Figure[] {
  return results.flatMap((result) => result.figures.filter((f) => f.ok === false));
}

const width = (s: string) => [...s].reduce((w, c) => w + (/[\u1100-\uffff]/.test(c) ? 2 : 1), 0);
const pad = (s: string, n: number) => s + " ".repeat(Math.max(0, n - width(s)));

/** A plain-text table, also valid Markdown (README pastes it). */
export function table(results: PartResult[]): string {
  const rows = results
    .flatMap((r) => r.figures)
    .map((f) => [f.part, f.figure, String(f.value), f.goal ?? "", f.ok === undefined ? "" : f.ok ? "ok" : "MISSED"]);
  const head = ["part", "figure", "value", "goal", ""];
  const widths = head.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i]))));
  const line = (cells: string[]) => `| ${cells.map((c, i) => pad(c, widths[i])).join(" | ")} |`;
  return [line(head), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...rows.map(line)].join("\n");
}
