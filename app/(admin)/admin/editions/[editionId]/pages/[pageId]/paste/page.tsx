import { requireUser } from "@/lib/auth/session";
import { randomUUID } from "node:crypto";
import { pageFromParams } from "@/lib/admin/route-params";
import { getPageBlockText } from "@/lib/admin/page-text";
import { PasteFlow } from "@/components/admin/paste-flow";
import { parsePaste, savePastedArticle } from "./actions";
import { Breadcrumb, pageCrumbs } from "@/components/admin/breadcrumb";

export const metadata = { title: "粘贴文章" };

export default async function PasteRoute({
  params,
  searchParams,
}: {
  params: Promise<{ editionId: string; pageId: string }>;
  searchParams: Promise<{ block?: string }>;
}) {
  await requireUser();
  const page = await pageFromParams(params);
  // ?block=N: start from a block of the page's printed text (漏标 on the page screen).
  const { block } = await searchParams;
  const initialRaw = block && /^\d{1,5}$/.test(block) ? await getPageBlockText(page.id, Number(block)) : null;
  return (
    <main className="max-w-3xl space-y-4">
      <Breadcrumb items={[...pageCrumbs(page), { label: "粘贴文章" }]} />
      <h1 className="text-2xl font-bold">粘贴文章 · 第 {page.code} 版</h1>
      <PasteFlow
        parseAction={parsePaste}
        saveAction={savePastedArticle}
        editionId={page.editionId}
        pageId={page.id}
        submissionKey={randomUUID()}
        initialRaw={initialRaw ?? ""}
      />
    </main>
  );
}
