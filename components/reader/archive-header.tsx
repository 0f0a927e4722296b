import Link from "next/link";
import { SearchBox } from "./search-box";
import { ThemeToggle } from "./theme-toggle";

export function ArchiveHeader({
  name,
  home,
  search,
  query,
}: {
  name: string;
  home: string;
  /** The search form's action (the publication's /search). */
  search: string;
  query?: string;
}) {
  return (
    <header className="border-b-4 border-double border-masthead">
      <div className="mx-auto flex max-w-3xl flex-wrap items-center gap-x-4 gap-y-1 px-3 py-2 sm:px-4">
        <Link
          href={home}
          className="inline-flex min-h-11 items-center font-serif text-2xl font-black tracking-widest text-masthead focus-visible:outline-3 focus-visible:outline-blue-600 dark:text-red-400"
        >
          {name}
        </Link>
        <Link
          href={home}
          className="inline-flex min-h-11 items-center text-blue-800 hover:underline dark:text-blue-300"
        >
          返回最新一期
        </Link>
        <div className="ml-auto flex items-center gap-1">
          <SearchBox action={search} defaultValue={query} />
          <ThemeToggle />
        </div>
      </div>
    </header>
  );
}
