import { adminRoute } from "@/lib/admin/action";
import { revalidateReader } from "@/lib/admin/revalidate";
import { importUpload } from "@/lib/import/upload";

/** Imports an edition bundle (the ZIP file is the body); the statuses are importUpload's. */
export const POST = adminRoute(async (request, { db, user }) => {
  const { response, imported } = await importUpload(request, db, user.id);
  if (imported !== null) revalidateReader({ editions: true, editionId: imported });
  return response;
});
