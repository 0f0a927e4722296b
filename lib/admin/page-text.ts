// What the page screen shows from a page's PDF text layer: proposed regions
// for the articles that have none yet (pasted, created or imported on a page
// with a PDF), the printed text blocks no article's regions cover (漏标), and
// a block's text to start a new article from. Reads only; the editor accepts
// proposals in the region editor and saves them like drawn regions.
import "server-only";
import { readBody, readRegions, type Region } from "../content";
import type { PrismaClient } from "../db/client";
import { prisma } from "../db/prisma";
import { blockRegion, proposeRegions, uncoveredBlocks } from "../pdf/match";
import { blocksToText, textLayerSchema, type TextLayer } from "../pdf/text-layer";

export type UncoveredBlock = { index: number; region: Region; text: string };

export type PageTextReview = {
  /** Fonts the PDF names without embedding them. */
  missingFonts: string[];
  /** Article id → proposed regions (image pixels), for articles without regions whose text was found. */
  proposals: Record<number, Region[]>;
  uncovered: UncoveredBlock[];
};

async function readLayer(
  db: PrismaClient,
  pageId: number,
): Promise<{ layer: TextLayer; missingFonts: string[] } | null> {
  const row = await db.pageText.findUnique({ where: { pageId } });
  if (!row) return null;
  const parsed = textLayerSchema.safeParse(row.layer);
  if (!parsed.success) {
    console.error(`page ${pageId}: damaged text layer`, parsed.error.issues.slice(0, 3));
    return null;
  }
  return { layer: parsed.data, missingFonts: row.missingFonts };
}

/** null: the page has no PDF text layer (no PDF, or a scan) or no image. */
export async function getPageTextReview(pageId: number, db: PrismaClient = prisma): Promise<PageTextReview | null> {
  const page = await db.page.findUnique({
    where: { id: pageId },
    select: {
      imageWidth: true,
      articles: {
        orderBy: { sortOrder: "asc" },
        select: { id: true, kicker: true, title: true, subtitle: true, byline: true, body: true, regions: true },
      },
    },
  });
  if (!page?.imageWidth) return null;
  const text = await readLayer(db, pageId);
  if (!text) return null;
  const { layer } = text;
  const width = page.imageWidth;
  const articles = page.articles.map((article) => ({
    ...article,
    regions: readRegions(article.regions, `article ${article.id}`),
    paragraphs: readBody(article.body, `article ${article.id}`)
      .blocks.filter((block) => block.type === "paragraph" || block.type === "subhead")
      .map((block) => block.text),
  }));
  // Every article takes part, so a sentence two articles share goes to the right one.
  const found = proposeRegions(layer, articles, width);
  const proposals: Record<number, Region[]> = {};
  articles.forEach((article, i) => {
    const proposal = found[i];
    if (!article.regions.length && proposal?.regions.length) proposals[article.id] = proposal.regions;
  });
  const uncovered = uncoveredBlocks(
    layer,
    articles.flatMap((article) => article.regions),
    width,
  ).map((index) => ({ index, region: blockRegion(layer, index, width), text: blocksToText(layer, [index]) }));
  return { missingFonts: text.missingFonts, proposals, uncovered };
}

/** The printed text of block `index` as paste-able text (to start a new article from it); null when there is none. */
export async function getPageBlockText(
  pageId: number,
  index: number,
  db: PrismaClient = prisma,
): Promise<string | null> {
  const text = await readLayer(db, pageId);
  if (!text || !Number.isInteger(index) || index < 0 || index >= text.layer.blocks.length) return null;
  return blocksToText(text.layer, [index]);
}
