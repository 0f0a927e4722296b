"use client";
import { useSyncExternalStore } from "react";
import { DEFAULT_FONT_STEP, FONT_STEPS } from "@/lib/reading/font-size";
import { changeFontStep, readFontStep, subscribePreferences } from "./preferences";

const button =
  "min-h-11 min-w-11 rounded border border-neutral-400 px-3 text-sm hover:bg-neutral-100 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-blue-600 disabled:opacity-50 dark:border-neutral-500 dark:hover:bg-neutral-800";

/** 放大 / 缩小 / 默认 for the article text. */
export function FontSizeControls() {
  const step = useSyncExternalStore(subscribePreferences, readFontStep, () => DEFAULT_FONT_STEP);
  return (
    <div role="group" aria-label="字号" className="flex items-center gap-2 print:hidden">
      <button
        type="button"
        className={button}
        onClick={() => changeFontStep(1)}
        disabled={step >= FONT_STEPS.length - 1}
        aria-keyshortcuts="+"
      >
        放大
      </button>
      <button
        type="button"
        className={button}
        onClick={() => changeFontStep(-1)}
        disabled={step <= 0}
        aria-keyshortcuts="-"
      >
        缩小
      </button>
      <button type="button" className={button} onClick={() => changeFontStep("default")} aria-keyshortcuts="0">
        默认
      </button>
      <span className="text-sm text-neutral-700 dark:text-neutral-300" aria-live="polite" data-testid="font-step">
        字号 {step + 1}/{FONT_STEPS.length}
      </span>
    </div>
  );
}
