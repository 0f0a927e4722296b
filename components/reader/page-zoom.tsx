"use client";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, type MouseEvent, type ReactNode } from "react";
import type { ZoomController, ZoomTiles } from "./page-zoom-engine";
import { ZOOM_EVENT, type ZoomCommand } from "./page-zoom-event";
import { clipFromFractions, clipSegment } from "@/lib/reading/clips";

const DOUBLE_TAP_MS = 300;
// Opaque: over the zoomed page, a see-through button shows the print behind its label (and a disabled one faded into it).
const button =
  "min-h-11 min-w-11 rounded bg-white px-2 text-lg leading-none shadow ring-1 ring-neutral-300 hover:bg-neutral-50 focus-visible:outline-3 focus-visible:outline-blue-600 disabled:text-neutral-400 dark:bg-neutral-800 dark:ring-neutral-600 dark:disabled:text-neutral-500";

/**
 * The page image's frame. The zoom itself (page-zoom-engine.ts, with the tile
 * math) loads only when the reader shows an intent to zoom: a pointer over the
 * page, a touch, focus, a zoom key or button. A double click or double tap
 * zooms in; a single click on a region link follows it after a short wait.
 */
export function PageZoom({
  tiles,
  base,
  overlay,
  clipBase,
}: {
  tiles: ZoomTiles;
  base: ReactNode;
  overlay: ReactNode;
  /** `${page URL}/clip/`: 剪报 is offered (the reader's page view, not the admin's preview). */
  clipBase?: string;
}) {
  const frame = useRef<HTMLDivElement>(null);
  const inner = useRef<HTMLDivElement>(null);
  const tileLayer = useRef<HTMLDivElement>(null);
  const controller = useRef<Promise<ZoomController> | null>(null);
  const [scale, setScale] = useState(1);
  const router = useRouter();
  const [selecting, setSelecting] = useState(false);
  const [selection, setSelection] = useState<{ x0: number; y0: number; x1: number; y1: number } | null>(null);

  function load(): Promise<ZoomController> {
    controller.current ??= import("./page-zoom-engine").then(({ attachZoom }) =>
      attachZoom(frame.current!, inner.current!, tileLayer.current!, tiles, setScale),
    );
    return controller.current;
  }
  const command = (what: ZoomCommand, point?: { x: number; y: number }) =>
    void load().then((zoom) => (what === "fit" ? zoom.fit() : zoom.zoomBy(what === "in" ? 2 : 0.5, point)));

  useEffect(() => {
    const onCommand = (event: Event) => command((event as CustomEvent<ZoomCommand>).detail);
    document.addEventListener(ZOOM_EVENT, onCommand);
    const el = frame.current!;
    el.dataset.zoom = "ready";
    return () => {
      document.removeEventListener(ZOOM_EVENT, onCommand);
      void controller.current?.then((zoom) => zoom.destroy());
      controller.current = null;
    };
    // The frame and tiles are fixed for the page's lifetime.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // One click on a region link waits for a possible second one: two clicks or taps zoom instead of navigating.
  const last = useRef<{ time: number; timer: number | null }>({ time: 0, timer: null });
  function onClickCapture(event: MouseEvent) {
    // detail 0: a keyboard activation, or the delayed click below.
    if (event.detail === 0 || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
    const link = (event.target as HTMLElement).closest<HTMLAnchorElement>("a[data-region]");
    const now = performance.now();
    if (now - last.current.time < DOUBLE_TAP_MS) {
      event.preventDefault();
      if (last.current.timer !== null) window.clearTimeout(last.current.timer);
      last.current = { time: 0, timer: null };
      const rect = frame.current!.getBoundingClientRect();
      const point = { x: event.clientX - rect.left, y: event.clientY - rect.top };
      void load().then((zoom) => (zoom.scale() >= 3.5 ? zoom.fit() : zoom.zoomBy(2.5, point)));
      return;
    }
    last.current.time = now;
    if (!link) return;
    event.preventDefault();
    last.current.timer = window.setTimeout(() => {
      last.current.timer = null;
      link.click();
    }, DOUBLE_TAP_MS);
  }

  const framePoint = (event: { clientX: number; clientY: number }) => {
    const rect = frame.current!.getBoundingClientRect();
    return { x: event.clientX - rect.left, y: event.clientY - rect.top };
  };
  async function clip(fractions: { x0: number; y0: number; x1: number; y1: number }) {
    const rect = clipFromFractions(fractions, tiles);
    router.push(`${clipBase}${clipSegment(rect)}`);
  }
  async function clipView() {
    const view = (await load()).view();
    await clip({ x0: view.x, y0: view.y, x1: view.x + view.w, y1: view.y + view.h });
  }
  async function finishSelection() {
    const drawn = selection;
    setSelection(null);
    if (!drawn) return;
    const zoom = await load();
    const a = zoom.toPage({ x: drawn.x0, y: drawn.y0 });
    const b = zoom.toPage({ x: drawn.x1, y: drawn.y1 });
    await clip({ x0: a.x, y0: a.y, x1: b.x, y1: b.y });
  }

  return (
    <div className="relative">
      <div
        ref={frame}
        className="relative overflow-hidden border border-neutral-300 bg-white dark:border-neutral-700"
        style={{ touchAction: "pan-x pan-y" }}
        data-testid="page-zoom"
        data-zoomed="false"
        onPointerEnter={() => void load()}
        onTouchStart={() => void load()}
        onFocus={() => void load()}
        onClickCapture={onClickCapture}
        onDoubleClick={(event) => event.preventDefault()}
      >
        <div ref={inner} className="relative origin-top-left will-change-transform">
          {base}
          <div ref={tileLayer} className="pointer-events-none absolute inset-0" aria-hidden="true" />
          {overlay}
        </div>
        {selecting ? (
          <div
            className="absolute inset-0 cursor-crosshair bg-black/10"
            style={{ touchAction: "none" }}
            data-testid="clip-select"
            onPointerDown={(event) => {
              event.currentTarget.setPointerCapture(event.pointerId);
              const point = framePoint(event);
              setSelection({ x0: point.x, y0: point.y, x1: point.x, y1: point.y });
            }}
            onPointerMove={(event) => {
              if (!selection) return;
              const point = framePoint(event);
              setSelection({ ...selection, x1: point.x, y1: point.y });
            }}
            onPointerUp={() => void finishSelection()}
            onKeyDown={(event) => event.key === "Escape" && setSelecting(false)}
          >
            {selection ? (
              <div
                className="absolute border-2 border-dashed border-amber-500 bg-amber-200/20"
                style={{
                  left: Math.min(selection.x0, selection.x1),
                  top: Math.min(selection.y0, selection.y1),
                  width: Math.abs(selection.x1 - selection.x0),
                  height: Math.abs(selection.y1 - selection.y0),
                }}
              />
            ) : null}
          </div>
        ) : null}
      </div>
      {selecting ? (
        <div
          role="status"
          className="mt-2 flex flex-wrap items-center gap-2 rounded bg-amber-50 px-3 py-2 text-sm text-amber-900 print:hidden dark:bg-amber-950 dark:text-amber-100"
        >
          <span>剪报：在版面上拖出要剪下的区域，或</span>
          <button type="button" className="underline" onClick={() => void clipView()}>
            剪下当前视图
          </button>
          <button type="button" className="underline" onClick={() => setSelecting(false)}>
            取消
          </button>
        </div>
      ) : null}
      <div className="absolute top-2 right-2 flex gap-1 print:hidden" role="group" aria-label="缩放版面">
        {clipBase ? (
          <button
            type="button"
            className={button}
            aria-pressed={selecting}
            onClick={() => {
              void load();
              setSelecting(!selecting);
            }}
          >
            <span className="text-sm">剪报</span>
          </button>
        ) : null}
        <button
          type="button"
          className={button}
          onClick={() => command("in")}
          aria-keyshortcuts="z"
          title="放大版面（z）"
        >
          <span aria-hidden="true">＋</span>
          <span className="sr-only">放大版面</span>
        </button>
        <button
          type="button"
          className={button}
          onClick={() => command("out")}
          disabled={scale <= 1.01}
          aria-keyshortcuts="x"
          title="缩小版面（x）"
        >
          <span aria-hidden="true">－</span>
          <span className="sr-only">缩小版面</span>
        </button>
        <button
          type="button"
          className={button}
          onClick={() => command("fit")}
          disabled={scale <= 1.01}
          aria-keyshortcuts="c"
          title="还原版面（c）"
        >
          <span aria-hidden="true">⤢</span>
          <span className="sr-only">还原版面</span>
        </button>
      </div>
    </div>
  );
}
