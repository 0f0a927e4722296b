"use client";

export default function AdminError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="space-y-3">
      <h1 className="text-xl font-bold">出错了</h1>
      <p className="text-neutral-700">
        操作没有完成，已保存的内容不受影响。请重试；如果问题持续，请把错误编号告诉技术人员。
      </p>
      {error.digest ? <p className="text-sm text-neutral-500">错误编号：{error.digest}</p> : null}
      <button type="button" onClick={reset} className="rounded bg-neutral-900 px-4 py-2 text-sm text-white">
        重试
      </button>
    </main>
  );
}
