import { requireUser } from "@/lib/auth/session";
import { randomUUID } from "node:crypto";
import { pageFromParams } from "@/lib/admin/route-params";
import { ArticleForm } from "@/components/admin/article-form";
import { createArticle } from "./actions";
import { Breadcrumb, pageCrumbs } from "@/components/admin/breadcrumb";

export const metadata = { title: "新建文章" };

export default async function NewArticleRoute({ params }: { params: Promise<{ editionId: string; pageId: string }> }) {
  await requireUser();
  const page = await pageFromParams(params);
  return (
    <main className="max-w-3xl space-y-4">
      <Breadcrumb items={[...pageCrumbs(page), { label: "新建文章" }]} />
      <h1 className="text-2xl font-bold">新建文章 · 第 {page.code} 版</h1>
      <ArticleForm
        action={createArticle}
        initial={{ kicker: "", title: "", subtitle: "", byline: "", body: "" }}
        // One key per form shown: sending it twice creates the article once.
        hidden={{ editionId: page.editionId, pageId: page.id, submissionKey: randomUUID() }}
        submitLabel="创建文章"
      />
    </main>
  );
}
