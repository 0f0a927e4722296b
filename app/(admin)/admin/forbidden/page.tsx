import Link from "next/link";

export const metadata = { title: "没有权限" };

export default function ForbiddenRoute() {
  return (
    <main className="space-y-3">
      <h1 className="text-xl font-bold">没有权限</h1>
      <p className="text-neutral-700">这个页面只有管理员可以使用。</p>
      <Link href="/admin" className="text-blue-700 underline">
        返回期次列表
      </Link>
    </main>
  );
}
