import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { getPage } from "@/lib/admin/pages";
import { PasteFlow } from "@/components/admin/paste-flow";
import { parsePaste, savePastedArticle } from "./actions";
import { Breadcrumb, pageCrumbs } from "@/components/admin/breadcrumb";
import { idParam } from "@/lib/admin/schemas";

export const metadata = { title: "粘贴文章" };

export default async function PasteRoute({ params }: { params: Promise<{ editionId: string; pageId: string }> }) {
  await requireUser();
  const { editionId, pageId } = await params;
  const page = await getPage(idParam(editionId) ?? 0, idParam(pageId) ?? 0);
  if (!page) notFound();
  return (
    <main className="max-w-3xl space-y-4">
      <Breadcrumb items={[...pageCrumbs(page), { label: "粘贴文章" }]} />
      <h1 className="text-2xl font-bold">粘贴文章 · 第 {page.code} 版</h1>
      <PasteFlow parseAction={parsePaste} saveAction={savePastedArticle} editionId={page.editionId} pageId={page.id} />
    </main>
  );
}
