import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { articleFromParams } from "@/lib/admin/route-params";
import { adminUrls } from "@/lib/admin/urls";
import { ArticleForm } from "@/components/admin/article-form";
import { ConfirmForm } from "@/components/admin/confirm-form";
import { LinkForm, MoveForm } from "@/components/admin/article-side-forms";
import { Notice } from "@/components/admin/notice";
import { deleteArticle, linkNextPart, moveArticleToPage, saveArticle, unlinkNextPart } from "./actions";
import { Breadcrumb, pageCrumbs } from "@/components/admin/breadcrumb";

export const metadata = { title: "编辑文章" };

export default async function ArticleRoute({
  params,
  searchParams,
}: {
  params: Promise<{ editionId: string; pageId: string; articleId: string }>;
  searchParams: Promise<{ notice?: string }>;
}) {
  await requireUser();
  const [article, { notice }] = await Promise.all([articleFromParams(params), searchParams]);
  const ref = { editionId: article.edition.id, pageId: article.page.id, articleId: article.id };
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
          damagedBlocks={article.damagedBlocks}
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
                href={adminUrls.article(article.edition.id, article.previousPart.pageId, article.previousPart.id)}
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
                  href={adminUrls.article(article.edition.id, article.nextPart.pageId, article.nextPart.id)}
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
              options={article.linkTargets.map((candidate) => ({
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
          <MoveForm action={moveArticleToPage} hidden={ref} pages={article.otherPages} />
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
