// PDF jobs in a worker thread, one after another. Uploads give every job its
// own thread, which ends after it, so PDFium's wasm memory (which only grows)
// is returned; the caller stops a job that runs too long without stopping the
// server. The seed reuses threads for its trusted sample pages.
import { parentPort } from "node:worker_threads";
import { PdfError } from "./limits";
import { inspectPdf, readPdfPageText, renderPdfPage, splitPdf } from "./process";
import type { PdfJob, WorkerMessage } from "./run";

const port = parentPort;
if (!port) throw new Error("lib/pdf/worker.ts runs in a worker thread (lib/pdf/run.ts)");

port.on("message", async (job: PdfJob) => {
  const send = (message: WorkerMessage) => port.postMessage(message);
  try {
    const bytes = new Uint8Array(job.bytes);
    const result =
      job.kind === "inspect"
        ? await inspectPdf(bytes)
        : job.kind === "split"
          ? await splitPdf(bytes, job.prefix)
          : job.kind === "text"
            ? await readPdfPageText(bytes, job.page)
            : await renderPdfPage(bytes, job.page, job.prefix, (stage) => send({ type: "stage", stage }), job.dpi);
    send({ type: "done", result });
  } catch (error) {
    if (error instanceof PdfError) send({ type: "failed", message: error.message, status: error.status });
    else send({ type: "crashed", detail: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
  }
});
