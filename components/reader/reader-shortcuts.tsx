"use client";
import { useEffect, useRef } from "react";
import { useRouter } from "next/navigation";
import { changeFontStep } from "./preferences";
import { ZOOM_EVENT, type ZoomCommand } from "./page-zoom-event";

function zoomPage(command: ZoomCommand) {
  document.dispatchEvent(new CustomEvent(ZOOM_EVENT, { detail: command }));
}

export type ShortcutTargets = {
  previousPage: string | null;
  nextPage: string | null;
  previousArticle: string | null;
  nextArticle: string | null;
  /** Swipe left / right for the next / previous page (page view). */
  swipe?: boolean;
  /** Whether + / − / 0 change the article text size (article views). */
  fontSize?: boolean;
  /** Whether z / x / c zoom the page image (page view). */
  zoom?: boolean;
};

const SHORTCUTS: [string, string][] = [
  ["←", "上一版"],
  ["→", "下一版"],
  ["j", "上一篇"],
  ["k", "下一篇"],
  ["+", "放大文字"],
  ["−", "缩小文字"],
  ["0", "默认字号"],
  ["/", "搜索"],
  ["?", "显示本说明"],
];

const ZOOM_SHORTCUTS: [string, string][] = [
  ["z", "放大版面"],
  ["x", "缩小版面"],
  ["c", "还原版面"],
];

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

/** Keyboard shortcuts, swipe between pages, and the "?" dialog that lists the shortcuts. */
export function ReaderShortcuts({
  previousPage,
  nextPage,
  previousArticle,
  nextArticle,
  swipe = false,
  fontSize = false,
  zoom = false,
}: ShortcutTargets) {
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const go = (href: string | null) => href && router.push(href);
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      if (dialog.current?.open && event.key !== "?") return;
      const actions: Record<string, () => unknown> = {
        ArrowLeft: () => go(previousPage),
        ArrowRight: () => go(nextPage),
        j: () => go(previousArticle),
        k: () => go(nextArticle),
        "?": () => (dialog.current?.open ? dialog.current.close() : dialog.current?.showModal()),
        ...(fontSize
          ? {
              "+": () => changeFontStep(1),
              "=": () => changeFontStep(1),
              "-": () => changeFontStep(-1),
              "0": () => changeFontStep("default"),
            }
          : {}),
        ...(zoom
          ? {
              z: () => zoomPage("in"),
              x: () => zoomPage("out"),
              c: () => zoomPage("fit"),
            }
          : {}),
      };
      const action = actions[event.key];
      if (!action) return;
      event.preventDefault();
      action();
    };
    document.addEventListener("keydown", onKey);
    // Lets tests (and styles) know the keys work now, i.e. after hydration.
    document.documentElement.setAttribute("data-shortcuts", "ready");
    return () => {
      document.removeEventListener("keydown", onKey);
      document.documentElement.removeAttribute("data-shortcuts");
    };
  }, [router, previousPage, nextPage, previousArticle, nextArticle, fontSize, zoom]);

  useEffect(() => {
    if (!swipe) return;
    let start: { x: number; y: number; time: number } | null = null;
    const onStart = (event: TouchEvent) => {
      // Two fingers are a pinch; a zoomed-in page pans instead of turning.
      const zoomed =
        (window.visualViewport?.scale ?? 1) > 1.05 || document.documentElement.hasAttribute("data-page-zoomed");
      start =
        event.touches.length === 1 && !zoomed
          ? { x: event.touches[0].clientX, y: event.touches[0].clientY, time: Date.now() }
          : null;
    };
    const onEnd = (event: TouchEvent) => {
      if (!start || event.changedTouches.length !== 1) return;
      const dx = event.changedTouches[0].clientX - start.x;
      const dy = event.changedTouches[0].clientY - start.y;
      const quick = Date.now() - start.time < 1000;
      start = null;
      if (!quick || Math.abs(dx) < 60 || Math.abs(dy) > Math.abs(dx) * 0.6) return;
      const href = dx < 0 ? nextPage : previousPage;
      if (href) router.push(href);
    };
    document.addEventListener("touchstart", onStart, { passive: true });
    document.addEventListener("touchend", onEnd, { passive: true });
    return () => {
      document.removeEventListener("touchstart", onStart);
      document.removeEventListener("touchend", onEnd);
    };
  }, [router, swipe, previousPage, nextPage]);

  return (
    <>
      <button
        type="button"
        onClick={() => dialog.current?.showModal()}
        className="min-h-11 min-w-11 rounded px-2 text-sm hover:bg-neutral-100 focus-visible:outline-3 focus-visible:outline-blue-600 max-md:hidden dark:hover:bg-neutral-800 print:hidden"
        aria-keyshortcuts="?"
      >
        快捷键 <kbd className="font-mono">?</kbd>
      </button>
      <dialog
        ref={dialog}
        aria-labelledby="shortcuts-title"
        className="m-auto w-80 max-w-[calc(100vw-2rem)] rounded-lg bg-white p-6 text-neutral-900 shadow-xl backdrop:bg-black/50 dark:bg-neutral-900 dark:text-neutral-100"
      >
        <h2 id="shortcuts-title" className="mb-4 text-lg font-bold">
          键盘快捷键
        </h2>
        <dl className="grid grid-cols-[4rem_1fr] gap-y-2">
          {[...SHORTCUTS, ...(zoom ? ZOOM_SHORTCUTS : [])].map(([key, label]) => (
            <div key={key} className="contents">
              <dt>
                <kbd className="rounded border border-neutral-400 px-2 font-mono">{key}</kbd>
              </dt>
              <dd>{label}</dd>
            </div>
          ))}
        </dl>
        <p className="mt-4 text-sm text-neutral-700 dark:text-neutral-300">
          在输入框中输入时不生效。手机上左右滑动版面可翻版。
        </p>
        <form method="dialog" className="mt-4 text-right">
          <button className="min-h-11 rounded bg-neutral-900 px-4 text-white dark:bg-neutral-100 dark:text-neutral-900">
            关闭
          </button>
        </form>
      </dialog>
    </>
  );
}
