import { prisma } from "@/lib/db/prisma";
import { requireApiUser } from "@/lib/auth/session";
import { PAGE_IMAGE_LIMITS, UploadError, replacePageImage } from "@/lib/admin/page-upload";
import { readLimited } from "@/lib/admin/read-body";
import { revalidateReader } from "@/lib/admin/revalidate";
import { removeFile } from "@/lib/storage";
import { idParam } from "@/lib/admin/schemas";

/** Upload or replace a page's image. The body is the file itself (sent by XHR, for the progress bar). */
export async function POST(request: Request, { params }: { params: Promise<{ pageId: string }> }) {
  const auth = await requireApiUser();
  if (auth.response) return auth.response;
  const pageId = idParam((await params).pageId);
  if (!pageId) return Response.json({ message: "版面不存在。" }, { status: 404 });
  try {
    const bytes = await readLimited(request, PAGE_IMAGE_LIMITS.maxBytes);
    const result = await replacePageImage(prisma, pageId, auth.user.id, bytes);
    const page = await prisma.page.findUniqueOrThrow({ where: { id: pageId }, select: { editionId: true } });
    revalidateReader({ editionId: page.editionId, pageIds: [pageId], articleIds: result.articleIds });
    for (const key of result.oldKeys) await removeFile(key).catch(() => undefined);
    return Response.json({ message: result.message, width: result.width, height: result.height });
  } catch (error) {
    if (error instanceof UploadError) return Response.json({ message: error.message }, { status: error.status });
    throw error;
  }
}
