import { requireUser } from "@/lib/auth/session";
import { listUsers } from "@/lib/admin/users";
import { formatDateTime } from "@/lib/admin/dates";
import { UserForm } from "@/components/admin/user-form";
import { createAccount } from "./actions";

export const metadata = { title: "账号管理" };

export default async function UsersRoute() {
  await requireUser("ADMIN");
  const users = await listUsers();
  return (
    <main className="space-y-6">
      <h1 className="text-2xl font-bold">账号管理</h1>
      <table className="w-full bg-white text-left text-sm">
        <thead className="bg-neutral-100">
          <tr>
            <th className="px-3 py-2">姓名</th>
            <th className="px-3 py-2">邮箱</th>
            <th className="px-3 py-2">角色</th>
            <th className="hidden px-3 py-2 sm:table-cell">创建时间</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id} className="border-t">
              <td className="px-3 py-2">{user.name}</td>
              <td className="px-3 py-2">{user.email}</td>
              <td className="px-3 py-2">{user.role === "ADMIN" ? "管理员" : "编辑"}</td>
              <td className="hidden px-3 py-2 sm:table-cell">{formatDateTime(user.createdAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <section aria-labelledby="new-user" className="max-w-md space-y-2">
        <h2 id="new-user" className="text-xl font-bold">
          新建账号
        </h2>
        <UserForm action={createAccount} />
      </section>
    </main>
  );
}
