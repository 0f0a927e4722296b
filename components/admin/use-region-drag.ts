import { useRef, type PointerEvent as ReactPointerEvent } from "react";
import type { Region } from "@/lib/content";
import {
  clampPoint,
  isTooSmall,
  moveRegion,
  rectFromPoints,
  resizeRect,
  type Corner,
  type Point,
  type RectRegion,
  type Size,
} from "@/lib/regions";

export type Selection = { articleId: number; index: number };

type Drag =
  | { kind: "draw"; articleId: number; index: number; start: Point }
  | { kind: "move"; articleId: number; index: number; last: Point }
  // The rectangle as it was when the handle went down: dragged past its opposite corner, it flips around that corner.
  | { kind: "resize"; articleId: number; index: number; corner: Corner; from: RectRegion };

/** What the drag does to the editor's regions and selection. */
export type RegionEdits = {
  regions: Record<number, Region[]>;
  add: (articleId: number, region: Region) => void;
  change: (articleId: number, index: number, change: (region: Region) => Region) => void;
  remove: (articleId: number, index: number) => void;
  /** After a drag: whole pixels again. */
  settle: () => void;
  select: (selection: Selection | null) => void;
  activate: (articleId: number) => void;
  addPolygonPoint: (point: Point) => void;
};

/**
 * Pointer handling on the region canvas (mouse, pen and touch alike): drag on
 * the background draws a rectangle (or, in polygon mode, a click adds a
 * point), drag on a shape moves it, drag on a corner handle resizes it.
 * Pointer positions become image pixels, whatever size the image is shown at.
 */
export function useRegionDrag({
  size,
  active,
  mode,
  edits,
}: {
  size: Size;
  active: number | null;
  mode: "rect" | "polygon";
  edits: RegionEdits;
}) {
  const svgRef = useRef<SVGSVGElement>(null);
  // A ref, not state: pointer events can come faster than React renders, and each must see the drag the one
  // before it left (with state, a move read a stale `last` and a resize could miss its start).
  const dragRef = useRef<Drag | null>(null);
  const setDrag = (drag: Drag | null) => {
    dragRef.current = drag;
  };

  function point(event: ReactPointerEvent): Point {
    const box = svgRef.current!.getBoundingClientRect();
    const x = ((event.clientX - box.left) / box.width) * size.width;
    const y = ((event.clientY - box.top) / box.height) * size.height;
    return clampPoint([x, y], size);
  }

  function capture(event: ReactPointerEvent) {
    svgRef.current?.setPointerCapture(event.pointerId);
  }

  function onBackgroundDown(event: ReactPointerEvent<SVGSVGElement>) {
    if (active === null || event.button > 0) return;
    const start = point(event);
    if (mode === "polygon") {
      edits.addPolygonPoint(start);
      return;
    }
    capture(event);
    const index = edits.regions[active]?.length ?? 0;
    edits.add(active, rectFromPoints(start, start));
    edits.select({ articleId: active, index });
    setDrag({ kind: "draw", articleId: active, index, start });
  }

  function onShapeDown(event: ReactPointerEvent, articleId: number, index: number) {
    event.stopPropagation();
    capture(event);
    edits.select({ articleId, index });
    edits.activate(articleId);
    setDrag({ kind: "move", articleId, index, last: point(event) });
  }

  function onHandleDown(event: ReactPointerEvent, selection: Selection, corner: Corner) {
    event.stopPropagation();
    const from = edits.regions[selection.articleId]?.[selection.index];
    if (from?.type !== "rect") return;
    capture(event);
    setDrag({ kind: "resize", ...selection, corner, from });
  }

  function onPointerMove(event: ReactPointerEvent) {
    const drag = dragRef.current;
    if (!drag) return;
    const at = point(event);
    if (drag.kind === "draw") {
      edits.change(drag.articleId, drag.index, () => rectFromPoints(drag.start, at));
    } else if (drag.kind === "move") {
      const [dx, dy] = [at[0] - drag.last[0], at[1] - drag.last[1]];
      edits.change(drag.articleId, drag.index, (region) => moveRegion(region, dx, dy, size));
      setDrag({ ...drag, last: at });
    } else {
      edits.change(drag.articleId, drag.index, () => resizeRect(drag.from, drag.corner, at));
    }
  }

  function onPointerUp() {
    const drag = dragRef.current;
    if (drag?.kind === "draw") {
      const drawn = edits.regions[drag.articleId]?.[drag.index];
      // A tap without dragging is not a region: drop shapes smaller than 1% of the page.
      if (drawn && isTooSmall(drawn, size)) {
        edits.remove(drag.articleId, drag.index);
        edits.select(null);
      }
    }
    if (drag) edits.settle();
    setDrag(null);
  }

  return { svgRef, onBackgroundDown, onShapeDown, onHandleDown, onPointerMove, onPointerUp };
}
