"use client";
// Loads the share buttons after the page is interactive, in their own chunk,
// so they add nothing to the JavaScript a reader downloads first.
import dynamic from "next/dynamic";
import type { ShareButtonsProps } from "./share-buttons";

const ShareButtons = dynamic(() => import("./share-buttons").then((module) => module.ShareButtons), {
  ssr: false,
  loading: () => <span className="inline-block min-h-11" aria-hidden="true" />,
});

export function ShareControl(props: ShareButtonsProps) {
  return <ShareButtons {...props} />;
}
