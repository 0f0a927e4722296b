import { notFound, redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { loadPreview } from "@/lib/admin/preview";

export default async function PreviewRoute({ params }: { params: Promise<{ editionId: string }> }) {
  await requireUser();
  const preview = await loadPreview((await params).editionId);
  if (!preview) notFound();
  const first = preview.edition.pages[0];
  if (!first) redirect(`/admin/editions/${preview.edition.id}?notice=preview-empty`);
  redirect(`${preview.links.base}/${first.code.toLowerCase()}`);
}
