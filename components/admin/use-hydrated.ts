"use client";
import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/** false in the server's HTML and during hydration, true once React runs in the browser (a control that needs JavaScript stays disabled until then). */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
