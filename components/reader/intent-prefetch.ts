// Props for a reader link that is prefetched when the reader reaches for it
// (a mouse over it, keyboard focus), not when it scrolls near the screen:
// inside a <PrefetchOnIntent>, spread on next/link's <Link>. Not in
// prefetch-on-intent.tsx: a server component importing a value from a
// "use client" module gets a client reference, not the object.
export const INTENT_PREFETCH = { prefetch: false, "data-prefetch": "intent" } as const;
