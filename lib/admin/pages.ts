import "server-only";
import { notFound } from "next/navigation";
import { imageVariantsSchema, parseJsonColumn, regionsSchema, type ImageVariant, type Region } from "../content";
import { prisma } from "../db/prisma";
import { isoDate } from "./dates";
import { idParam } from "./schemas";

export type AdminPageDetail = {
  id: number;
  editionId: number;
  editionDate: string;
  editionStatus: "DRAFT" | "PUBLISHED";
  code: string;
  name: string;
  sortOrder: number;
  image: { key: string; width: number; height: number; variants: ImageVariant[] } | null;
  articles: {
    id: number;
    title: string;
    kicker: string | null;
    byline: string | null;
    sortOrder: number;
    regions: Region[];
    version: number;
    nextPart: { id: number; title: string; pageCode: string } | null;
    previousPart: { id: number; title: string; pageCode: string } | null;
  }[];
  siblings: { id: number; code: string; name: string }[];
};

/** The page a `/admin/editions/[editionId]/pages/[pageId]` route names, or the admin's 找不到 page. */
export async function pageFromParams(params: Promise<{ editionId: string; pageId: string }>): Promise<AdminPageDetail> {
  const { editionId, pageId } = await params;
  return (await getPage(idParam(editionId) ?? 0, idParam(pageId) ?? 0)) ?? notFound();
}

export async function getPage(editionId: number, pageId: number): Promise<AdminPageDetail | null> {
  const page = await prisma.page.findFirst({
    where: { id: pageId, editionId },
    include: {
      edition: {
        select: {
          issueDate: true,
          status: true,
          pages: { orderBy: { sortOrder: "asc" }, select: { id: true, code: true, name: true } },
        },
      },
      articles: {
        orderBy: { sortOrder: "asc" },
        include: {
          nextPart: { select: { id: true, title: true, page: { select: { code: true } } } },
          previousPart: { select: { id: true, title: true, page: { select: { code: true } } } },
        },
      },
    },
  });
  if (!page) return null;
  const variants = parseJsonColumn(imageVariantsSchema, page.imageVariants);
  return {
    id: page.id,
    editionId: page.editionId,
    editionDate: isoDate(page.edition.issueDate),
    editionStatus: page.edition.status,
    code: page.code,
    name: page.name,
    sortOrder: page.sortOrder,
    image:
      page.imageKey && page.imageWidth && page.imageHeight
        ? { key: page.imageKey, width: page.imageWidth, height: page.imageHeight, variants }
        : null,
    articles: page.articles.map((article) => ({
      id: article.id,
      title: article.title,
      kicker: article.kicker,
      byline: article.byline,
      sortOrder: article.sortOrder,
      regions: parseJsonColumn(regionsSchema, article.regions),
      version: article.version,
      nextPart: article.nextPart
        ? { id: article.nextPart.id, title: article.nextPart.title, pageCode: article.nextPart.page.code }
        : null,
      previousPart: article.previousPart
        ? { id: article.previousPart.id, title: article.previousPart.title, pageCode: article.previousPart.page.code }
        : null,
    })),
    siblings: page.edition.pages,
  };
}
