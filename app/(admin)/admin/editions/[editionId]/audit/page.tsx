import { requireUser } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/admin/dates";
import { getAuditLog } from "@/lib/admin/editions";
import { editionFromParams } from "@/lib/admin/route-params";
import { adminUrls } from "@/lib/admin/urls";
import { Breadcrumb } from "@/components/admin/breadcrumb";

export const metadata = { title: "操作记录" };

const ACTIONS: Record<string, string> = {
  create: "新建",
  update: "修改",
  delete: "删除",
  publish: "发布",
  unpublish: "撤回",
  upload: "上传",
  link: "链接",
  unlink: "取消链接",
  move: "移动",
  reorder: "排序",
  import: "导入",
};

export default async function AuditRoute({ params }: { params: Promise<{ editionId: string }> }) {
  await requireUser();
  const edition = await editionFromParams(params);
  const entries = await getAuditLog(edition.id);
  return (
    <main className="space-y-4">
      <Breadcrumb items={[{ label: edition.date, href: adminUrls.edition(edition.id) }, { label: "操作记录" }]} />
      <h1 className="text-2xl font-bold">操作记录 · {edition.date}</h1>
      <table className="w-full bg-white text-left text-sm">
        <thead className="bg-neutral-100">
          <tr>
            <th className="px-3 py-2">时间</th>
            <th className="px-3 py-2">操作人</th>
            <th className="px-3 py-2">操作</th>
            <th className="px-3 py-2">内容</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id} className="border-t">
              <td className="whitespace-nowrap px-3 py-2">{formatDateTime(entry.at)}</td>
              <td className="px-3 py-2">{entry.who}</td>
              <td className="px-3 py-2">{ACTIONS[entry.action] ?? entry.action}</td>
              <td className="px-3 py-2">{entry.summary}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
