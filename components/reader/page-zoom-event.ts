// How the keyboard shortcuts (z, x, c) reach the page view's zoom without loading it.
export const ZOOM_EVENT = "banmian:page-zoom";
export type ZoomCommand = "in" | "out" | "fit";
