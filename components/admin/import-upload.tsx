"use client";
import { useHydrated } from "./use-hydrated";
import Link from "next/link";
import { useState } from "react";

import type { ImportResult as Result } from "@/lib/import/import";
import { adminUrls } from "@/lib/admin/urls";

export function ImportUpload() {
  const ready = useHydrated();
  const [percent, setPercent] = useState<number | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const [error, setError] = useState<string | null>(null);

  function upload(file: File) {
    setResult(null);
    setError(null);
    const xhr = new XMLHttpRequest();
    xhr.open("POST", adminUrls.api.import);
    xhr.setRequestHeader("Content-Type", "application/zip");
    xhr.setRequestHeader("X-File-Name", encodeURIComponent(file.name));
    xhr.upload.onprogress = (event) =>
      event.lengthComputable && setPercent(Math.round((event.loaded / event.total) * 100));
    xhr.onload = () => {
      setPercent(null);
      try {
        const body = JSON.parse(xhr.responseText) as Partial<Result> & { message?: string };
        if (xhr.status === 401) setError("登录已过期，请重新登录后再上传。");
        else if (typeof body.ok === "boolean") setResult(body as Result);
        else setError(body.message ?? "导入失败。");
      } catch {
        setError(`导入失败（HTTP ${xhr.status}）。`);
      }
    };
    xhr.onerror = () => {
      setPercent(null);
      setError("网络错误，上传没有完成。");
    };
    setPercent(0);
    xhr.send(file);
  }

  return (
    <div className="space-y-3">
      <div className="space-y-2 rounded border border-neutral-200 bg-white p-3">
        <label htmlFor="bundle" className="block text-sm font-medium">
          期次包（ZIP）
        </label>
        <input
          id="bundle"
          type="file"
          accept=".zip,application/zip"
          disabled={!ready || percent !== null}
          onChange={(event) => event.target.files?.[0] && upload(event.target.files[0])}
          className="block w-full text-sm"
        />
        {percent !== null ? (
          <div>
            <progress max={100} value={percent} aria-label="上传进度" className="h-2 w-full" />
            <p className="text-sm text-neutral-600">{percent < 100 ? `正在上传 ${percent}%` : "正在检查和导入…"}</p>
          </div>
        ) : null}
      </div>
      {error ? (
        <p role="alert" className="rounded bg-red-50 px-3 py-2 text-sm text-red-800">
          {error}
        </p>
      ) : null}
      {result && !result.ok ? (
        <div role="alert" className="space-y-2 rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900">
          <p className="font-bold">导入失败，什么也没有保存。发现 {result.problems.length} 个问题：</p>
          <ul className="list-disc space-y-1 pl-5">
            {result.problems.map((problem, index) => (
              <li key={index}>
                <code className="text-xs">{problem.place}</code>：{problem.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {result?.ok ? (
        <div role="status" className="space-y-2 rounded border border-green-300 bg-green-50 p-3 text-sm text-green-900">
          <p className="font-bold">
            已导入 {result.date}（{result.status === "PUBLISHED" ? "已发布" : "草稿"}），{result.pages.length} 个版面，
            {result.links} 个转版链接：
          </p>
          <ul className="list-disc pl-5">
            {result.pages.map((page) => (
              <li key={page.code}>
                第 {page.code} 版「{page.name}」：{page.articles} 篇文章{page.image ? "" : "，无版面图"}
                {page.pdf ? "，含本版PDF" : ""}
              </li>
            ))}
          </ul>
          {result.notes.length ? (
            <ul className="list-disc pl-5 text-amber-900">
              {result.notes.map((note, index) => (
                <li key={index}>{note}</li>
              ))}
            </ul>
          ) : null}
          <Link href={adminUrls.edition(result.editionId)} className="text-blue-700 underline">
            打开这一期
          </Link>
        </div>
      ) : null}
    </div>
  );
}
