// Article text size steps for 放大 / 缩小 / 默认. The chosen step is kept in
// localStorage and put on <html data-font-step> by an inline script before
// the first paint; CSS maps each step to a size and line length.
export const FONT_STEPS = [15, 17, 19, 21, 24, 27, 30] as const;
export const DEFAULT_FONT_STEP = 2;
export const FONT_STEP_KEY = "banmian.fontStep";
export const THEME_KEY = "banmian.theme";

export function clampFontStep(step: number): number {
  if (!Number.isInteger(step)) return DEFAULT_FONT_STEP;
  return Math.min(FONT_STEPS.length - 1, Math.max(0, step));
}

/** Runs in <head> before anything is painted; keep it tiny and dependency-free. */
export const BEFORE_PAINT_SCRIPT = `(function(){var d=document.documentElement;try{var s=parseInt(localStorage.getItem(${JSON.stringify(
  FONT_STEP_KEY,
)}),10);if(s>=0&&s<${FONT_STEPS.length})d.setAttribute("data-font-step",String(s));var t=localStorage.getItem(${JSON.stringify(
  THEME_KEY,
)});if(t!=="light"&&t!=="dark")t=matchMedia("(prefers-color-scheme: dark)").matches?"dark":"light";d.setAttribute("data-theme",t)}catch(e){}})();`;
