import { Suspense } from "react";
import type { Metadata } from "next";
import { renderSearch } from "../../../_routes/views";

type Props = {
  params: Promise<{ publication: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export const metadata: Metadata = { title: "搜索", robots: { index: false, follow: true } };

async function Results({ params, searchParams }: Props) {
  const [{ publication }, query] = await Promise.all([params, searchParams]);
  return renderSearch(publication, query);
}

export default function SearchRoute(props: Props) {
  return (
    <Suspense fallback={<p className="p-8 text-center">正在搜索…</p>}>
      <Results {...props} />
    </Suspense>
  );
}
