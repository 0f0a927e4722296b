import { adminRoute } from "@/lib/admin/action";
import { PAGE_IMAGE_LIMITS, replacePageImage } from "@/lib/admin/page-upload";
import { readLimited } from "@/lib/admin/read-body";
import { revalidateReader } from "@/lib/admin/revalidate";
import { idParam } from "@/lib/admin/schemas";

/** Upload or replace a page's image. The body is the file itself (sent by XHR, for the progress bar). */
export const POST = adminRoute<{ pageId: string }>(async (request, { db, user, params }) => {
  const pageId = idParam(params.pageId);
  if (!pageId) return Response.json({ message: "版面不存在。" }, { status: 404 });
  const result = await replacePageImage(db, pageId, user.id, await readLimited(request, PAGE_IMAGE_LIMITS.maxBytes));
  revalidateReader({ editionId: result.editionId, pageIds: [pageId], articleIds: result.articleIds });
  return Response.json({ message: result.message, width: result.width, height: result.height });
});
