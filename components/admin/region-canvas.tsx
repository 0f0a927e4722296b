"use client";
import type { KeyboardEvent, PointerEvent as ReactPointerEvent, RefObject } from "react";
import type { Region } from "@/lib/content";
import { boundingBox, CORNERS, cornerPoint, svgPoints, type Corner, type Point } from "@/lib/regions";
import type { Selection } from "./use-region-drag";

/**
 * The page image with every article's regions drawn over it as SVG in image
 * pixels (the viewBox is the image's size), the polygon being drawn, and the
 * selected rectangle's corner handles. All input goes to the handlers.
 */
export function RegionCanvas({
  image,
  articles,
  regions,
  colour,
  selected,
  mode,
  draft,
  interactive,
  svgRef,
  onBackgroundDown,
  onShapeDown,
  onHandleDown,
  onPointerMove,
  onPointerUp,
  onKeyDown,
  hints = [],
}: {
  image: { url: string; width: number; height: number };
  articles: { id: number; title: string }[];
  regions: Record<number, Region[]>;
  colour: Map<number, string>;
  selected: Selection | null;
  mode: "rect" | "polygon";
  draft: Point[];
  /** An article is chosen, so the background draws. */
  interactive: boolean;
  svgRef: RefObject<SVGSVGElement | null>;
  onBackgroundDown: (event: ReactPointerEvent<SVGSVGElement>) => void;
  onShapeDown: (event: ReactPointerEvent, articleId: number, index: number) => void;
  onHandleDown: (event: ReactPointerEvent, selection: Selection, corner: Corner) => void;
  onPointerMove: (event: ReactPointerEvent) => void;
  onPointerUp: () => void;
  onKeyDown: (event: KeyboardEvent) => void;
  /** Dashed outlines that are not regions: proposed regions (an article's colour) and 漏标 text blocks (grey). */
  hints?: { key: string; region: Region; colour: string; label: string }[];
}) {
  const stroke = Math.max(2, image.width / 400);
  const handle = Math.max(8, image.width / 80);
  const selectedRegion = selected ? regions[selected.articleId]?.[selected.index] : undefined;

  return (
    <div
      className="relative w-full max-w-3xl select-none border border-neutral-300 bg-white"
      style={{ aspectRatio: `${image.width} / ${image.height}` }}
      tabIndex={0}
      onKeyDown={onKeyDown}
      aria-label="区域编辑器：拖动画框，拖动框可移动，拖动角可调整大小，方向键微调，Delete 删除"
    >
      <img src={image.url} alt="版面图" className="block h-auto w-full" draggable={false} />
      <svg
        ref={svgRef}
        data-testid="region-canvas"
        viewBox={`0 0 ${image.width} ${image.height}`}
        className="absolute inset-0 h-full w-full"
        style={{ touchAction: "none", cursor: !interactive ? "default" : mode === "polygon" ? "cell" : "crosshair" }}
        onPointerDown={onBackgroundDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
      >
        {hints.map((hint) => (
          <g key={hint.key} data-testid={`hint-${hint.key}`} style={{ pointerEvents: "none" }}>
            {hint.region.type === "rect" ? (
              <rect
                x={hint.region.x}
                y={hint.region.y}
                width={hint.region.w}
                height={hint.region.h}
                fill={`${hint.colour}18`}
                stroke={hint.colour}
                strokeWidth={stroke}
                strokeDasharray={`${stroke * 4} ${stroke * 3}`}
              />
            ) : (
              <polygon
                points={svgPoints(hint.region.points)}
                fill={`${hint.colour}18`}
                stroke={hint.colour}
                strokeWidth={stroke}
                strokeDasharray={`${stroke * 4} ${stroke * 3}`}
              />
            )}
            <title>{hint.label}</title>
          </g>
        ))}
        {articles.map((article) =>
          (regions[article.id] ?? []).map((region, index) => {
            const isSelected = selected?.articleId === article.id && selected.index === index;
            const shape = {
              fill: `${colour.get(article.id)}${isSelected ? "55" : "33"}`,
              stroke: colour.get(article.id),
              strokeWidth: isSelected ? stroke * 2 : stroke,
            };
            const box = boundingBox(region);
            return (
              <g
                key={`${article.id}-${index}`}
                data-testid={`region-${article.id}-${index}`}
                onPointerDown={(event) => onShapeDown(event, article.id, index)}
                style={{ cursor: "move", pointerEvents: mode === "polygon" ? "none" : undefined }}
              >
                {region.type === "rect" ? (
                  <rect x={region.x} y={region.y} width={region.w} height={region.h} {...shape} />
                ) : (
                  <polygon points={svgPoints(region.points)} {...shape} />
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
              points={svgPoints(draft)}
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
          ? CORNERS.map((corner) => {
              const [x, y] = cornerPoint(selectedRegion, corner);
              return (
                <rect
                  key={corner}
                  data-testid={`handle-${corner}`}
                  x={x - handle / 2}
                  y={y - handle / 2}
                  width={handle}
                  height={handle}
                  fill="white"
                  stroke="black"
                  strokeWidth={stroke / 2}
                  style={{ cursor: `${corner}-resize` }}
                  onPointerDown={(event) => onHandleDown(event, selected, corner)}
                />
              );
            })
          : null}
      </svg>
    </div>
  );
}
