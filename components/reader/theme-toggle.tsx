"use client";
import { toggleTheme } from "./preferences";

export function ThemeToggle() {
  return (
    <button
      type="button"
      onClick={toggleTheme}
      className="min-h-11 min-w-11 rounded px-2 text-sm hover:bg-neutral-100 focus-visible:outline-3 focus-visible:outline-blue-600 dark:hover:bg-neutral-800"
      title="切换浅色 / 深色"
    >
      <span aria-hidden="true">◐</span> 明暗
    </button>
  );
}
