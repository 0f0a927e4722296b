"use client";
import { useEffect } from "react";
import { applyStoredPreferences } from "./preferences";

/**
 * Next.js renders the 404 of a dynamic route in the browser, where the inline
 * script in <head> never runs; this applies the reader's theme and text size
 * there instead.
 */
export function ApplyPreferences() {
  useEffect(applyStoredPreferences, []);
  return null;
}
