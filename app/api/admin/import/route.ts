import { adminRoute } from "@/lib/admin/action";
import { receiveToFile } from "@/lib/admin/read-body";
import { revalidateReader } from "@/lib/admin/revalidate";
import { BUNDLE_LIMITS, BundleError, openZipFile } from "@/lib/import/bundle";
import { tryStartImport } from "@/lib/import/gate";
import { bundleNameFromHeader, IMPORT_TIMEOUT_MS, importBundle } from "@/lib/import/import";
import { UploadError } from "@/lib/admin/upload-error";

const problem = (message: string, status: number, headers?: HeadersInit) =>
  Response.json({ ok: false, problems: [{ place: "上传", message }] }, { status, headers });

/**
 * Imports an edition bundle (the ZIP file is the body, streamed to a temporary
 * file). 422 with every problem when nothing was stored; 429 while another
 * import runs in this instance.
 */
export const POST = adminRoute(async (request, { db, user }) => {
  const done = tryStartImport();
  if (!done)
    return problem("另一个期次包正在导入，请等它完成后再试（同一时间只导入一个，以免拖慢读者访问）。", 429, {
      "Retry-After": "30",
    });
  let upload: Awaited<ReturnType<typeof receiveToFile>> | null = null;
  try {
    upload = await receiveToFile(request, BUNDLE_LIMITS.maxZipBytes, IMPORT_TIMEOUT_MS);
    const bundle = await openZipFile(upload.file, bundleNameFromHeader(request.headers.get("x-file-name")));
    try {
      const result = await importBundle(db, bundle, { userId: user.id });
      if (!result.ok) return Response.json(result, { status: 422 });
      revalidateReader({ editions: true, editionId: result.editionId });
      return Response.json(result);
    } finally {
      bundle.close();
    }
  } catch (error) {
    if (error instanceof BundleError) return Response.json({ ok: false, problems: error.problems }, { status: 422 });
    if (error instanceof UploadError) return problem(error.message, error.status);
    throw error;
  } finally {
    await upload?.remove();
    done();
  }
});
