// The import endpoint's work, from request to answer (the route adds the
// session check and the reader's revalidation): one import at a time here,
// the bundle streamed to a temporary file, and every refusal answered with
// its 4xx status and message, never a 500.
import type { PrismaClient } from "../db/client";
import { receiveToFile } from "../admin/read-body";
import { UploadError } from "../admin/upload-error";
import { BUNDLE_LIMITS, BundleError, openZipFile } from "./bundle";
import { tryStartImport } from "./gate";
import { bundleNameFromHeader, IMPORT_TIMEOUT_MS, importBundle } from "./import";

const problem = (message: string, status: number, headers?: HeadersInit) =>
  Response.json({ ok: false, problems: [{ place: "上传", message }] }, { status, headers });

/**
 * Imports the ZIP bundle that is `request`'s body. 200 with the report; 422
 * with every problem when nothing was stored (also when the import ran out of
 * time); 408 when the upload took longer than the time limit; 413 when it is
 * too big; 429 while another import runs in this instance. `imported` is the
 * new edition's id.
 */
export async function importUpload(
  request: Request,
  db: PrismaClient,
  userId: number,
): Promise<{ response: Response; imported: number | null }> {
  const done = tryStartImport();
  if (!done)
    return {
      response: problem("另一个期次包正在导入，请等它完成后再试（同一时间只导入一个，以免拖慢读者访问）。", 429, {
        "Retry-After": "30",
      }),
      imported: null,
    };
  let upload: Awaited<ReturnType<typeof receiveToFile>> | null = null;
  try {
    upload = await receiveToFile(request, BUNDLE_LIMITS.maxZipBytes, IMPORT_TIMEOUT_MS);
    const bundle = await openZipFile(upload.file, bundleNameFromHeader(request.headers.get("x-file-name")));
    try {
      const result = await importBundle(db, bundle, { userId });
      if (!result.ok) return { response: Response.json(result, { status: 422 }), imported: null };
      return { response: Response.json(result), imported: result.editionId };
    } finally {
      bundle.close();
    }
  } catch (error) {
    if (error instanceof BundleError)
      return { response: Response.json({ ok: false, problems: error.problems }, { status: 422 }), imported: null };
    if (error instanceof UploadError) return { response: problem(error.message, error.status), imported: null };
    throw error;
  } finally {
    await upload?.remove();
    done();
  }
}
