import Link from "next/link";

export default function AdminNotFound() {
  return (
    <main className="space-y-3">
      <h1 className="text-xl font-bold">找不到这个内容</h1>
      <p className="text-neutral-700">它可能已被删除，或者链接有误。</p>
      <Link href="/admin" className="text-blue-700 underline">
        返回期次列表
      </Link>
    </main>
  );
}
