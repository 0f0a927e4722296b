import { SearchForm, SearchResults } from "@/components/reader/search-results";
import { listPageNamesForEditors, searchForEditors } from "@/lib/admin/search";
import { adminUrls } from "@/lib/admin/urls";
import { requireUser } from "@/lib/auth/session";
import { listPublications } from "@/lib/data/publications";
import { readSearchParams } from "@/lib/search/params";

export const metadata = { title: "搜索" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AdminSearchRoute({ searchParams }: Props) {
  await requireUser();
  const params = readSearchParams(await searchParams);
  const [outcome, pageNames, publications] = await Promise.all([
    searchForEditors(params),
    listPageNamesForEditors(),
    listPublications(),
  ]);
  return (
    <main className="space-y-4 rounded bg-white p-4 shadow-sm">
      <h1 className="text-2xl font-bold">搜索文章（含草稿）</h1>
      <SearchForm
        action={adminUrls.search}
        params={params}
        pageNames={pageNames}
        publications={publications.map((publication) => ({ slug: publication.slug, name: publication.name }))}
      />
      <SearchResults
        outcome={outcome}
        params={params}
        action={adminUrls.search}
        showPublication={publications.length > 1}
        links={(hit) => ({
          article: adminUrls.article(hit.editionId, hit.pageId, hit.articleId),
          page: adminUrls.page(hit.editionId, hit.pageId),
        })}
      />
    </main>
  );
}
