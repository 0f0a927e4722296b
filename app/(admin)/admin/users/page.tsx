import { requireUser } from "@/lib/auth/session";
import { listAccounts } from "@/lib/admin/users";
import { formatDateTime } from "@/lib/admin/dates";
import { PasswordResetForm, RoleForm } from "@/components/admin/account-controls";
import { ConfirmForm } from "@/components/admin/confirm-form";
import { UserForm } from "@/components/admin/user-form";
import {
  createAccount,
  resetAccountPassword,
  revokeAccountSessions,
  setAccountEnabled,
  setAccountRole,
} from "./actions";

export const metadata = { title: "账号管理" };

export default async function UsersRoute() {
  const me = await requireUser("ADMIN");
  const users = await listAccounts();
  return (
    <main className="space-y-6">
      <h1 className="text-2xl font-bold">账号管理</h1>
      <ul className="space-y-3" aria-label="账号">
        {users.map((user) => (
          <li
            key={user.id}
            aria-label={user.email}
            className={`space-y-3 rounded border bg-white p-4 ${user.disabled ? "border-neutral-300 opacity-80" : "border-neutral-200"}`}
          >
            <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
              <span className="font-medium">{user.name}</span>
              <span className="break-all text-neutral-700">{user.email}</span>
              <span className="text-sm text-neutral-600">{user.role === "ADMIN" ? "管理员" : "编辑"}</span>
              {user.disabled ? (
                <span className="rounded bg-neutral-200 px-2 text-sm text-neutral-800">已停用</span>
              ) : null}
              {user.id === me.id ? <span className="text-sm text-neutral-500">（你自己）</span> : null}
              <span className="text-sm text-neutral-500">
                创建于 {formatDateTime(user.createdAt)} · 登录中 {user.sessionCount} 个
              </span>
            </div>
            <details className="space-y-3">
              <summary className="cursor-pointer text-sm text-neutral-700">管理 {user.name} 的账号</summary>
              <div className="flex flex-wrap items-start gap-3 pt-2">
                <RoleForm action={setAccountRole} userId={user.id} role={user.role} label={user.name} />
                {user.id === me.id ? null : (
                  <ConfirmForm
                    // A new form once the account changes state: otherwise the question of the
                    // step just confirmed stays open, now asking the opposite (启用 right after 停用).
                    key={user.disabled ? "enable" : "disable"}
                    action={setAccountEnabled}
                    fields={{ userId: user.id, enabled: String(user.disabled) }}
                    label={user.disabled ? "启用账号" : "停用账号"}
                    question={
                      user.disabled
                        ? `启用 ${user.email}？对方可以重新登录。`
                        : `停用 ${user.email}？对方的登录会立即结束，且不能再登录。`
                    }
                    confirmLabel={user.disabled ? "确认启用" : "确认停用"}
                    danger={!user.disabled}
                  />
                )}
                <ConfirmForm
                  action={revokeAccountSessions}
                  fields={{ userId: user.id }}
                  label="结束全部登录"
                  question={`结束 ${user.email} 在所有设备上的登录？`}
                  confirmLabel="确认结束"
                  danger
                />
              </div>
              <div className="max-w-md">
                <PasswordResetForm action={resetAccountPassword} userId={user.id} label={user.name} />
              </div>
            </details>
          </li>
        ))}
      </ul>
      <section aria-labelledby="new-user" className="max-w-md space-y-2">
        <h2 id="new-user" className="text-xl font-bold">
          新建账号
        </h2>
        <UserForm action={createAccount} />
      </section>
    </main>
  );
}
