// The page view's deep zoom, loaded only when a reader starts to zoom
// (components/reader/page-zoom.tsx): pinch, wheel, drag and keys move one
// CSS transform over the page image and its region links, so the links stay
// clickable and focusable at every zoom; above the page image it lays the
// deep-zoom tiles (lib/deep-zoom.ts) of the part in view, at the level the
// zoom needs, and only those.
import {
  clampZoom,
  FIT,
  levelSize,
  maxScale,
  revealBox,
  DENSE_PHONE,
  tileDensity,
  tileKey,
  tileLevelOver,
  tilesInView,
  visibleFraction,
  zoomAround,
  type DeepZoom,
  type Frame,
  type ZoomState,
} from "@/lib/deep-zoom";

export type ZoomTiles = DeepZoom & { url: string };

export type ZoomController = {
  /** Zooms by `factor` around a point of the frame (CSS pixels; the centre when omitted). */
  zoomBy(factor: number, point?: { x: number; y: number }): void;
  fit(): void;
  scale(): number;
  /** A point of the frame (CSS pixels) as fractions of the page. */
  toPage(point: { x: number; y: number }): { x: number; y: number };
  /** The part of the page in view, as fractions of the page. */
  view(): { x: number; y: number; w: number; h: number };
  destroy(): void;
};

const DRAG_SLOP = 6;

/** The pixel width of the size the browser took from the page image's srcset (naturalWidth is in CSS pixels). */
function baseWidth(img: HTMLImageElement | null): number {
  if (!img?.complete || !img.currentSrc) return 0;
  for (const candidate of img.srcset.split(",")) {
    const [url, descriptor] = candidate.trim().split(/\s+/);
    if (url && descriptor?.endsWith("w") && new URL(url, document.baseURI).href === img.currentSrc)
      return Number.parseInt(descriptor, 10);
  }
  return 0;
}

export function attachZoom(
  frame: HTMLElement,
  inner: HTMLElement,
  tileLayer: HTMLElement,
  tiles: ZoomTiles,
  onChange: (scale: number) => void,
): ZoomController {
  let state: ZoomState = FIT;
  let size: Frame = { width: inner.offsetWidth, height: inner.offsetHeight };
  const dpr = () => window.devicePixelRatio || 1;
  const densePhone = window.matchMedia(DENSE_PHONE);
  const max = () => maxScale(tiles, size, dpr());
  const base = inner.querySelector("img");
  const loaded = new Map<string, HTMLImageElement>();
  let frameRequest = 0;

  function drawTiles() {
    frameRequest = 0;
    const wanted = new Set<string>();
    const density = tileDensity(dpr(), densePhone.matches);
    // Over the page image while it is as sharp as the tiles would be (0 while it loads: tiles then).
    const level = tileLevelOver(tiles, size.width * state.scale * density, baseWidth(base));
    if (state.scale > 1.01 && level !== null) {
      const { width, height } = levelSize(tiles, level);
      // Tiles of one level are always drawn whole: below the zoom the base image fits the screen.
      for (const tile of tilesInView(tiles, level, visibleFraction(state, size))) {
        const key = tileKey(tiles, tile);
        wanted.add(key);
        if (loaded.has(key)) continue;
        const img = document.createElement("img");
        img.alt = "";
        img.decoding = "async";
        img.draggable = false;
        img.dataset.tile = `${tile.level}/${tile.column}_${tile.row}`;
        img.style.cssText = [
          "position:absolute",
          "max-width:none",
          `left:${(tile.x - tile.overlapLeft / width) * 100}%`,
          `top:${(tile.y - tile.overlapTop / height) * 100}%`,
          `width:${(tile.fileWidth / width) * 100}%`,
          `height:${(tile.fileHeight / height) * 100}%`,
        ].join(";");
        img.src = `${tiles.url}_files/${tile.level}/${tile.column}_${tile.row}.${tiles.format}`;
        tileLayer.append(img);
        loaded.set(key, img);
      }
    }
    for (const [key, img] of loaded) {
      if (wanted.has(key)) continue;
      img.remove();
      loaded.delete(key);
    }
  }

  function apply(next: ZoomState, animate: boolean) {
    state = clampZoom(next, size, max());
    inner.style.transition = animate ? "transform 160ms ease-out" : "none";
    inner.style.transform = `translate(${state.x}px, ${state.y}px) scale(${state.scale})`;
    const zoomed = state.scale > 1.01;
    frame.dataset.zoomed = zoomed ? "true" : "false";
    frame.style.touchAction = zoomed ? "none" : "pan-x pan-y";
    document.documentElement.toggleAttribute("data-page-zoomed", zoomed);
    onChange(state.scale);
    if (!frameRequest) frameRequest = requestAnimationFrame(drawTiles);
  }

  const centre = () => ({ x: size.width / 2, y: size.height / 2 });
  const local = (event: { clientX: number; clientY: number }) => {
    const rect = frame.getBoundingClientRect();
    return { x: event.clientX - rect.left, y: event.clientY - rect.top };
  };
  const zoomBy = (factor: number, point = centre(), animate = true) =>
    apply(zoomAround(state, factor, point.x, point.y, size, max()), animate);

  // Pointers: one drags (when zoomed), two pinch.
  const pointers = new Map<number, { x: number; y: number }>();
  let dragged = false;
  let last: { x: number; y: number; distance: number } | null = null;
  function gesture() {
    const points = [...pointers.values()];
    const x = points.reduce((sum, p) => sum + p.x, 0) / points.length;
    const y = points.reduce((sum, p) => sum + p.y, 0) / points.length;
    const distance = points.length > 1 ? Math.hypot(points[0].x - points[1].x, points[0].y - points[1].y) : 0;
    return { x, y, distance };
  }
  const onPointerDown = (event: PointerEvent) => {
    if (event.pointerType === "mouse" && (event.button !== 0 || state.scale <= 1.01)) return;
    pointers.set(event.pointerId, local(event));
    if (pointers.size === 1) dragged = false;
    last = gesture();
  };
  const onPointerMove = (event: PointerEvent) => {
    if (!pointers.has(event.pointerId) || !last) return;
    pointers.set(event.pointerId, local(event));
    const now = gesture();
    if (pointers.size > 1 && last.distance > 0) {
      const factor = now.distance / last.distance;
      const zoomed = zoomAround(state, factor, now.x, now.y, size, max());
      apply({ ...zoomed, x: zoomed.x + now.x - last.x, y: zoomed.y + now.y - last.y }, false);
      dragged = true;
    } else if (pointers.size === 1 && state.scale > 1.01) {
      if (!dragged && Math.hypot(now.x - last.x, now.y - last.y) < DRAG_SLOP) return;
      if (!dragged) {
        // Captured only once it is a drag: a capture from the start would take the click from a region link.
        try {
          frame.setPointerCapture(event.pointerId);
        } catch {
          // The pointer is already gone.
        }
      }
      dragged = true;
      apply({ ...state, x: state.x + now.x - last.x, y: state.y + now.y - last.y }, false);
    }
    last = now;
  };
  const onPointerUp = (event: PointerEvent) => {
    pointers.delete(event.pointerId);
    last = pointers.size ? gesture() : null;
  };
  // A drag that ends on a region link is not a click on it.
  const onClick = (event: MouseEvent) => {
    if (!dragged) return;
    dragged = false;
    event.preventDefault();
    event.stopPropagation();
  };
  const onWheel = (event: WheelEvent) => {
    // Plain wheel scrolls the page until the reader has zoomed in; Ctrl + wheel (and a touchpad pinch) always zooms.
    if (!event.ctrlKey && state.scale <= 1.01) return;
    event.preventDefault();
    const lines = event.deltaMode === 1 ? 16 : event.deltaMode === 2 ? size.height : 1;
    zoomBy(Math.exp(-event.deltaY * lines * (event.ctrlKey ? 0.01 : 0.002)), local(event), false);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (state.scale <= 1.01 || event.ctrlKey || event.metaKey || event.altKey) return;
    const step = 80;
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [step, 0],
      ArrowRight: [-step, 0],
      ArrowUp: [0, step],
      ArrowDown: [0, -step],
    };
    const move = moves[event.key];
    if (!move) return;
    // Zoomed in, the arrows pan the page instead of turning it (lib's shortcuts skip handled keys).
    event.preventDefault();
    apply({ ...state, x: state.x + move[0], y: state.y + move[1] }, true);
  };
  // Tabbing to a region link brings it into view at the current zoom.
  const onFocusIn = (event: FocusEvent) => {
    const target = event.target;
    if (!(target instanceof HTMLElement) || target === frame || state.scale <= 1.01) return;
    const box = {
      x: target.offsetLeft / size.width,
      y: target.offsetTop / size.height,
      w: target.offsetWidth / size.width,
      h: target.offsetHeight / size.height,
    };
    frame.scrollLeft = 0;
    frame.scrollTop = 0;
    apply(revealBox(state, box, size, max()), true);
  };
  const onResize = () => {
    const ratio = inner.offsetWidth / size.width;
    size = { width: inner.offsetWidth, height: inner.offsetHeight };
    apply({ scale: state.scale, x: state.x * ratio, y: state.y * ratio }, false);
  };

  frame.addEventListener("pointerdown", onPointerDown);
  frame.addEventListener("pointermove", onPointerMove);
  frame.addEventListener("pointerup", onPointerUp);
  frame.addEventListener("pointercancel", onPointerUp);
  frame.addEventListener("click", onClick, true);
  frame.addEventListener("wheel", onWheel, { passive: false });
  frame.addEventListener("keydown", onKeyDown);
  frame.addEventListener("focusin", onFocusIn);
  window.addEventListener("resize", onResize);
  // For tests and the bench: input now reaches the zoom.
  frame.dataset.zoom = "attached";

  return {
    zoomBy: (factor, point) => zoomBy(factor, point),
    fit: () => apply(FIT, true),
    scale: () => state.scale,
    toPage: (point) => ({
      x: (point.x - state.x) / (size.width * state.scale),
      y: (point.y - state.y) / (size.height * state.scale),
    }),
    view: () => visibleFraction(state, size),
    destroy() {
      if (frameRequest) cancelAnimationFrame(frameRequest);
      frame.removeEventListener("pointerdown", onPointerDown);
      frame.removeEventListener("pointermove", onPointerMove);
      frame.removeEventListener("pointerup", onPointerUp);
      frame.removeEventListener("pointercancel", onPointerUp);
      frame.removeEventListener("click", onClick, true);
      frame.removeEventListener("wheel", onWheel);
      frame.removeEventListener("keydown", onKeyDown);
      frame.removeEventListener("focusin", onFocusIn);
      window.removeEventListener("resize", onResize);
      document.documentElement.removeAttribute("data-page-zoomed");
      frame.dataset.zoom = "ready";
    },
  };
}
