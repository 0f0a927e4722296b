export function StatusBadge({ status }: { status: "DRAFT" | "PUBLISHED" }) {
  return status === "PUBLISHED" ? (
    <span className="rounded bg-green-100 px-2 py-0.5 text-xs font-medium text-green-800">已发布</span>
  ) : (
    <span className="rounded bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-800">草稿</span>
  );
}
