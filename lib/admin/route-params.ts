// The entity an admin route's URL names, or the admin's 找不到 page: ids are
// checked (digits within PostgreSQL's integer range) before any query.
import "server-only";
import { notFound } from "next/navigation";
import { getArticleForEdit, type AdminArticle } from "./articles";
import { getEditionForEdit, type AdminEdition } from "./editions";
import { getPageForEdit, type AdminPageDetail } from "./pages";
import { idParam } from "./schemas";

export async function editionFromParams(params: Promise<{ editionId: string }>): Promise<AdminEdition> {
  const editionId = idParam((await params).editionId);
  return (editionId ? await getEditionForEdit(editionId) : null) ?? notFound();
}

/** The page a `/admin/editions/[editionId]/pages/[pageId]` route names. */
export async function pageFromParams(params: Promise<{ editionId: string; pageId: string }>): Promise<AdminPageDetail> {
  const { editionId, pageId } = await params;
  return (await getPageForEdit(idParam(editionId) ?? 0, idParam(pageId) ?? 0)) ?? notFound();
}

export async function articleFromParams(
  params: Promise<{ editionId: string; pageId: string; articleId: string }>,
): Promise<AdminArticle> {
  const { editionId, pageId, articleId } = await params;
  return (
    (await getArticleForEdit(idParam(editionId) ?? 0, idParam(pageId) ?? 0, idParam(articleId) ?? 0)) ?? notFound()
  );
}
