import { Suspense } from "react";
import type { Metadata } from "next";
import { renderSearch } from "../_routes/views";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export const metadata: Metadata = { title: "搜索", robots: { index: false, follow: true } };

async function Results({ searchParams }: Props) {
  return renderSearch(undefined, await searchParams);
}

export default function SearchRoute({ searchParams }: Props) {
  return (
    <Suspense fallback={<p className="p-8 text-center">正在搜索…</p>}>
      <Results searchParams={searchParams} />
    </Suspense>
  );
}
