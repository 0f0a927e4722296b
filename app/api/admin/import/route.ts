import { prisma } from "@/lib/db/prisma";
import { requireApiUser } from "@/lib/auth/session";
import { UploadError } from "@/lib/admin/page-upload";
import { readLimited } from "@/lib/admin/read-body";
import { revalidateReader } from "@/lib/admin/revalidate";
import { BundleError, readZip } from "@/lib/import/bundle";
import { importBundle } from "@/lib/import/import";

const MAX_ZIP_BYTES = 300 * 1024 * 1024;

/** Imports an edition bundle (the ZIP file is the body). 422 with every problem when nothing was stored. */
export async function POST(request: Request) {
  const auth = await requireApiUser();
  if (auth.response) return auth.response;
  try {
    const zip = await readLimited(request, MAX_ZIP_BYTES);
    const name = decodeURIComponent(request.headers.get("x-file-name") ?? "bundle.zip").slice(0, 100);
    const result = await importBundle(prisma, await readZip(zip, name), { userId: auth.user.id });
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
}
