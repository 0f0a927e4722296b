"use client";
import { adminUrls } from "@/lib/admin/urls";
import type { Stage } from "@/lib/pdf/process";
import { buttonClass, secondaryButtonClass } from "./field";
import { useHydrated } from "./use-hydrated";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";

type Status =
  | { kind: "idle" }
  | { kind: "uploading"; percent: number }
  | { kind: "processing"; label: string; percent: number | null }
  | { kind: "done"; message: string }
  | { kind: "error"; message: string }
  | { kind: "pages"; message: string; file: File };

type Answer = {
  status?: number;
  message?: string;
  pages?: number;
  progress?: { stage: Stage; page: number; pages: number };
};

const IMAGE_MAX_BYTES = 40 * 1024 * 1024;
const PDF_MAX_BYTES = 100 * 1024 * 1024;
const STAGES: Record<Stage, { label: string; done: number }> = {
  render: { label: "正在渲染", done: 0 },
  images: { label: "正在生成版面图和缩放图块", done: 0.3 },
  text: { label: "正在读取文字层", done: 0.9 },
};

function stageStatus({ stage, page, pages }: { stage: Stage; page: number; pages: number }): Status {
  const where = pages > 1 ? `第 ${page}/${pages} 页` : "PDF";
  return {
    kind: "processing",
    label: `${STAGES[stage].label}（${where}）…`,
    percent: Math.round(((page - 1 + STAGES[stage].done) / pages) * 100),
  };
}

/** The answer's lines (a PDF's answer streams one line per stage; the last one is the outcome). */
function answers(text: string): Answer[] {
  return text
    .split("\n")
    .filter((line) => line.trim())
    .flatMap((line) => {
      try {
        return [JSON.parse(line) as Answer];
      } catch {
        // A non-JSON answer (e.g. a proxy's error page) or a line still arriving.
        return [];
      }
    });
}

/**
 * Sends the file with XHR (fetch cannot report upload progress) and shows a
 * progress bar, then a PDF's rendering stages as the server reports them.
 */
export function PageImageUpload({ pageId, hasImage }: { pageId: number; hasImage: boolean }) {
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState<Status>({ kind: "idle" });
  // Until hydrated, a chosen file would go nowhere: keep the input disabled.
  const ready = useHydrated();
  const busy = !ready || status.kind === "uploading" || status.kind === "processing";

  function upload(file: File, eachPage = false) {
    const pdf = file.type === "application/pdf" || /\.pdf$/i.test(file.name);
    const max = pdf ? PDF_MAX_BYTES : IMAGE_MAX_BYTES;
    if (file.size > max) {
      const limit = `最大 ${max / 1024 / 1024} MB`;
      setStatus({ kind: "error", message: `文件太大（${(file.size / 1024 / 1024).toFixed(1)} MB）：${limit}。` });
      return;
    }
    const xhr = new XMLHttpRequest();
    xhr.open("POST", adminUrls.api.pageImage(pageId, eachPage));
    xhr.setRequestHeader("Content-Type", "application/octet-stream");
    xhr.setRequestHeader("Accept", "application/x-ndjson, application/json");
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable)
        setStatus({ kind: "uploading", percent: Math.round((event.loaded / event.total) * 100) });
    };
    xhr.upload.onload = () =>
      setStatus({
        kind: "processing",
        label: pdf ? "上传完成，正在检查 PDF…" : "上传完成，正在生成缩略图…",
        percent: null,
      });
    xhr.onprogress = () => {
      const progress = answers(xhr.responseText).findLast((answer) => answer.progress)?.progress;
      if (progress) setStatus(stageStatus(progress));
    };
    xhr.onload = () => {
      const last = answers(xhr.responseText).at(-1);
      const status = last?.status ?? xhr.status;
      let message = last?.message ?? "上传失败。";
      if (status === 401) message = "登录已过期，请在新标签页重新登录后再上传。";
      if (status >= 200 && status < 300) {
        setStatus({ kind: "done", message });
        router.refresh();
      } else if (status === 409 && last?.pages) setStatus({ kind: "pages", message, file });
      else setStatus({ kind: "error", message });
      if (input.current) input.current.value = "";
    };
    xhr.onerror = () => setStatus({ kind: "error", message: "网络错误，上传没有完成，请重试。" });
    setStatus({ kind: "uploading", percent: 0 });
    xhr.send(file);
  }

  return (
    <div className="space-y-2 rounded border border-neutral-200 bg-white p-3">
      <label htmlFor="page-image" className="block text-sm font-medium">
        {hasImage ? "替换版面图" : "上传版面图"}（PDF 最大 100 MB；JPEG、PNG 或 WebP 最大 40 MB）
      </label>
      <input
        ref={input}
        id="page-image"
        type="file"
        accept="application/pdf,image/jpeg,image/png,image/webp"
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
        <div>
          {status.percent === null ? (
            <progress aria-label="处理进度" className="h-2 w-full" />
          ) : (
            <progress max={100} value={status.percent} aria-label="处理进度" className="h-2 w-full" />
          )}
          <p role="status" className="text-sm text-neutral-600">
            {status.label}
          </p>
        </div>
      ) : null}
      {status.kind === "pages" ? (
        <div role="alert" className="space-y-2 rounded bg-amber-50 px-3 py-2 text-sm text-amber-900">
          <p>{status.message}</p>
          <div className="flex gap-2">
            <button type="button" className={buttonClass} onClick={() => upload(status.file, true)}>
              每页建一个版
            </button>
            <button type="button" className={secondaryButtonClass} onClick={() => setStatus({ kind: "idle" })}>
              取消
            </button>
          </div>
        </div>
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
