import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { loadPreviewPage } from "@/lib/admin/preview";
import { PageView } from "@/components/reader/page-view";
import { PreviewBanner } from "@/components/admin/preview-banner";

export const metadata = { title: "预览" };

export default async function PreviewPageRoute({ params }: { params: Promise<{ editionId: string; page: string }> }) {
  await requireUser();
  const { editionId, page: pageParam } = await params;
  const preview = await loadPreviewPage(editionId, pageParam);
  if (!preview) notFound();
  return (
    <>
      <PreviewBanner editionId={preview.edition.id} status={preview.edition.status} />
      <PageView edition={preview.edition} page={preview.page} links={preview.links} />
    </>
  );
}
