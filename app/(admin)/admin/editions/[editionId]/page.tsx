import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { listPublicationChoices } from "@/lib/admin/editions";
import { editionFromParams } from "@/lib/admin/route-params";
import { adminUrls } from "@/lib/admin/urls";
import { nextPageCode } from "@/lib/reading/page-codes";
import { mediaUrl } from "@/lib/storage";
import { MoveButtons } from "@/components/admin/move-buttons";
import { ConfirmForm } from "@/components/admin/confirm-form";
import { EditionForm } from "@/components/admin/edition-form";
import { AddPageForm } from "@/components/admin/add-page-form";
import { StatusBadge } from "@/components/admin/status-badge";
import { Notice } from "@/components/admin/notice";
import { secondaryButtonClass } from "@/components/admin/field";
import {
  addPage,
  deleteEdition,
  deletePage,
  movePage,
  publishEdition,
  unpublishEdition,
  updateEdition,
} from "./actions";
import { Breadcrumb } from "@/components/admin/breadcrumb";

export const metadata = { title: "期次" };

export default async function EditionRoute({
  params,
  searchParams,
}: {
  params: Promise<{ editionId: string }>;
  searchParams: Promise<{ notice?: string }>;
}) {
  await requireUser();
  const edition = await editionFromParams(params);
  const [publications, { notice }] = await Promise.all([listPublicationChoices(), searchParams]);
  const missingImages = edition.pages.filter((page) => !page.hasImage);
  return (
    <main className="space-y-6">
      <Breadcrumb items={[{ label: edition.date }]} />
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold">
          {edition.date} · 第 {edition.issueNumber} 期
        </h1>
        <StatusBadge status={edition.status} />
        <span className="text-sm text-neutral-500">{edition.publicationName}</span>
      </div>
      <Notice code={notice} />
      <section aria-label="发布" className="flex flex-wrap items-center gap-2">
        {edition.status === "DRAFT" ? (
          <ConfirmForm
            action={publishEdition}
            fields={{ editionId: edition.id }}
            label="发布本期"
            question={
              missingImages.length
                ? `还有 ${missingImages.length} 个版面没有版面图（${missingImages.map((page) => page.code).join("、")}）。仍要发布，让读者看到本期吗？`
                : `发布后读者即可看到 ${edition.date} 的报纸。确认发布？`
            }
            confirmLabel="确认发布"
          />
        ) : (
          <>
            <a href={edition.readerUrl} target="_blank" rel="noreferrer" className={secondaryButtonClass}>
              在读者端查看
            </a>
            <ConfirmForm
              action={unpublishEdition}
              fields={{ editionId: edition.id }}
              label="撤回发布"
              question="撤回后读者将看不到本期。确认撤回？"
              confirmLabel="确认撤回"
              danger
            />
          </>
        )}
        <Link href={adminUrls.preview(edition.id)} className={secondaryButtonClass}>
          预览
        </Link>
        <Link href={adminUrls.audit(edition.id)} className={secondaryButtonClass}>
          操作记录
        </Link>
      </section>

      <section aria-labelledby="pages-heading" className="space-y-3">
        <h2 id="pages-heading" className="text-xl font-bold">
          版面（{edition.pages.length}）
        </h2>
        {edition.pages.length === 0 ? (
          <p className="text-neutral-600">还没有版面。在下面填写版号和版名，添加第一个版面。</p>
        ) : null}
        <ol className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          {edition.pages.map((page, index) => (
            <li key={page.id} className="flex flex-col gap-2 rounded border border-neutral-200 bg-white p-3">
              <Link href={adminUrls.page(edition.id, page.id)} className="flex gap-3">
                {page.thumbKey ? (
                  <img src={mediaUrl(page.thumbKey)} alt="" className="h-24 w-16 border object-cover object-top" />
                ) : (
                  <span className="flex h-24 w-16 items-center justify-center border border-dashed text-xs text-neutral-400">
                    无图
                  </span>
                )}
                <span>
                  <span className="block font-bold text-blue-700 underline">第 {page.code} 版</span>
                  <span className="block text-sm">{page.name}</span>
                  <span className="block text-xs text-neutral-500">{page.articleCount} 篇文章</span>
                </span>
              </Link>
              <div className="flex flex-wrap gap-1">
                <MoveButtons
                  action={movePage}
                  fields={{ editionId: edition.id, pageId: page.id }}
                  label={`第 ${page.code} 版`}
                  first={index === 0}
                  last={index === edition.pages.length - 1}
                />
                <ConfirmForm
                  action={deletePage}
                  fields={{ editionId: edition.id, pageId: page.id }}
                  label="删除"
                  question={`删除第 ${page.code} 版和它的 ${page.articleCount} 篇文章？`}
                  confirmLabel="确认删除"
                  danger
                />
              </div>
            </li>
          ))}
        </ol>
        <AddPageForm
          action={addPage}
          editionId={edition.id}
          suggestedCode={nextPageCode(edition.pages.map((page) => page.code))}
        />
      </section>

      <section aria-labelledby="settings-heading" className="max-w-lg space-y-3">
        <h2 id="settings-heading" className="text-xl font-bold">
          期次信息
        </h2>
        <EditionForm
          action={updateEdition}
          publications={publications}
          hidden={{ editionId: String(edition.id) }}
          version={edition.version}
          initial={{
            publicationId: String(edition.publicationId),
            issueDate: edition.date,
            issueNumber: String(edition.issueNumber),
          }}
          submitLabel="保存期次信息"
        />
        {edition.status === "DRAFT" ? (
          <ConfirmForm
            action={deleteEdition}
            fields={{ editionId: edition.id }}
            label="删除本期"
            question="删除本期草稿及其全部版面和文章？此操作不能撤销。"
            confirmLabel="确认删除"
            danger
          />
        ) : (
          <p className="text-sm text-neutral-500">已发布的期次不能删除；如需删除，请先撤回发布。</p>
        )}
      </section>
    </main>
  );
}
