import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { getArticle, listEditionArticles } from "@/lib/admin/articles";
import { getPage } from "@/lib/admin/pages";
import { ArticleForm } from "@/components/admin/article-form";
import { ConfirmForm } from "@/components/admin/confirm-form";
import { LinkForm, MoveForm } from "@/components/admin/article-side-forms";
import { Notice } from "@/components/admin/notice";
import { deleteArticle, linkNextPart, moveArticleToPage, saveArticle, unlinkNextPart } from "./actions";
import { Breadcrumb, pageCrumbs } from "@/components/admin/breadcrumb";
import { idParam } from "@/lib/admin/schemas";

export const metadata = { title: "编辑文章" };

export default async function ArticleRoute({
  params,
  searchParams,
}: {
  params: Promise<{ editionId: string; pageId: string; articleId: string }>;
  searchParams: Promise<{ notice?: string }>;
}) {
  await requireUser();
  const { editionId, pageId, articleId } = await params;
  const article = await getArticle(idParam(editionId) ?? 0, idParam(pageId) ?? 0, idParam(articleId) ?? 0);
  if (!article) notFound();
  const [page, all, { notice }] = await Promise.all([
    getPage(article.edition.id, article.page.id),
    listEditionArticles(article.edition.id),
    searchParams,
  ]);
  const ref = { editionId: article.edition.id, pageId: article.page.id, articleId: article.id };
  const pageOrder = all.find((candidate) => candidate.id === article.id)?.pageOrder ?? 0;
  const hasPrevious = new Set(all.map((candidate) => candidate.nextPartId).filter((value) => value !== null));
  const linkable = all.filter((candidate) => candidate.pageOrder > pageOrder && !hasPrevious.has(candidate.id));
  return (
    <main className="grid gap-6 lg:grid-cols-[1fr_20rem]">
      <div className="space-y-4">
        <Breadcrumb
          items={[
            ...pageCrumbs({
              editionId: article.edition.id,
              editionDate: article.edition.date,
              id: article.page.id,
              code: article.page.code,
            }),
            { label: "文章" },
          ]}
        />
        <h1 className="text-2xl font-bold">编辑文章</h1>
        <Notice code={notice} />
        <ArticleForm
          action={saveArticle}
          initial={article.values}
          hidden={ref}
          version={article.version}
          articleId={article.id}
        />
      </div>
      <aside className="space-y-4">
        <section
          aria-labelledby="continuation-heading"
          className="space-y-2 rounded border border-neutral-200 bg-white p-3"
        >
          <h2 id="continuation-heading" className="font-bold">
            转版
          </h2>
          {article.previousPart ? (
            <p className="text-sm">
              上接：
              <Link
                href={`/admin/editions/${article.edition.id}/pages/${article.previousPart.pageId}/articles/${article.previousPart.id}`}
                className="text-blue-700 underline"
              >
                第 {article.previousPart.pageCode} 版「{article.previousPart.title}」
              </Link>
            </p>
          ) : (
            <p className="text-sm text-neutral-500">没有上文。</p>
          )}
          {article.nextPart ? (
            <div className="space-y-2 text-sm">
              <p>
                下转：
                <Link
                  href={`/admin/editions/${article.edition.id}/pages/${article.nextPart.pageId}/articles/${article.nextPart.id}`}
                  className="text-blue-700 underline"
                >
                  第 {article.nextPart.pageCode} 版「{article.nextPart.title}」
                </Link>
              </p>
              <ConfirmForm
                action={unlinkNextPart}
                fields={ref}
                label="取消下转链接"
                question="取消与续篇的链接？两篇文章都会保留。"
                confirmLabel="确认取消"
              />
            </div>
          ) : (
            <LinkForm
              action={linkNextPart}
              hidden={ref}
              options={linkable.map((candidate) => ({
                id: candidate.id,
                label: `第 ${candidate.pageCode} 版「${candidate.title}」`,
              }))}
            />
          )}
        </section>
        <section aria-labelledby="move-heading" className="space-y-2 rounded border border-neutral-200 bg-white p-3">
          <h2 id="move-heading" className="font-bold">
            移到其他版面
          </h2>
          <MoveForm
            action={moveArticleToPage}
            hidden={ref}
            pages={(page?.siblings ?? []).filter((sibling) => sibling.id !== article.page.id)}
          />
        </section>
        <section className="rounded border border-neutral-200 bg-white p-3">
          <ConfirmForm
            action={deleteArticle}
            fields={ref}
            label="删除文章"
            question={`删除「${article.values.title}」？`}
            confirmLabel="确认删除"
            danger
          />
        </section>
      </aside>
    </main>
  );
}
