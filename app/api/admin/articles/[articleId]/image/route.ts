import { prisma } from "@/lib/db/prisma";
import { requireApiUser } from "@/lib/auth/session";
import { PAGE_IMAGE_LIMITS, UploadError, storeArticleImage } from "@/lib/admin/page-upload";
import { readLimited } from "@/lib/admin/read-body";
import { idParam } from "@/lib/admin/schemas";

/**
 * Stores an image for an article's body and answers with the block to insert;
 * the article itself changes only when the editor saves the form.
 */
export async function POST(request: Request, { params }: { params: Promise<{ articleId: string }> }) {
  const auth = await requireApiUser();
  if (auth.response) return auth.response;
  const articleId = idParam((await params).articleId);
  const article = articleId
    ? await prisma.article.findUnique({ where: { id: articleId }, select: { id: true } })
    : null;
  if (!article) return Response.json({ message: "文章不存在。" }, { status: 404 });
  try {
    const image = await storeArticleImage(article.id, await readLimited(request, PAGE_IMAGE_LIMITS.maxBytes));
    return Response.json(image);
  } catch (error) {
    if (error instanceof UploadError) return Response.json({ message: error.message }, { status: error.status });
    throw error;
  }
}
