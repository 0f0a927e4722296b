"use client";
import { secondaryButtonClass } from "./field";

/**
 * Above the region canvas: which article the next shape belongs to (with its
 * colour and number of regions), and whether to draw rectangles or polygons.
 */
export function RegionToolbar({
  articles,
  colour,
  counts,
  active,
  onActivate,
  mode,
  onMode,
  draftPoints,
  onFinishPolygon,
  onDiscardPolygon,
}: {
  articles: { id: number; title: string }[];
  colour: Map<number, string>;
  counts: Record<number, number>;
  active: number | null;
  onActivate: (articleId: number) => void;
  mode: "rect" | "polygon";
  onMode: (mode: "rect" | "polygon") => void;
  draftPoints: number;
  onFinishPolygon: () => void;
  onDiscardPolygon: () => void;
}) {
  return (
    <>
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
              onChange={() => onActivate(article.id)}
            />
            <span
              className="inline-block h-3 w-3 rounded-sm"
              style={{ background: colour.get(article.id) }}
              aria-hidden
            />
            {article.title}（{counts[article.id] ?? 0}）
          </label>
        ))}
      </fieldset>
      <div className="flex flex-wrap items-center gap-2 text-sm" role="group" aria-label="画图方式">
        <label className="flex items-center gap-1">
          <input type="radio" name="shape-mode" checked={mode === "rect"} onChange={() => onMode("rect")} />
          矩形（拖动画框）
        </label>
        <label className="flex items-center gap-1">
          <input type="radio" name="shape-mode" checked={mode === "polygon"} onChange={() => onMode("polygon")} />
          多边形（逐点单击）
        </label>
        {mode === "polygon" ? (
          <>
            <button type="button" className={secondaryButtonClass} disabled={draftPoints < 3} onClick={onFinishPolygon}>
              完成多边形（{draftPoints} 个点）
            </button>
            <button type="button" className={secondaryButtonClass} disabled={!draftPoints} onClick={onDiscardPolygon}>
              放弃
            </button>
          </>
        ) : null}
      </div>
    </>
  );
}
