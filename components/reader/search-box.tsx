import { SearchShortcut } from "./search-shortcut";

/** The search box of every reader header: a plain GET form, so it works before (and without) JavaScript. */
export function SearchBox({ action, defaultValue = "" }: { action: string; defaultValue?: string }) {
  return (
    <form action={action} method="get" role="search" className="flex items-center print:hidden">
      <label htmlFor="reader-search" className="sr-only">
        搜索报纸
      </label>
      <input
        id="reader-search"
        type="search"
        name="q"
        defaultValue={defaultValue}
        maxLength={200}
        placeholder="搜索 /"
        aria-keyshortcuts="/"
        enterKeyHint="search"
        className="h-11 w-28 rounded-l border border-neutral-400 bg-white px-2 text-base focus-visible:outline-3 focus-visible:outline-blue-600 sm:w-44 dark:border-neutral-600 dark:bg-neutral-900"
      />
      <SearchShortcut target="reader-search" />
      <button
        type="submit"
        className="h-11 rounded-r border border-l-0 border-neutral-400 bg-neutral-100 px-3 text-sm hover:bg-neutral-200 focus-visible:outline-3 focus-visible:outline-blue-600 dark:border-neutral-600 dark:bg-neutral-800 dark:hover:bg-neutral-700"
      >
        搜索
      </button>
    </form>
  );
}
