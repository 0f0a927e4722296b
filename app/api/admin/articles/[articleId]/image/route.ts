import { adminRoute } from "@/lib/admin/action";
import { articleExists } from "@/lib/admin/articles";
import { PAGE_IMAGE_LIMITS, storeArticleImage } from "@/lib/admin/page-upload";
import { readLimited } from "@/lib/admin/read-body";
import { idParam } from "@/lib/admin/schemas";

/**
 * Stores an image for an article's body and answers with the block to insert;
 * the article itself changes only when the editor saves the form.
 */
export const POST = adminRoute<{ articleId: string }>(async (request, { db, params }) => {
  const articleId = idParam(params.articleId);
  if (!articleId || !(await articleExists(db, articleId)))
    return Response.json({ message: "文章不存在。" }, { status: 404 });
  return Response.json(await storeArticleImage(articleId, await readLimited(request, PAGE_IMAGE_LIMITS.maxBytes)));
});
