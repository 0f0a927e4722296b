import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { getPage } from "@/lib/admin/pages";
import { ArticleForm } from "@/components/admin/article-form";
import { createArticle } from "./actions";
import { Breadcrumb, pageCrumbs } from "@/components/admin/breadcrumb";
import { idParam } from "@/lib/admin/schemas";

export const metadata = { title: "新建文章" };

export default async function NewArticleRoute({ params }: { params: Promise<{ editionId: string; pageId: string }> }) {
  await requireUser();
  const { editionId, pageId } = await params;
  const page = await getPage(idParam(editionId) ?? 0, idParam(pageId) ?? 0);
  if (!page) notFound();
  return (
    <main className="max-w-3xl space-y-4">
      <Breadcrumb items={[...pageCrumbs(page), { label: "新建文章" }]} />
      <h1 className="text-2xl font-bold">新建文章 · 第 {page.code} 版</h1>
      <ArticleForm action={createArticle} initial={{ kicker: "", title: "", subtitle: "", byline: "", body: "" }} hidden={{ editionId: page.editionId, pageId: page.id }} submitLabel="创建文章" />
    </main>
  );
}
