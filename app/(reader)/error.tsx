"use client";

export default function ReaderError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main id="main" className="mx-auto max-w-xl space-y-4 px-4 py-16 text-center">
      <h1 className="text-2xl font-bold">页面暂时无法显示</h1>
      <p>请稍后再试。</p>
      <p className="flex justify-center gap-4">
        <button type="button" onClick={reset} className="min-h-11 rounded bg-masthead px-4 text-white">
          重试
        </button>
        {/* A full page load, not a client navigation: the app that just failed starts afresh. */}
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
        <a href="/" className="inline-flex min-h-11 items-center text-blue-800 underline">
          返回首页
        </a>
      </p>
    </main>
  );
}
