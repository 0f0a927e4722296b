import type { NoticeCode } from "@/lib/admin/urls";

const NOTICES: Record<NoticeCode, { text: string; ok: boolean }> = {
  published: { text: "本期已发布，读者现在可以看到。", ok: true },
  unpublished: { text: "已撤回发布，读者不再能看到本期。", ok: true },
  "already-published": { text: "本期已经是发布状态（可能刚被别人发布），发布时间没有改变。", ok: true },
  "already-draft": { text: "本期已经是草稿（可能刚被别人撤回）。", ok: true },
  "page-deleted": { text: "版面已删除。", ok: true },
  "edition-deleted": { text: "期次已删除。", ok: true },
  "edition-missing": { text: "这个期次已不存在。", ok: false },
  "article-deleted": { text: "文章已删除。", ok: true },
  "article-created": { text: "文章已保存。", ok: true },
  "article-split": { text: "文章已保存。有段落超过 20000 字，已在换行处（或句末）拆成几段，请检查正文。", ok: true },
  "preview-empty": { text: "本期还没有版面，无法预览。", ok: false },
};

/** Outcome of an action that redirected, passed as ?notice=code. */
export function Notice({ code }: { code?: string }) {
  const notice = code && Object.hasOwn(NOTICES, code) ? NOTICES[code as NoticeCode] : undefined;
  if (!notice) return null;
  return (
    <p
      role={notice.ok ? "status" : "alert"}
      className={`rounded px-3 py-2 text-sm ${notice.ok ? "bg-green-50 text-green-800" : "bg-red-50 text-red-800"}`}
    >
      {notice.text}
    </p>
  );
}
