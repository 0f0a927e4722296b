"use client";
import { useActionState, useMemo, useRef, useState, type PointerEvent as ReactPointerEvent } from "react";
import type { Region } from "@/lib/content";
import { initialFormState, type RegionsFormState } from "@/lib/admin/form-state";
import { FormMessage, secondaryButtonClass, dangerButtonClass } from "./field";
import { SubmitButton } from "./submit-button";
import { useUnsavedChangesWarning } from "./unsaved-changes";

const COLOURS = [
  "#e11d48",
  "#2563eb",
  "#16a34a",
  "#d97706",
  "#7c3aed",
  "#0891b2",
  "#db2777",
  "#65a30d",
  "#ea580c",
  "#4f46e5",
];

type Article = { id: number; title: string; regions: Region[] };
type Selection = { articleId: number; index: number } | null;
type Drag =
  | { kind: "draw"; articleId: number; start: [number, number] }
  | { kind: "move"; articleId: number; index: number; last: [number, number] }
  | { kind: "resize"; articleId: number; index: number; corner: "nw" | "ne" | "sw" | "se" }
  | null;

function normalise(region: Region): Region {
  if (region.type !== "rect") return region;
  return {
    type: "rect",
    x: Math.round(region.x),
    y: Math.round(region.y),
    w: Math.max(1, Math.round(region.w)),
    h: Math.max(1, Math.round(region.h)),
  };
}

function bounds(region: Region) {
  if (region.type === "rect") return region;
  const xs = region.points.map(([x]) => x);
  const ys = region.points.map(([, y]) => y);
  return {
    x: Math.min(...xs),
    y: Math.min(...ys),
    w: Math.max(...xs) - Math.min(...xs),
    h: Math.max(...ys) - Math.min(...ys),
  };
}

/**
 * Draw, move, resize and delete article regions on the page image, with mouse
 * or touch (pointer events); arrow keys nudge the selected shape. Coordinates
 * are image pixels, whatever size the image is shown at.
 */
export function RegionEditor({
  action,
  editionId,
  pageId,
  version,
  image,
  articles,
}: {
  action: (state: RegionsFormState, formData: FormData) => Promise<RegionsFormState>;
  editionId: number;
  pageId: number;
  /** The page's regions version the editor started from (another editor's save, or a new image, bumps it). */
  version: number;
  image: { url: string; width: number; height: number };
  articles: Article[];
}) {
  const [regions, setRegions] = useState<Record<number, Region[]>>(() =>
    Object.fromEntries(articles.map((article) => [article.id, article.regions])),
  );
  const [active, setActive] = useState<number | null>(articles[0]?.id ?? null);
  const [selected, setSelected] = useState<Selection>(null);
  const [drag, setDrag] = useState<Drag>(null);
  const [dirty, setDirty] = useState(false);
  const [mode, setMode] = useState<"rect" | "polygon">("rect");
  const [draft, setDraft] = useState<[number, number][]>([]);
  const [state, formAction] = useActionState(async (previous: RegionsFormState, formData: FormData) => {
    const result = await action(previous, formData);
    if (result.ok) setDirty(false);
    return result;
  }, initialFormState as RegionsFormState);
  // After a conflict the editor has seen the newer version: saving again replaces it (or they load it first).
  const [seenVersion, setSeenVersion] = useState<number | null>(null);
  // Versions only grow: the newest one seen is the one to save against.
  const baseVersion = Math.max(version, state.version ?? 0, seenVersion ?? 0, state.conflict?.version ?? 0);
  function loadTheirs() {
    if (!state.conflict) return;
    const theirs = state.conflict.values;
    setRegions(Object.fromEntries(articles.map((article) => [article.id, theirs[String(article.id)] ?? []])));
    setSeenVersion(state.conflict.version);
    setSelected(null);
    setDirty(false);
  }
  const svg = useRef<SVGSVGElement>(null);
  useUnsavedChangesWarning(dirty);
  const colour = useMemo(
    () => new Map(articles.map((article, index) => [article.id, COLOURS[index % COLOURS.length]])),
    [articles],
  );
  const stroke = Math.max(2, image.width / 400);

  function point(event: ReactPointerEvent): [number, number] {
    const rect = svg.current!.getBoundingClientRect();
    const x = ((event.clientX - rect.left) / rect.width) * image.width;
    const y = ((event.clientY - rect.top) / rect.height) * image.height;
    return [Math.min(Math.max(0, x), image.width), Math.min(Math.max(0, y), image.height)];
  }

  function update(articleId: number, index: number, change: (region: Region) => Region) {
    setRegions((all) => ({
      ...all,
      [articleId]: all[articleId].map((region, i) => (i === index ? change(region) : region)),
    }));
    setDirty(true);
  }

  function finishPolygon() {
    if (active === null || draft.length < 3) return;
    const points = draft.map(([x, y]) => [Math.round(x), Math.round(y)] as [number, number]);
    setRegions((all) => ({ ...all, [active]: [...(all[active] ?? []), { type: "polygon", points }] }));
    setSelected({ articleId: active, index: regions[active]?.length ?? 0 });
    setDraft([]);
    setDirty(true);
  }

  function onBackgroundDown(event: ReactPointerEvent<SVGSVGElement>) {
    if (active === null || event.button > 0) return;
    const start = point(event);
    if (mode === "polygon") {
      setDraft((points) => [...points, start]);
      return;
    }
    svg.current?.setPointerCapture(event.pointerId);
    const index = regions[active]?.length ?? 0;
    setRegions((all) => ({
      ...all,
      [active]: [...(all[active] ?? []), { type: "rect", x: start[0], y: start[1], w: 1, h: 1 }],
    }));
    setSelected({ articleId: active, index });
    setDrag({ kind: "draw", articleId: active, start });
    setDirty(true);
  }

  function onShapeDown(event: ReactPointerEvent, articleId: number, index: number) {
    event.stopPropagation();
    svg.current?.setPointerCapture(event.pointerId);
    setSelected({ articleId, index });
    setActive(articleId);
    setDrag({ kind: "move", articleId, index, last: point(event) });
  }

  function onHandleDown(event: ReactPointerEvent, articleId: number, index: number, corner: "nw" | "ne" | "sw" | "se") {
    event.stopPropagation();
    svg.current?.setPointerCapture(event.pointerId);
    setDrag({ kind: "resize", articleId, index, corner });
  }

  function onMove(event: ReactPointerEvent) {
    if (!drag) return;
    const [px, py] = point(event);
    if (drag.kind === "draw") {
      const [sx, sy] = drag.start;
      const index = regions[drag.articleId].length - 1;
      update(drag.articleId, index, () => ({
        type: "rect",
        x: Math.min(sx, px),
        y: Math.min(sy, py),
        w: Math.abs(px - sx) || 1,
        h: Math.abs(py - sy) || 1,
      }));
    } else if (drag.kind === "move") {
      const dx = px - drag.last[0];
      const dy = py - drag.last[1];
      update(drag.articleId, drag.index, (region) =>
        region.type === "rect"
          ? {
              ...region,
              x: Math.min(Math.max(0, region.x + dx), image.width - region.w),
              y: Math.min(Math.max(0, region.y + dy), image.height - region.h),
            }
          : { ...region, points: region.points.map(([x, y]) => [x + dx, y + dy] as [number, number]) },
      );
      setDrag({ ...drag, last: [px, py] });
    } else {
      update(drag.articleId, drag.index, (region) => {
        if (region.type !== "rect") return region;
        const left = drag.corner.includes("w") ? px : region.x;
        const right = drag.corner.includes("e") ? px : region.x + region.w;
        const top = drag.corner.includes("n") ? py : region.y;
        const bottom = drag.corner.includes("s") ? py : region.y + region.h;
        return {
          type: "rect",
          x: Math.min(left, right),
          y: Math.min(top, bottom),
          w: Math.abs(right - left) || 1,
          h: Math.abs(bottom - top) || 1,
        };
      });
    }
  }

  function onUp() {
    if (drag?.kind === "draw") {
      const list = regions[drag.articleId];
      const last = list.at(-1);
      // A tap without dragging is not a region: drop shapes smaller than 1% of the page.
      if (last && last.type === "rect" && (last.w < image.width / 100 || last.h < image.height / 100)) {
        setRegions((all) => ({ ...all, [drag.articleId]: all[drag.articleId].slice(0, -1) }));
        setSelected(null);
      }
    }
    if (drag)
      setRegions((all) => Object.fromEntries(Object.entries(all).map(([key, list]) => [key, list.map(normalise)])));
    setDrag(null);
  }

  function removeSelected() {
    if (!selected) return;
    setRegions((all) => ({
      ...all,
      [selected.articleId]: all[selected.articleId].filter((_, i) => i !== selected.index),
    }));
    setSelected(null);
    setDirty(true);
  }

  function onKeyDown(event: React.KeyboardEvent) {
    if (mode === "polygon" && draft.length) {
      if (event.key === "Enter") finishPolygon();
      if (event.key === "Escape") setDraft([]);
      return;
    }
    if (!selected) return;
    const step = event.shiftKey ? 10 : 1;
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [-step, 0],
      ArrowRight: [step, 0],
      ArrowUp: [0, -step],
      ArrowDown: [0, step],
    };
    if (event.key in moves) {
      event.preventDefault();
      const [dx, dy] = moves[event.key];
      update(selected.articleId, selected.index, (region) =>
        region.type === "rect"
          ? {
              ...region,
              x: Math.min(Math.max(0, region.x + dx), image.width - region.w),
              y: Math.min(Math.max(0, region.y + dy), image.height - region.h),
            }
          : { ...region, points: region.points.map(([x, y]) => [x + dx, y + dy] as [number, number]) },
      );
    } else if (event.key === "Delete" || event.key === "Backspace") {
      event.preventDefault();
      removeSelected();
    } else if (event.key === "Escape") setSelected(null);
  }

  const payload = JSON.stringify(
    articles.map((article) => ({ articleId: article.id, regions: (regions[article.id] ?? []).map(normalise) })),
  );
  const selectedRegion = selected ? regions[selected.articleId]?.[selected.index] : undefined;
  const handle = Math.max(8, image.width / 80);

  return (
    <div className="space-y-3">
      {articles.length === 0 ? (
        <p className="text-sm text-neutral-600">先在本版添加文章，再在图上框出它们的位置。</p>
      ) : null}
      <fieldset className="flex flex-wrap gap-2">
        <legend className="mb-1 text-sm font-medium">选择文章，然后在图上拖动画出它的区域：</legend>
        {articles.map((article) => (
          <label
            key={article.id}
            className="flex cursor-pointer items-center gap-1 rounded border px-2 py-1 text-sm"
            style={{
              borderColor: colour.get(article.id),
              background: active === article.id ? `${colour.get(article.id)}22` : "white",
            }}
          >
            <input
              type="radio"
              name="active-article"
              checked={active === article.id}
              onChange={() => setActive(article.id)}
            />
            <span
              className="inline-block h-3 w-3 rounded-sm"
              style={{ background: colour.get(article.id) }}
              aria-hidden
            />
            {article.title}（{regions[article.id]?.length ?? 0}）
          </label>
        ))}
      </fieldset>
      <div className="flex flex-wrap items-center gap-2 text-sm" role="group" aria-label="画图方式">
        <label className="flex items-center gap-1">
          <input
            type="radio"
            name="shape-mode"
            checked={mode === "rect"}
            onChange={() => {
              setMode("rect");
              setDraft([]);
            }}
          />
          矩形（拖动画框）
        </label>
        <label className="flex items-center gap-1">
          <input
            type="radio"
            name="shape-mode"
            checked={mode === "polygon"}
            onChange={() => {
              setMode("polygon");
              setSelected(null);
            }}
          />
          多边形（逐点单击）
        </label>
        {mode === "polygon" ? (
          <>
            <button type="button" className={secondaryButtonClass} disabled={draft.length < 3} onClick={finishPolygon}>
              完成多边形（{draft.length} 个点）
            </button>
            <button
              type="button"
              className={secondaryButtonClass}
              disabled={!draft.length}
              onClick={() => setDraft([])}
            >
              放弃
            </button>
          </>
        ) : null}
      </div>
      <div
        className="relative w-full max-w-3xl select-none border border-neutral-300 bg-white"
        style={{ aspectRatio: `${image.width} / ${image.height}` }}
        tabIndex={0}
        onKeyDown={onKeyDown}
        aria-label="区域编辑器：拖动画框，拖动框可移动，拖动角可调整大小，方向键微调，Delete 删除"
      >
        <img src={image.url} alt="版面图" className="block h-auto w-full" draggable={false} />
        <svg
          ref={svg}
          data-testid="region-canvas"
          viewBox={`0 0 ${image.width} ${image.height}`}
          className="absolute inset-0 h-full w-full"
          style={{
            touchAction: "none",
            cursor: active === null ? "default" : mode === "polygon" ? "cell" : "crosshair",
          }}
          onPointerDown={onBackgroundDown}
          onPointerMove={onMove}
          onPointerUp={onUp}
          onPointerCancel={onUp}
        >
          {articles.map((article) =>
            (regions[article.id] ?? []).map((region, index) => {
              const isSelected = selected?.articleId === article.id && selected.index === index;
              const fill = `${colour.get(article.id)}${isSelected ? "55" : "33"}`;
              const box = bounds(region);
              return (
                <g
                  key={`${article.id}-${index}`}
                  data-testid={`region-${article.id}-${index}`}
                  onPointerDown={(event) => onShapeDown(event, article.id, index)}
                  style={{ cursor: "move", pointerEvents: mode === "polygon" ? "none" : undefined }}
                >
                  {region.type === "rect" ? (
                    <rect
                      x={region.x}
                      y={region.y}
                      width={region.w}
                      height={region.h}
                      fill={fill}
                      stroke={colour.get(article.id)}
                      strokeWidth={isSelected ? stroke * 2 : stroke}
                    />
                  ) : (
                    <polygon
                      points={region.points.map((p) => p.join(",")).join(" ")}
                      fill={fill}
                      stroke={colour.get(article.id)}
                      strokeWidth={isSelected ? stroke * 2 : stroke}
                    />
                  )}
                  <text
                    x={box.x + stroke * 2}
                    y={box.y + image.width / 60}
                    fontSize={image.width / 70}
                    fill={colour.get(article.id)}
                    style={{ pointerEvents: "none", fontWeight: 700 }}
                  >
                    {article.title.slice(0, 16)}
                  </text>
                </g>
              );
            }),
          )}
          {draft.length ? (
            <g data-testid="polygon-draft" style={{ pointerEvents: "none" }}>
              <polyline
                points={draft.map((p) => p.join(",")).join(" ")}
                fill="none"
                stroke="black"
                strokeDasharray={`${stroke * 3} ${stroke * 2}`}
                strokeWidth={stroke}
              />
              {draft.map(([x, y], index) => (
                <circle key={index} cx={x} cy={y} r={handle / 2} fill="white" stroke="black" strokeWidth={stroke / 2} />
              ))}
            </g>
          ) : null}
          {mode === "rect" && selected && selectedRegion?.type === "rect"
            ? (["nw", "ne", "sw", "se"] as const).map((corner) => (
                <rect
                  key={corner}
                  data-testid={`handle-${corner}`}
                  x={(corner.includes("w") ? selectedRegion.x : selectedRegion.x + selectedRegion.w) - handle / 2}
                  y={(corner.includes("n") ? selectedRegion.y : selectedRegion.y + selectedRegion.h) - handle / 2}
                  width={handle}
                  height={handle}
                  fill="white"
                  stroke="black"
                  strokeWidth={stroke / 2}
                  style={{ cursor: `${corner}-resize` }}
                  // The handler reads the SVG ref when the pointer goes down, not during render.
                  // eslint-disable-next-line react-hooks/refs
                  onPointerDown={(event) => onHandleDown(event, selected.articleId, selected.index, corner)}
                />
              ))
            : null}
        </svg>
      </div>
      <form action={formAction} className="flex flex-wrap items-center gap-2">
        <input type="hidden" name="editionId" value={editionId} />
        <input type="hidden" name="pageId" value={pageId} />
        <input type="hidden" name="regions" value={payload} />
        <input type="hidden" name="version" value={baseVersion} />
        <SubmitButton pendingText="正在保存…">保存区域</SubmitButton>
        <button type="button" className={dangerButtonClass} disabled={!selected} onClick={removeSelected}>
          删除所选区域
        </button>
        <button type="button" className={secondaryButtonClass} disabled={!selected} onClick={() => setSelected(null)}>
          取消选择
        </button>
        {dirty ? <span className="text-sm text-amber-700">有未保存的区域修改</span> : null}
      </form>
      <FormMessage message={state.message} ok={state.ok} />
      {state.conflict && seenVersion !== state.conflict.version ? (
        <div role="alert" className="space-y-2 rounded border border-amber-400 bg-amber-50 p-3 text-sm">
          <p>
            你的区域还没有保存，也没有覆盖对方的修改。对方保存的版本中共有{" "}
            {Object.values(state.conflict.values).reduce((sum, list) => sum + list.length, 0)} 个区域。
          </p>
          <p>可以载入对方的区域（放弃你的修改），或再次点击“保存区域”以你的区域为准。</p>
          <button type="button" className={secondaryButtonClass} onClick={loadTheirs}>
            载入对方的区域
          </button>
        </div>
      ) : null}
      {selectedRegion ? (
        <p className="text-xs text-neutral-500">
          所选区域（图片像素）：
          {selectedRegion.type === "rect"
            ? `x ${selectedRegion.x}, y ${selectedRegion.y}, 宽 ${selectedRegion.w}, 高 ${selectedRegion.h}`
            : `多边形 ${selectedRegion.points.length} 个点`}
          。方向键微调（Shift 加速），Delete 删除。
        </p>
      ) : null}
    </div>
  );
}
