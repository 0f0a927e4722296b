import { requireUser } from "@/lib/auth/session";
import { listPublicationChoices, nextEditionDefaults } from "@/lib/admin/editions";
import { EditionForm } from "@/components/admin/edition-form";
import { createEdition } from "./actions";

export const metadata = { title: "新建期次" };

export default async function NewEditionRoute() {
  await requireUser();
  const [publications, defaults] = await Promise.all([listPublicationChoices(), nextEditionDefaults()]);
  return (
    <main className="max-w-lg space-y-4">
      <h1 className="text-2xl font-bold">新建期次</h1>
      {publications.length === 0 ? (
        <p className="rounded bg-amber-50 p-3 text-amber-900">还没有报纸。请管理员先导入示例数据或创建报纸。</p>
      ) : (
        <EditionForm
          action={createEdition}
          publications={publications}
          initial={{
            publicationId: String(publications[0].id),
            issueDate: defaults.date,
            issueNumber: String(defaults.issueNumber),
          }}
          submitLabel="创建期次"
        />
      )}
    </main>
  );
}
