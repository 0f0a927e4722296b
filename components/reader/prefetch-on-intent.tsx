"use client";
import { useRouter } from "next/navigation";
import type { ComponentProps, FocusEvent, PointerEvent } from "react";

/**
 * Prefetches the links inside marked `data-prefetch="intent"` (rendered with
 * prefetch={false}) when a mouse is over one or it has keyboard focus
 * (:focus-visible), like Next.js's hover prefetch. Those links are all on a phone's screen at once
 * (the masthead's, 上一版/下一版 and every article's region on the page image),
 * so Next.js's default would fetch every one of their payloads as the page
 * opens: 70 KB that a reader who zooms into the page never uses (issue #11).
 * A touch prefetches nothing (nor does the focus a tap gives a link): a tap
 * navigates at once, except on a region, where the first tap of a double tap
 * would fetch an article the reader only wanted to zoom into.
 */
export function PrefetchOnIntent(props: ComponentProps<"div">) {
  const router = useRouter();
  const prefetch = (target: EventTarget) => {
    const link = (target as Element).closest?.<HTMLAnchorElement>('a[data-prefetch="intent"]');
    if (link && link.origin === window.location.origin) router.prefetch(link.pathname + link.search);
  };
  return (
    <div
      {...props}
      onPointerOverCapture={(event: PointerEvent) => event.pointerType === "mouse" && prefetch(event.target)}
      onFocusCapture={(event: FocusEvent) =>
        (event.target as Element).matches(":focus-visible") && prefetch(event.target)
      }
    />
  );
}
