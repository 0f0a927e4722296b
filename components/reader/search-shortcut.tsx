"use client";
import { useEffect } from "react";

/** "/" puts the cursor in the search box (listed in the "?" shortcuts dialog), unless one is typing already. */
export function SearchShortcut({ target }: { target: string }) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "/" || event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      const active = event.target;
      if (
        active instanceof HTMLElement &&
        (active.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(active.tagName))
      )
        return;
      const input = document.getElementById(target);
      if (!(input instanceof HTMLInputElement)) return;
      event.preventDefault();
      input.focus();
      input.select();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [target]);
  return null;
}
