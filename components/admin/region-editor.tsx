"use client";
import { useActionState, useMemo, useState, type KeyboardEvent } from "react";
import type { Region } from "@/lib/content";
import { initialFormState, type RegionsFormState } from "@/lib/admin/form-state";
import { moveRegion, normaliseRegion, type Point } from "@/lib/regions";
import { FormMessage, secondaryButtonClass, dangerButtonClass } from "./field";
import { RegionCanvas } from "./region-canvas";
import { RegionToolbar } from "./region-toolbar";
import { SubmitButton } from "./submit-button";
import { useUnsavedChangesWarning } from "./unsaved-changes";
import { useRegionDrag, type RegionEdits, type Selection } from "./use-region-drag";

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

/** Arrow keys nudge the selected shape by one image pixel, ten with Shift. */
function nudge(event: KeyboardEvent): [number, number] | null {
  const step = event.shiftKey ? 10 : 1;
  const moves: Record<string, [number, number]> = {
    ArrowLeft: [-step, 0],
    ArrowRight: [step, 0],
    ArrowUp: [0, -step],
    ArrowDown: [0, step],
  };
  return moves[event.key] ?? null;
}

/**
 * Draw, move, resize and delete article regions on the page image, with mouse
 * or touch (pointer events); arrow keys nudge the selected shape. Coordinates
 * are image pixels, whatever size the image is shown at. The geometry is
 * lib/regions.ts; the pointer handling is useRegionDrag.
 */
export function RegionEditor({
  action,
  editionId,
  pageId,
  version,
  image,
  articles,
  proposals = {},
  uncovered = [],
}: {
  action: (state: RegionsFormState, formData: FormData) => Promise<RegionsFormState>;
  editionId: number;
  pageId: number;
  /** The page's regions version the editor started from (another editor's save, or a new image, bumps it). */
  version: number;
  image: { url: string; width: number; height: number };
  articles: Article[];
  /** Article id → regions proposed from the page's PDF text (articles without regions). */
  proposals?: Record<number, Region[]>;
  /** 漏标: printed text blocks no region covers, with a link to start an article from each. */
  uncovered?: { index: number; region: Region; text: string; href: string }[];
}) {
  const [regions, setRegions] = useState<Record<number, Region[]>>(() =>
    Object.fromEntries(articles.map((article) => [article.id, article.regions])),
  );
  const [active, setActive] = useState<number | null>(articles[0]?.id ?? null);
  const [selected, setSelected] = useState<Selection | null>(null);
  const [dirty, setDirty] = useState(false);
  const [mode, setMode] = useState<"rect" | "polygon">("rect");
  const [draft, setDraft] = useState<Point[]>([]);
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
  useUnsavedChangesWarning(dirty);
  const colour = useMemo(
    () => new Map(articles.map((article, index) => [article.id, COLOURS[index % COLOURS.length]])),
    [articles],
  );
  const size = { width: image.width, height: image.height };

  const edits: RegionEdits = {
    regions,
    add(articleId, region) {
      setRegions((all) => ({ ...all, [articleId]: [...(all[articleId] ?? []), region] }));
      setDirty(true);
    },
    change(articleId, index, change) {
      setRegions((all) => ({
        ...all,
        [articleId]: all[articleId].map((region, i) => (i === index ? change(region) : region)),
      }));
      setDirty(true);
    },
    remove(articleId, index) {
      setRegions((all) => ({ ...all, [articleId]: all[articleId].filter((_, i) => i !== index) }));
      setDirty(true);
    },
    settle() {
      setRegions((all) =>
        Object.fromEntries(Object.entries(all).map(([key, list]) => [key, list.map(normaliseRegion)])),
      );
    },
    select: setSelected,
    activate: setActive,
    addPolygonPoint: (point) => setDraft((points) => [...points, point]),
  };
  const drag = useRegionDrag({ size, active, mode, edits });

  function finishPolygon() {
    if (active === null || draft.length < 3) return;
    edits.add(active, normaliseRegion({ type: "polygon", points: draft }));
    setSelected({ articleId: active, index: regions[active]?.length ?? 0 });
    setDraft([]);
  }

  function removeSelected() {
    if (!selected) return;
    edits.remove(selected.articleId, selected.index);
    setSelected(null);
  }

  function onKeyDown(event: KeyboardEvent) {
    if (mode === "polygon" && draft.length) {
      if (event.key === "Enter") finishPolygon();
      if (event.key === "Escape") setDraft([]);
      return;
    }
    if (!selected) return;
    const delta = nudge(event);
    if (delta) {
      event.preventDefault();
      edits.change(selected.articleId, selected.index, (region) => moveRegion(region, delta[0], delta[1], size));
    } else if (event.key === "Delete" || event.key === "Backspace") {
      event.preventDefault();
      removeSelected();
    } else if (event.key === "Escape") setSelected(null);
  }

  // A proposal shows until its article has regions in the editor (accepted, or drawn by hand).
  const open = articles.filter((article) => proposals[article.id]?.length && !regions[article.id]?.length);
  function accept(ids: number[]) {
    setRegions((all) => ({ ...all, ...Object.fromEntries(ids.map((id) => [id, proposals[id]])) }));
    setDirty(true);
  }
  const hints = [
    ...open.flatMap((article) =>
      proposals[article.id].map((region, index) => ({
        key: `proposal-${article.id}-${index}`,
        region,
        colour: colour.get(article.id) ?? "#000",
        label: `建议区域：${article.title}`,
      })),
    ),
    ...uncovered.map((block) => ({
      key: `uncovered-${block.index}`,
      region: block.region,
      colour: "#525252",
      label: `漏标：${block.text.slice(0, 30)}`,
    })),
  ];

  const payload = JSON.stringify(
    articles.map((article) => ({ articleId: article.id, regions: (regions[article.id] ?? []).map(normaliseRegion) })),
  );
  const selectedRegion = selected ? regions[selected.articleId]?.[selected.index] : undefined;

  return (
    <div className="space-y-3">
      {articles.length === 0 ? (
        <p className="text-sm text-neutral-600">先在本版添加文章，再在图上框出它们的位置。</p>
      ) : null}
      <RegionToolbar
        articles={articles}
        colour={colour}
        counts={Object.fromEntries(articles.map((article) => [article.id, regions[article.id]?.length ?? 0]))}
        active={active}
        onActivate={setActive}
        mode={mode}
        onMode={(next) => {
          setMode(next);
          if (next === "rect") setDraft([]);
          else setSelected(null);
        }}
        draftPoints={draft.length}
        onFinishPolygon={finishPolygon}
        onDiscardPolygon={() => setDraft([])}
      />
      <RegionCanvas
        image={image}
        articles={articles}
        regions={regions}
        colour={colour}
        selected={selected}
        mode={mode}
        draft={draft}
        interactive={active !== null}
        svgRef={drag.svgRef}
        onBackgroundDown={drag.onBackgroundDown}
        onShapeDown={drag.onShapeDown}
        onHandleDown={drag.onHandleDown}
        onPointerMove={drag.onPointerMove}
        onPointerUp={drag.onPointerUp}
        onKeyDown={onKeyDown}
        hints={hints}
      />
      {open.length ? (
        <section
          aria-labelledby="proposals-heading"
          className="space-y-2 rounded border border-blue-200 bg-blue-50 p-3 text-sm"
        >
          <h3 id="proposals-heading" className="font-medium">
            建议区域（虚线）：按 PDF 文字找到了 {open.length} 篇文章在版面上的位置
          </h3>
          <ul className="space-y-1">
            {open.map((article) => (
              <li key={article.id} className="flex flex-wrap items-center gap-2">
                <span className="inline-block h-3 w-3 rounded-sm" style={{ background: colour.get(article.id) }} />
                <span>
                  {article.title}（{proposals[article.id].length} 个区域）
                </span>
                <button
                  type="button"
                  className={secondaryButtonClass}
                  onClick={() => accept([article.id])}
                  aria-label={`采用「${article.title}」的建议区域`}
                >
                  采用
                </button>
              </li>
            ))}
          </ul>
          {open.length > 1 ? (
            <button type="button" className={secondaryButtonClass} onClick={() => accept(open.map((a) => a.id))}>
              全部采用
            </button>
          ) : null}
          <p className="text-neutral-600">采用后可以在图上调整，再点“保存区域”。</p>
        </section>
      ) : null}
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
      {uncovered.length ? (
        <section
          aria-labelledby="uncovered-heading"
          className="space-y-2 rounded border border-neutral-300 bg-neutral-50 p-3 text-sm"
        >
          <h3 id="uncovered-heading" className="font-medium">
            漏标：版面上有 {uncovered.length} 段文字不在任何文章区域里（灰色虚线）
          </h3>
          <ul className="space-y-2">
            {uncovered.map((block) => (
              <li key={block.index} className="flex flex-wrap items-baseline gap-2">
                <span className="min-w-0 flex-1 truncate text-neutral-700">{block.text.replace(/\s+/g, " ")}</span>
                <a href={block.href} className="shrink-0 text-blue-700 underline">
                  用这段文字新建文章
                </a>
              </li>
            ))}
          </ul>
        </section>
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
