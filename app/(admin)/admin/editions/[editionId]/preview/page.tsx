import { notFound, redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { loadPreview } from "@/lib/admin/preview";
import { adminUrls, withNotice } from "@/lib/admin/urls";

export default async function PreviewRoute({ params }: { params: Promise<{ editionId: string }> }) {
  await requireUser();
  const preview = await loadPreview((await params).editionId);
  if (!preview) notFound();
  const first = preview.edition.pages[0];
  if (!first) redirect(withNotice(adminUrls.edition(preview.edition.id), "preview-empty"));
  redirect(adminUrls.previewPage(preview.edition.id, first.code));
}
