import { UploadError } from "./upload-error";

/** Reads a request body up to `limit` bytes; a larger body is refused without being read whole. */
export async function readLimited(request: Request, limit: number): Promise<Buffer> {
  const tooBig = () => new UploadError(`文件太大：最大 ${limit / 1024 / 1024} MB。`, 413);
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > limit) throw tooBig();
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
      throw tooBig();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
