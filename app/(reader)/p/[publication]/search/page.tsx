import { Suspense } from "react";
import type { Metadata } from "next";
import { renderSearch } from "../../../_routes/views";
import { resolvePublication } from "../../../_routes/resolve";

type Props = {
  params: Promise<{ publication: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export const metadata: Metadata = { title: "搜索", robots: { index: false, follow: true } };

export async function generateStaticParams() {
  return [{ publication: "_" }];
}

async function Results({ publication, searchParams }: { publication: string } & Pick<Props, "searchParams">) {
  return renderSearch(publication, await searchParams);
}

export default async function SearchRoute({ params, searchParams }: Props) {
  const { publication } = await params;
  // An unknown paper is a 404 before the results stream (inside Suspense the status is already 200).
  await resolvePublication(publication, "/search");
  return (
    <Suspense fallback={<p className="p-8 text-center">正在搜索…</p>}>
      <Results publication={publication} searchParams={searchParams} />
    </Suspense>
  );
}
