import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { getPage } from "@/lib/admin/pages";
import { PasteFlow } from "@/components/admin/paste-flow";
import { parsePaste, savePastedArticle } from "./actions";

export const metadata = { title: "粘贴文章" };

export default async function PasteRoute({ params }: { params: Promise<{ editionId: string; pageId: string }> }) {
  await requireUser();
  const { editionId, pageId } = await params;
  const page = await getPage(Number(editionId) || 0, Number(pageId) || 0);
  if (!page) notFound();
  return (
    <main className="max-w-3xl space-y-4">
      <nav className="text-sm text-neutral-500">
        <Link href={`/admin/editions/${page.editionId}`} className="underline">{page.editionDate}</Link> /{" "}
        <Link href={`/admin/editions/${page.editionId}/pages/${page.id}`} className="underline">第 {page.code} 版</Link> / 粘贴文章
      </nav>
      <h1 className="text-2xl font-bold">粘贴文章 · 第 {page.code} 版</h1>
      <PasteFlow parseAction={parsePaste} saveAction={savePastedArticle} editionId={page.editionId} pageId={page.id} />
    </main>
  );
}
