import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { loadPreviewArticle } from "@/lib/admin/preview";
import { articleHref } from "@/lib/reading/urls";
import { ArticleView } from "@/components/reader/article-view";
import { PreviewBanner } from "@/components/admin/preview-banner";

export const metadata = { title: "预览" };

export default async function PreviewArticleRoute({
  params,
}: {
  params: Promise<{ editionId: string; page: string; article: string }>;
}) {
  await requireUser();
  const { editionId, page, article } = await params;
  const preview = await loadPreviewArticle(editionId, page, article);
  if (!preview) notFound();
  return (
    <>
      <PreviewBanner editionId={preview.edition.id} status={preview.edition.status} />
      <ArticleView
        edition={preview.edition}
        location={preview.location}
        blocks={preview.blocks}
        links={preview.links}
        canonicalUrl={articleHref(preview.links.base, preview.location.page.code, preview.location.article.position)}
      />
    </>
  );
}
