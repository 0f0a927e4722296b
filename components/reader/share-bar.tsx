import { ShareControl } from "./share-control";

/** The share row of the article and page views: the lazily loaded buttons, and 分享海报 as a plain link (no script needed). */
export function ShareBar({ path, title, posterHref }: { path: string; title: string; posterHref?: string }) {
  return (
    <div role="group" aria-label="分享" className="flex flex-wrap items-center gap-2 print:hidden">
      <ShareControl path={path} title={title} />
      {posterHref && (
        <a
          href={posterHref}
          target="_blank"
          rel="noopener"
          className="inline-flex min-h-11 items-center rounded bg-neutral-800 px-3 text-sm text-white hover:opacity-90 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-blue-600 dark:bg-neutral-200 dark:text-neutral-900"
        >
          分享海报
        </a>
      )}
    </div>
  );
}
