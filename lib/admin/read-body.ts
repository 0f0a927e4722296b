import { randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { UploadError } from "./upload-error";

const tooBig = (limit: number) => new UploadError(`文件太大：最大 ${limit / 1024 / 1024} MB。`, 413);

/** Reads a request body up to `limit` bytes; a larger body is refused without being read whole. */
export async function readLimited(request: Request, limit: number): Promise<Buffer> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > limit) throw tooBig(limit);
  if (!request.body) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel();
      throw tooBig(limit);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/**
 * Streams a request body (up to `limit` bytes, within `timeoutMs`) into a new
 * temporary file, so a large upload never sits in memory. Returns the file
 * and a function that removes it.
 */
export async function receiveToFile(
  request: Request,
  limit: number,
  timeoutMs: number,
): Promise<{ file: string; remove: () => Promise<void> }> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > limit) throw tooBig(limit);
  const file = path.join(tmpdir(), `banmian-upload-${randomBytes(8).toString("hex")}`);
  const remove = () => rm(file, { force: true });
  let total = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      total += chunk.length;
      done(total > limit ? tooBig(limit) : null, chunk);
    },
  });
  const body = request.body
    ? Readable.fromWeb(request.body as unknown as WebReadableStream<Uint8Array>)
    : Readable.from([]);
  try {
    await pipeline(body, counter, createWriteStream(file, { flags: "wx" }), {
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    await remove();
    if (error instanceof UploadError) throw error;
    if ((error as Error).name === "AbortError" || (error as Error).name === "TimeoutError")
      throw new UploadError(`上传超时（超过 ${Math.round(timeoutMs / 1000)} 秒），请检查网络后重试。`, 408);
    throw error;
  }
  return { file, remove };
}
