import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { listEditions } from "@/lib/admin/editions";
import { adminUrls } from "@/lib/admin/urls";
import { buttonClass } from "@/components/admin/field";
import { StatusBadge } from "@/components/admin/status-badge";

export const metadata = { title: "期次" };

export default async function EditionsRoute() {
  await requireUser();
  const editions = await listEditions();
  return (
    <main className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-bold">期次</h1>
        <Link href={adminUrls.newEdition} className={buttonClass}>
          新建期次
        </Link>
      </div>
      {editions.length === 0 ? (
        <p className="rounded border border-dashed border-neutral-300 bg-white p-6 text-neutral-600">
          还没有期次。点击“新建期次”开始制作第一期报纸。
        </p>
      ) : (
        <table className="w-full border-collapse overflow-hidden rounded bg-white text-left text-sm shadow-sm">
          <thead className="bg-neutral-100 text-neutral-600">
            <tr>
              <th className="px-3 py-2">日期</th>
              <th className="px-3 py-2">期号</th>
              <th className="hidden px-3 py-2 sm:table-cell">报纸</th>
              <th className="px-3 py-2">版数</th>
              <th className="px-3 py-2">状态</th>
            </tr>
          </thead>
          <tbody>
            {editions.map((edition) => (
              <tr key={edition.id} className="border-t border-neutral-100">
                <td className="px-3 py-2">
                  <Link href={adminUrls.edition(edition.id)} className="font-medium text-blue-700 underline">
                    {edition.date}
                  </Link>
                </td>
                <td className="px-3 py-2">第 {edition.issueNumber} 期</td>
                <td className="hidden px-3 py-2 sm:table-cell">{edition.publicationName}</td>
                <td className="px-3 py-2">{edition.pageCount}</td>
                <td className="px-3 py-2">
                  <StatusBadge status={edition.status} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
