// Reading preferences kept in localStorage and mirrored on <html> (see
// BEFORE_PAINT_SCRIPT, which applies them before the first paint).
import { DEFAULT_FONT_STEP, FONT_STEP_KEY, THEME_KEY, clampFontStep } from "@/lib/reading/font-size";

const CHANGE_EVENT = "banmian:preferences";

export function readFontStep(): number {
  const value = Number(document.documentElement.getAttribute("data-font-step") ?? DEFAULT_FONT_STEP);
  return clampFontStep(value);
}

export function setFontStep(step: number): void {
  const next = clampFontStep(step);
  document.documentElement.setAttribute("data-font-step", String(next));
  try {
    localStorage.setItem(FONT_STEP_KEY, String(next));
  } catch {
    // Private browsing without storage: the size still applies to this page.
  }
  window.dispatchEvent(new Event(CHANGE_EVENT));
}

export function changeFontStep(delta: number | "default"): void {
  setFontStep(delta === "default" ? DEFAULT_FONT_STEP : readFontStep() + delta);
}

export function toggleTheme(): void {
  const root = document.documentElement;
  const next = root.getAttribute("data-theme") === "dark" ? "light" : "dark";
  root.setAttribute("data-theme", next);
  try {
    localStorage.setItem(THEME_KEY, next);
  } catch {
    // As above: the choice holds for this page only.
  }
  window.dispatchEvent(new Event(CHANGE_EVENT));
}

export function subscribePreferences(onChange: () => void): () => void {
  window.addEventListener(CHANGE_EVENT, onChange);
  return () => window.removeEventListener(CHANGE_EVENT, onChange);
}

/** What BEFORE_PAINT_SCRIPT does, for documents React renders in the browser (where that script never runs). */
export function applyStoredPreferences(): void {
  const root = document.documentElement;
  try {
    const step = Number.parseInt(localStorage.getItem(FONT_STEP_KEY) ?? "", 10);
    root.setAttribute("data-font-step", String(Number.isNaN(step) ? DEFAULT_FONT_STEP : clampFontStep(step)));
    const stored = localStorage.getItem(THEME_KEY);
    const theme =
      stored === "light" || stored === "dark"
        ? stored
        : matchMedia("(prefers-color-scheme: dark)").matches
          ? "dark"
          : "light";
    root.setAttribute("data-theme", theme);
  } catch {
    // Storage unavailable: keep the defaults rendered by the server.
  }
}
