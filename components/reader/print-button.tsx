"use client";

/** 打印: the browser's print dialog (the clip page's print styles hide everything but the clip). */
export function PrintButton() {
  return (
    <button type="button" onClick={() => window.print()} className="text-blue-800 underline dark:text-blue-300">
      打印
    </button>
  );
}
