import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { pageFromParams } from "@/lib/admin/route-params";
import { adminUrls } from "@/lib/admin/urls";
import { MoveButtons } from "@/components/admin/move-buttons";
import { mediaUrl } from "@/lib/storage";
import { PageForm } from "@/components/admin/page-form";
import { PageImageUpload } from "@/components/admin/page-image-upload";
import { RegionEditor } from "@/components/admin/region-editor";
import { StatusBadge } from "@/components/admin/status-badge";
import { Notice } from "@/components/admin/notice";
import { buttonClass, secondaryButtonClass } from "@/components/admin/field";
import { moveArticle, renamePage, saveRegions } from "./actions";
import { Breadcrumb } from "@/components/admin/breadcrumb";
import { getPageTextReview } from "@/lib/admin/page-text";

export const metadata = { title: "版面" };

export default async function PageRoute({
  params,
  searchParams,
}: {
  params: Promise<{ editionId: string; pageId: string }>;
  searchParams: Promise<{ notice?: string }>;
}) {
  await requireUser();
  const page = await pageFromParams(params);
  const { notice } = await searchParams;
  const review = page.image ? await getPageTextReview(page.id) : null;
  const preview = page.image?.variants.find((variant) => variant.name === "large") ?? page.image?.variants.at(-1);
  return (
    <main className="space-y-6">
      <Breadcrumb
        items={[{ label: page.editionDate, href: adminUrls.edition(page.editionId) }, { label: `第 ${page.code} 版` }]}
      />
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold">
          第 {page.code} 版 · {page.name}
        </h1>
        <StatusBadge status={page.editionStatus} />
      </div>
      <Notice code={notice} />
      {/* min-w-0: a grid item is as wide as its longest unbreakable line by default, and a 漏标 line is a whole
          printed article (truncated with an ellipsis); without it the page overflowed a phone's screen. */}
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <section aria-labelledby="regions-heading" className="min-w-0 space-y-3">
          <h2 id="regions-heading" className="text-xl font-bold">
            版面图与文章区域
          </h2>
          {page.image && preview ? (
            <RegionEditor
              action={saveRegions}
              editionId={page.editionId}
              pageId={page.id}
              version={page.regionsVersion}
              image={{ url: mediaUrl(preview.key), width: page.image.width, height: page.image.height }}
              articles={page.articles.map((article) => ({
                id: article.id,
                title: article.title,
                regions: article.regions,
              }))}
              proposals={review?.proposals}
              uncovered={review?.uncovered.map((block) => ({
                ...block,
                href: adminUrls.pasteFromBlock(page.editionId, page.id, block.index),
              }))}
            />
          ) : (
            <p className="rounded border border-dashed border-neutral-300 bg-white p-6 text-neutral-600">
              还没有版面图。请在右侧上传版面图，然后在图上框出每篇文章的位置。
            </p>
          )}
        </section>
        <aside className="min-w-0 space-y-4">
          <PageImageUpload pageId={page.id} hasImage={Boolean(page.image)} />
          {page.pdfKey ? (
            <p className="text-sm text-neutral-700">
              <a href={mediaUrl(page.pdfKey)} className="text-blue-700 underline" type="application/pdf">
                本版PDF
              </a>
              {review ? "：有文字层，可按文字建议文章区域。" : "：没有文字层（可能是扫描件），文章区域需要手工框出。"}
              {review?.missingFonts.length ? ` 未嵌入的字体：${review.missingFonts.join("、")}。` : null}
            </p>
          ) : null}
          <section aria-labelledby="articles-heading" className="space-y-2">
            <h2 id="articles-heading" className="text-xl font-bold">
              文章（{page.articles.length}）
            </h2>
            <div className="flex flex-wrap gap-2">
              <Link href={adminUrls.paste(page.editionId, page.id)} className={buttonClass}>
                粘贴文章
              </Link>
              <Link href={adminUrls.newArticle(page.editionId, page.id)} className={secondaryButtonClass}>
                新建文章
              </Link>
            </div>
            <ol className="space-y-2">
              {page.articles.map((article, index) => (
                <li key={article.id} className="rounded border border-neutral-200 bg-white p-2">
                  <Link
                    href={adminUrls.article(page.editionId, page.id, article.id)}
                    className="font-medium text-blue-700 underline"
                  >
                    {article.title}
                  </Link>
                  <div className="text-xs text-neutral-500">
                    {article.byline ? <span>{article.byline} · </span> : null}
                    {article.regions.length} 个区域
                    {article.previousPart ? <span> · 上接第 {article.previousPart.pageCode} 版</span> : null}
                    {article.nextPart ? <span> · 下转第 {article.nextPart.pageCode} 版</span> : null}
                  </div>
                  <div className="mt-1">
                    <MoveButtons
                      action={moveArticle}
                      fields={{ editionId: page.editionId, pageId: page.id, articleId: article.id }}
                      label={`「${article.title}」`}
                      first={index === 0}
                      last={index === page.articles.length - 1}
                    />
                  </div>
                </li>
              ))}
            </ol>
          </section>
          <section aria-labelledby="page-settings-heading" className="space-y-2">
            <h2 id="page-settings-heading" className="text-xl font-bold">
              版面信息
            </h2>
            <PageForm
              action={renamePage}
              editionId={page.editionId}
              pageId={page.id}
              version={page.version}
              initial={{ code: page.code, name: page.name }}
            />
          </section>
        </aside>
      </div>
    </main>
  );
}
