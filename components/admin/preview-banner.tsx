import Link from "next/link";
import { adminUrls } from "@/lib/admin/urls";

export function PreviewBanner({ editionId, status }: { editionId: number; status: "DRAFT" | "PUBLISHED" }) {
  return (
    <p
      role="note"
      className="mb-3 flex flex-wrap items-center justify-between gap-2 rounded bg-amber-100 px-3 py-2 text-sm text-amber-900"
    >
      <span>预览：这是读者将看到的样子。{status === "DRAFT" ? "本期还是草稿，读者现在看不到。" : "本期已发布。"}</span>
      <Link href={adminUrls.edition(editionId)} className="underline">
        返回编辑
      </Link>
    </p>
  );
}
