"use client";
import { adminUrls } from "@/lib/admin/urls";
import { useHydrated } from "./use-hydrated";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";

type Status =
  | { kind: "idle" }
  | { kind: "uploading"; percent: number }
  | { kind: "processing" }
  | { kind: "done"; message: string }
  | { kind: "error"; message: string };

const MAX_BYTES = 40 * 1024 * 1024;

/** Sends the file with XHR (fetch cannot report upload progress) and shows a progress bar. */
export function PageImageUpload({ pageId, hasImage }: { pageId: number; hasImage: boolean }) {
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState<Status>({ kind: "idle" });
  // Until hydrated, a chosen file would go nowhere: keep the input disabled.
  const ready = useHydrated();
  const busy = !ready || status.kind === "uploading" || status.kind === "processing";

  function upload(file: File) {
    if (file.size > MAX_BYTES) {
      setStatus({ kind: "error", message: `文件太大（${(file.size / 1024 / 1024).toFixed(1)} MB）：最大 40 MB。` });
      return;
    }
    const xhr = new XMLHttpRequest();
    xhr.open("POST", adminUrls.api.pageImage(pageId));
    xhr.setRequestHeader("Content-Type", "application/octet-stream");
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable)
        setStatus({ kind: "uploading", percent: Math.round((event.loaded / event.total) * 100) });
    };
    xhr.upload.onload = () => setStatus({ kind: "processing" });
    xhr.onload = () => {
      let message = "上传失败。";
      try {
        message = (JSON.parse(xhr.responseText) as { message?: string }).message ?? message;
      } catch {
        // A non-JSON answer (e.g. a proxy's error page) keeps the generic message.
      }
      if (xhr.status === 401) message = "登录已过期，请在新标签页重新登录后再上传。";
      if (xhr.status >= 200 && xhr.status < 300) {
        setStatus({ kind: "done", message });
        router.refresh();
      } else setStatus({ kind: "error", message });
      if (input.current) input.current.value = "";
    };
    xhr.onerror = () => setStatus({ kind: "error", message: "网络错误，上传没有完成，请重试。" });
    setStatus({ kind: "uploading", percent: 0 });
    xhr.send(file);
  }

  return (
    <div className="space-y-2 rounded border border-neutral-200 bg-white p-3">
      <label htmlFor="page-image" className="block text-sm font-medium">
        {hasImage ? "替换版面图" : "上传版面图"}（JPEG、PNG 或 WebP，最大 40 MB）
      </label>
      <input
        ref={input}
        id="page-image"
        type="file"
        accept="image/jpeg,image/png,image/webp"
        disabled={busy}
        className="block w-full text-sm file:mr-3 file:rounded file:border-0 file:bg-neutral-900 file:px-3 file:py-2 file:text-white"
        onChange={(event) => {
          const file = event.target.files?.[0];
          if (file) upload(file);
        }}
      />
      {status.kind === "uploading" ? (
        <div>
          <progress max={100} value={status.percent} aria-label="上传进度" className="h-2 w-full" />
          <p className="text-sm text-neutral-600">正在上传 {status.percent}%</p>
        </div>
      ) : null}
      {status.kind === "processing" ? (
        <p role="status" className="text-sm text-neutral-600">
          上传完成，正在生成缩略图…
        </p>
      ) : null}
      {status.kind === "done" ? (
        <p role="status" className="rounded bg-green-50 px-3 py-2 text-sm text-green-800">
          {status.message}
        </p>
      ) : null}
      {status.kind === "error" ? (
        <p role="alert" className="rounded bg-red-50 px-3 py-2 text-sm text-red-800">
          {status.message}
        </p>
      ) : null}
    </div>
  );
}
