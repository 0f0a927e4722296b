"use client";

import type { ComponentProps } from "react";

/**
 * The page image's <img>, rendered from a client component on purpose: React
 * turns every <img> a server component renders into a preload hint in the RSC
 * payload, and Next.js prefetches the payload of 上一版/下一版 and of every page
 * in the title navigation, so the browser downloaded each of those pages' full
 * images (≈ 250 KB apiece) while showing one. Here the server sends only props;
 * the server-rendered HTML still has the <img> (and its preload) for the page
 * being viewed.
 */
export function PagePicture({ alt, ...props }: ComponentProps<"img"> & { alt: string }) {
  return <img alt={alt} {...props} />;
}
