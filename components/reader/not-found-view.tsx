import Link from "next/link";
import { ApplyPreferences } from "./apply-preferences";

/** The 404 page: says what is missing and links to the newest edition ("/" always shows it) and the calendar. */
export function NotFoundView() {
  return (
    <main id="main" className="mx-auto max-w-xl space-y-4 px-4 py-16 text-center">
      <ApplyPreferences />
      <p className="font-serif text-2xl font-black tracking-widest text-masthead dark:text-red-400">版面</p>
      <h1 className="text-3xl font-bold">找不到该页面</h1>
      <p>没有这一天的报纸，或者版面、文章不存在。</p>
      <p>
        <Link
          href="/"
          className="inline-flex min-h-11 items-center rounded bg-masthead px-4 text-white hover:opacity-90"
        >
          阅读最新一期
        </Link>
      </p>
      <p>
        <Link href="/archive" className="inline-flex min-h-11 items-center text-blue-800 underline dark:text-blue-300">
          往期阅读
        </Link>
      </p>
    </main>
  );
}
