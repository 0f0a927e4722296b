import Link from "next/link";
import { getCurrentUser } from "@/lib/auth/session";
import { adminUrls } from "@/lib/admin/urls";

/** `logout` is the layout's server action, passed in so components never import from app/. */
export async function AccountMenu({ logout }: { logout: () => Promise<void> }) {
  const user = await getCurrentUser();
  if (!user) return null;
  return (
    <nav aria-label="账号" className="flex flex-wrap items-center gap-3 text-sm">
      <Link href="/admin" className="text-neutral-700 hover:underline">
        期次
      </Link>
      <Link href="/admin/import" className="text-neutral-700 hover:underline">
        批量导入
      </Link>
      <Link href={adminUrls.search} className="text-neutral-700 hover:underline">
        搜索
      </Link>
      {user.role === "ADMIN" ? (
        <Link href="/admin/users" className="text-neutral-700 hover:underline">
          账号管理
        </Link>
      ) : null}
      {user.role === "ADMIN" ? (
        <Link href="/admin/publications" className="text-neutral-700 hover:underline">
          报纸
        </Link>
      ) : null}
      <Link href="/admin/account" className="text-neutral-500 hover:underline">
        {user.name}（{user.role === "ADMIN" ? "管理员" : "编辑"}）
      </Link>
      <form action={logout}>
        <button type="submit" className="text-neutral-700 underline">
          退出登录
        </button>
      </form>
    </nav>
  );
}
