import Link from "next/link";
import { Fragment } from "react";
import { adminUrls } from "@/lib/admin/urls";

export type Crumb = { label: React.ReactNode; href?: string };

/** 期次 / 2026-11-26 / 第 A01 版 / …: where an admin screen sits; the last crumb is the screen itself. */
export function Breadcrumb({ items }: { items: Crumb[] }) {
  const crumbs: Crumb[] = [{ label: "期次", href: adminUrls.home }, ...items];
  return (
    <nav aria-label="位置" className="text-sm text-neutral-500">
      {crumbs.map((crumb, index) => (
        <Fragment key={index}>
          {index > 0 ? " / " : null}
          {crumb.href ? (
            <Link href={crumb.href} className="underline">
              {crumb.label}
            </Link>
          ) : (
            <span aria-current="page">{crumb.label}</span>
          )}
        </Fragment>
      ))}
    </nav>
  );
}

/** The crumbs down to one page of an edition. */
export function pageCrumbs(page: { editionId: number; editionDate: string; id: number; code: string }): Crumb[] {
  return [
    { label: page.editionDate, href: adminUrls.edition(page.editionId) },
    { label: `第 ${page.code} 版`, href: adminUrls.page(page.editionId, page.id) },
  ];
}
