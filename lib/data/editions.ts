import "server-only";
import { cacheLife, cacheTag } from "next/cache";
import { prisma } from "@/lib/db/prisma";
import { TAGS } from "@/lib/cache-tags";
import { readBody, readImageVariants, readRegions } from "@/lib/content";
import { deepZoomSchema } from "@/lib/deep-zoom";
import { mediaUrl } from "@/lib/storage";
import { dbDate, isoDate, type IsoDate } from "@/lib/reading/dates";
import type { ArticleSummary, EditionIndexEntry, EditionSnapshot, PageImage } from "@/lib/reading/types";

/** A cache entry may carry at most 128 tags; an edition's own tag always comes first. */
const MAX_TAGS = 120;

/** Every published edition of a publication, oldest first: for the calendar, 上一期/下一期 and finding an edition by date. */
export async function getEditionIndex(publicationId: number): Promise<EditionIndexEntry[]> {
  "use cache";
  cacheTag(TAGS.editions);
  cacheLife("reader");
  const rows = await prisma.edition.findMany({
    where: { publicationId, status: "PUBLISHED" },
    select: { id: true, issueDate: true, issueNumber: true },
    orderBy: { issueDate: "asc" },
  });
  return rows.map((row) => ({ id: row.id, issueDate: isoDate(row.issueDate), issueNumber: row.issueNumber }));
}

function leadOf(body: unknown, articleId: number): string {
  const first = readBody(body, `article ${articleId}`).blocks.find((block) => block.type === "paragraph");
  const text = first && first.type === "paragraph" ? first.text : "";
  return Array.from(text).length > 80 ? `${Array.from(text).slice(0, 80).join("")}…` : text;
}

function pageImage(page: {
  imageKey: string | null;
  imageWidth: number | null;
  imageHeight: number | null;
  imageVariants: unknown;
  imageTiles: unknown;
}): PageImage | null {
  if (!page.imageKey || !page.imageWidth || !page.imageHeight) return null;
  const variants = readImageVariants(page.imageVariants, "page image");
  // The original (a PDF page renders to 2755 px and 2 MB) only when there is nothing smaller: zooming loads tiles.
  const candidates = variants.length
    ? variants
    : [{ name: "original", key: page.imageKey, width: page.imageWidth, height: page.imageHeight }];
  const shown = variants.find((variant) => variant.name === "large") ?? variants.at(-1) ?? candidates.at(-1)!;
  return {
    src: mediaUrl(shown.key),
    srcSet: candidates.map((candidate) => `${mediaUrl(candidate.key)} ${candidate.width}w`).join(", "),
    width: page.imageWidth,
    height: page.imageHeight,
    tiles: tilesOf(page.imageTiles),
  };
}

function tilesOf(value: unknown): PageImage["tiles"] {
  const parsed = deepZoomSchema.safeParse(value);
  return parsed.success ? { ...parsed.data, url: mediaUrl(parsed.data.key) } : null;
}

/**
 * The whole edition (pages in order, article summaries and regions) whatever
 * its status. Uncached: the admin uses it to preview a draft exactly as
 * readers will see it. Readers go through getEdition().
 */
export async function loadEdition(editionId: number): Promise<EditionSnapshot | null> {
  const edition = await prisma.edition.findUnique({
    where: { id: editionId },
    include: {
      publication: { select: { id: true, slug: true, name: true, isDefault: true } },
      pages: {
        orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
        include: { articles: { orderBy: [{ sortOrder: "asc" }, { id: "asc" }] } },
      },
    },
  });
  if (!edition) return null;
  return {
    id: edition.id,
    publication: edition.publication,
    issueDate: isoDate(edition.issueDate),
    issueNumber: edition.issueNumber,
    status: edition.status,
    pages: edition.pages.map((page) => ({
      id: page.id,
      code: page.code,
      name: page.name,
      image: pageImage(page),
      pdfUrl: page.pdfKey ? mediaUrl(page.pdfKey) : null,
      articles: page.articles.map((article, index): ArticleSummary => ({
        id: article.id,
        position: index + 1,
        kicker: article.kicker,
        title: article.title,
        subtitle: article.subtitle,
        byline: article.byline,
        lead: leadOf(article.body, article.id),
        regions: readRegions(article.regions, `article ${article.id}`),
        nextPartId: article.nextPartId,
        updatedAt: article.updatedAt.toISOString(),
      })),
    })),
  };
}

/** Cached loadEdition(), invalidated by the edition's, its pages' and its articles' tags. */
export async function getEdition(editionId: number): Promise<EditionSnapshot | null> {
  "use cache";
  cacheLife("reader");
  const edition = await loadEdition(editionId);
  const tags = [TAGS.edition(editionId)];
  for (const page of edition?.pages ?? []) {
    tags.push(TAGS.page(page.id));
    for (const article of page.articles) tags.push(TAGS.article(article.id));
  }
  cacheTag(...tags.slice(0, MAX_TAGS));
  return edition;
}

/** The edition of a date, any status, uncached: for the admin's preview. */
export async function loadEditionByDate(publicationId: number, date: IsoDate): Promise<EditionSnapshot | null> {
  const row = await prisma.edition.findUnique({
    where: { publicationId_issueDate: { publicationId, issueDate: dbDate(date) } },
    select: { id: true },
  });
  return row ? loadEdition(row.id) : null;
}

export type EditionContext = {
  edition: EditionSnapshot;
  previous: EditionIndexEntry | null;
  next: EditionIndexEntry | null;
  latest: EditionIndexEntry;
};

function contextFor(edition: EditionSnapshot, index: EditionIndexEntry[]): EditionContext {
  const position = index.findIndex((entry) => entry.id === edition.id);
  return {
    edition,
    previous: position > 0 ? index[position - 1] : null,
    next: position >= 0 ? (index[position + 1] ?? null) : null,
    latest: index.at(-1)!,
  };
}

/** A published edition by date with its neighbours; null for a missing or draft edition. */
export async function getPublishedEdition(publicationId: number, date: IsoDate): Promise<EditionContext | null> {
  const index = await getEditionIndex(publicationId);
  const entry = index.find((candidate) => candidate.issueDate === date);
  const edition = entry ? await getEdition(entry.id) : null;
  if (!edition || edition.status !== "PUBLISHED") return null;
  return contextFor(edition, index);
}

export async function getLatestEdition(publicationId: number): Promise<EditionContext | null> {
  const index = await getEditionIndex(publicationId);
  const latest = index.at(-1);
  const edition = latest ? await getEdition(latest.id) : null;
  if (!edition || edition.status !== "PUBLISHED") return null;
  return contextFor(edition, index);
}
