import { redirect } from "next/navigation";
import { getCurrentUser, safeNextPath } from "@/lib/auth/session";
import { LoginForm } from "@/components/admin/login-form";
import { login } from "./actions";

export const metadata = { title: "登录" };
export const instant = false;

export default async function LoginRoute({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const { next } = await searchParams;
  const nextPath = typeof next === "string" ? next : "/admin";
  // Already signed in (e.g. logged in in another tab): go straight on.
  if (await getCurrentUser()) redirect(safeNextPath(nextPath));
  return (
    <main className="mx-auto mt-8 max-w-sm space-y-4 rounded-lg border border-neutral-200 bg-white p-6 shadow-sm">
      <h1 className="text-2xl font-bold">登录</h1>
      {nextPath !== "/admin" ? <p className="text-sm text-neutral-600">请先登录，登录后会回到刚才的页面。</p> : null}
      <LoginForm next={nextPath} login={login} />
    </main>
  );
}
