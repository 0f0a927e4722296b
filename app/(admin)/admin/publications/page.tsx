import { requireUser } from "@/lib/auth/session";
import { listPublicationsForAdmin } from "@/lib/admin/publications";
import { PublicationForm } from "@/components/admin/publication-form";
import { savePublication } from "./actions";

export const metadata = { title: "报纸" };

export default async function PublicationsRoute() {
  await requireUser("ADMIN");
  const publications = await listPublicationsForAdmin();
  return (
    <main className="space-y-6">
      <h1 className="text-2xl font-bold">报纸</h1>
      <div className="grid gap-4 md:grid-cols-2">
        {publications.map((publication) => (
          <section key={publication.id} aria-label={publication.name} className="space-y-2">
            <h2 className="font-bold">
              {publication.name}{" "}
              {publication.isDefault ? <span className="text-sm font-normal text-neutral-500">（默认）</span> : null}
              <span className="ml-2 text-sm font-normal text-neutral-500">{publication.editionCount} 期</span>
            </h2>
            <PublicationForm action={savePublication} initial={publication} submitLabel="保存" />
          </section>
        ))}
        <section aria-label="新建报纸" className="space-y-2">
          <h2 className="font-bold">新建报纸</h2>
          <PublicationForm
            action={savePublication}
            initial={{ slug: "", name: "", description: "", isDefault: false }}
            submitLabel="创建报纸"
          />
        </section>
      </div>
    </main>
  );
}
