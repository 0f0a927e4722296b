import { ownSessions, requireUser } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/admin/dates";
import { OwnPasswordForm } from "@/components/admin/account-controls";
import { ConfirmForm } from "@/components/admin/confirm-form";
import { changePassword, endSession } from "./actions";

export const metadata = { title: "我的账号" };

export default async function AccountRoute() {
  const user = await requireUser();
  const sessions = await ownSessions(user);
  return (
    <main className="space-y-6">
      <h1 className="text-2xl font-bold">我的账号</h1>
      <p className="text-neutral-700">
        {user.name} · {user.email} · {user.role === "ADMIN" ? "管理员" : "编辑"}
      </p>
      <section aria-labelledby="own-password" className="max-w-md space-y-2">
        <h2 id="own-password" className="text-xl font-bold">
          修改密码
        </h2>
        <OwnPasswordForm action={changePassword} />
      </section>
      <section aria-labelledby="own-sessions" className="space-y-2">
        <h2 id="own-sessions" className="text-xl font-bold">
          登录中的设备
        </h2>
        <ul className="space-y-2" aria-label="登录中的设备">
          {sessions.map((session) => (
            <li
              key={session.id}
              className="flex flex-wrap items-center justify-between gap-2 rounded border border-neutral-200 bg-white p-3"
            >
              <div className="min-w-0 space-y-1 text-sm">
                <p className="break-all font-medium">
                  {session.userAgent || "未知浏览器"}
                  {session.current ? <span className="ml-2 text-green-800">（当前设备）</span> : null}
                </p>
                <p className="text-neutral-600">
                  {session.ip ? `${session.ip} · ` : ""}登录于 {formatDateTime(session.createdAt)} · 最近使用{" "}
                  {formatDateTime(session.lastUsedAt)} · 到期 {formatDateTime(session.expiresAt)}
                </p>
              </div>
              {session.current ? null : (
                <ConfirmForm
                  action={endSession}
                  fields={{ sessionId: session.id }}
                  label="结束这个登录"
                  question="结束这个设备上的登录？"
                  confirmLabel="确认结束"
                  danger
                />
              )}
            </li>
          ))}
        </ul>
      </section>
    </main>
  );
}
