import { adminRoute } from "@/lib/admin/action";
import { readLimited } from "@/lib/admin/read-body";
import { revalidateReader } from "@/lib/admin/revalidate";
import { BundleError, readZip } from "@/lib/import/bundle";
import { bundleNameFromHeader, importBundle } from "@/lib/import/import";
import { UploadError } from "@/lib/admin/upload-error";

const MAX_ZIP_BYTES = 300 * 1024 * 1024;

/** Imports an edition bundle (the ZIP file is the body). 422 with every problem when nothing was stored. */
export const POST = adminRoute(async (request, { db, user }) => {
  try {
    const zip = await readLimited(request, MAX_ZIP_BYTES);
    const bundle = await readZip(zip, bundleNameFromHeader(request.headers.get("x-file-name")));
    const result = await importBundle(db, bundle, { userId: user.id });
    if (!result.ok) return Response.json(result, { status: 422 });
    revalidateReader({ editions: true, editionId: result.editionId });
    return Response.json(result);
  } catch (error) {
    if (error instanceof BundleError) return Response.json({ ok: false, problems: error.problems }, { status: 422 });
    if (error instanceof UploadError)
      return Response.json(
        { ok: false, problems: [{ place: "上传", message: error.message }] },
        { status: error.status },
      );
    throw error;
  }
});
