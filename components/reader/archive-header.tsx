import Link from "next/link";
import { ThemeToggle } from "./theme-toggle";

export function ArchiveHeader({ name, home }: { name: string; home: string }) {
  return (
    <header className="border-b-4 border-double border-masthead">
      <div className="mx-auto flex max-w-3xl items-center gap-4 px-3 py-2 sm:px-4">
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
        <div className="ml-auto">
          <ThemeToggle />
        </div>
      </div>
    </header>
  );
}
