// Runs PDF jobs (lib/pdf/process.ts) in worker threads, one thread per job,
// at most PDF_CONCURRENCY (default 1) at a time per process so that memory
// stays bounded, each stopped after its time limit.
import path from "node:path";
import { Worker } from "node:worker_threads";
import { PDF_LIMITS, PdfError } from "./limits";
import type { PdfInfo, PdfPageText, RenderedPdfPage, Stage } from "./process";

export type PdfJob =
  | { kind: "inspect"; bytes: ArrayBuffer }
  | { kind: "split"; bytes: ArrayBuffer; prefix: string }
  | { kind: "text"; bytes: ArrayBuffer; page: number }
  | { kind: "render"; bytes: ArrayBuffer; page: number; prefix: string; dpi?: number };

type Results = { inspect: PdfInfo; split: string[]; text: PdfPageText; render: RenderedPdfPage };

export type WorkerMessage =
  | { type: "stage"; stage: Stage }
  | { type: "done"; result: unknown }
  | { type: "failed"; message: string; status: number }
  | { type: "crashed"; detail: string };

const concurrency = Math.max(1, Number(process.env.PDF_CONCURRENCY) || 1);
let running = 0;
const waiting: Array<() => void> = [];

async function slot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= concurrency) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await work();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

function entry(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), "lib/pdf/worker-entry.cjs");
}

/** A copy of `bytes` the worker can own (the caller keeps its buffer). */
function transferable(bytes: Uint8Array): ArrayBuffer {
  const copy = new ArrayBuffer(bytes.byteLength);
  new Uint8Array(copy).set(bytes);
  return copy;
}

type JobOptions = {
  page?: number;
  prefix?: string;
  dpi?: number;
  onStage?: (stage: Stage) => void;
  /** Overrides the limit of PDF_LIMITS (tests). */
  timeoutMs?: number;
};

/** A worker thread running jobs one at a time; a job over its time limit or a crash ends the thread. */
class PdfWorker {
  private worker = new Worker(entry(), { resourceLimits: { maxOldGenerationSizeMb: 1024 } });
  dead = false;

  constructor() {
    this.worker.on("exit", () => (this.dead = true));
    this.worker.unref();
  }

  run<K extends PdfJob["kind"]>(kind: K, bytes: Uint8Array, options: JobOptions): Promise<Results[K]> {
    const worker = this.worker;
    const timeout = options.timeoutMs ?? (kind === "render" ? PDF_LIMITS.pageTimeoutMs : PDF_LIMITS.inspectTimeoutMs);
    return new Promise<Results[K]>((resolve, reject) => {
      let settled = false;
      const finish = (outcome: () => void, stop = false) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        worker.off("message", onMessage);
        worker.off("error", onError);
        worker.off("exit", onExit);
        if (stop) this.close();
        outcome();
      };
      const broken = (detail: string) =>
        finish(() => {
          console.error(`PDF worker failed: ${detail}`);
          reject(new PdfError("PDF 无法处理（文件可能已损坏）：请重新导出后再上传。", 422));
        }, true);
      const onMessage = (message: WorkerMessage) => {
        if (message.type === "stage") options.onStage?.(message.stage);
        else if (message.type === "done") finish(() => resolve(message.result as Results[K]));
        else if (message.type === "failed") finish(() => reject(new PdfError(message.message, message.status)));
        else broken(message.detail);
      };
      const onError = (error: Error) => broken(`${error.name}: ${error.message}`);
      const onExit = (code: number) => broken(`exited with code ${code}`);
      const timer = setTimeout(
        () =>
          finish(
            () =>
              reject(new PdfError(`处理 PDF 超过 ${timeout / 1000} 秒，已停止：这个 PDF 可能过于复杂或已损坏。`, 422)),
            true,
          ),
        timeout,
      );
      worker.on("message", onMessage);
      worker.on("error", onError);
      worker.on("exit", onExit);
      if (this.dead) return broken("the thread had ended");
      const data = transferable(bytes);
      const job = { kind, bytes: data, page: options.page ?? 0, prefix: options.prefix ?? "", dpi: options.dpi };
      worker.postMessage(job, [data]);
    });
  }

  close(): void {
    this.dead = true;
    void this.worker.terminate();
  }
}

/**
 * Runs one job in a thread of its own. Resolves with its result; rejects
 * with a PdfError (a message for the editor) for bad PDFs, time-outs and
 * crashes of the renderer.
 */
export function runPdfJob<K extends PdfJob["kind"]>(
  kind: K,
  bytes: Uint8Array,
  options: JobOptions = {},
): Promise<Results[K]> {
  return slot(async () => {
    const worker = new PdfWorker();
    try {
      return await worker.run(kind, bytes, options);
    } finally {
      worker.close();
    }
  });
}

/** `size` threads that each run many jobs: for trusted batches (the seed's sample pages). */
export function createPdfPool(size: number) {
  const idle: PdfWorker[] = [];
  const waiters: Array<(worker: PdfWorker) => void> = [];
  let created = 0;
  const acquire = async (): Promise<PdfWorker> => {
    const ready = idle.pop();
    if (ready) return ready;
    if (created < size) {
      created++;
      return new PdfWorker();
    }
    return new Promise((resolve) => waiters.push(resolve));
  };
  const release = (worker: PdfWorker) => {
    const next = worker.dead ? new PdfWorker() : worker;
    const waiter = waiters.shift();
    if (waiter) waiter(next);
    else idle.push(next);
  };
  return {
    async run<K extends PdfJob["kind"]>(kind: K, bytes: Uint8Array, options: JobOptions = {}): Promise<Results[K]> {
      const worker = await acquire();
      try {
        return await worker.run(kind, bytes, options);
      } finally {
        release(worker);
      }
    },
    close(): void {
      for (const worker of idle.splice(0)) worker.close();
    },
  };
}
