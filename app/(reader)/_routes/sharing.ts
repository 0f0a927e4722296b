// Route handlers for sharing: the card images links unfurl with, and the
// 分享海报 poster. Route files pass their params in; resolve.ts answers 404 for
// anything unpublished or missing.
import "server-only";
import { getPageImageSource } from "@/lib/data/page-images";
import { cropImage } from "@/lib/images/crop";
import { cardRequest } from "@/lib/sharing/cards";
import type { Region } from "@/lib/content";
import { formatChineseDate } from "@/lib/reading/dates";
import { articleHref } from "@/lib/reading/urls";
import { getPoster } from "@/lib/sharing/poster";
import { absoluteUrl, readerCacheControl } from "@/lib/site";
import { resolveArticle, resolvePage, type RawParams } from "./resolve";

const notFound = () => new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain" } });

async function cardResponse(pageId: number, regions: Region[] | null): Promise<Response> {
  const source = await getPageImageSource(pageId);
  const crop = source && (await cropImage(cardRequest(source, regions)));
  if (!crop) return notFound();
  return new Response(new Uint8Array(crop.data), {
    headers: {
      "Content-Type": crop.contentType,
      "Cache-Control": readerCacheControl(),
      "X-Content-Type-Options": "nosniff",
    },
  });
}

export async function pageCardResponse(raw: RawParams): Promise<Response> {
  const { page } = await resolvePage(raw, "/card.jpg");
  return cardResponse(page.id, null);
}

export async function articleCardResponse(raw: RawParams): Promise<Response> {
  const { location } = await resolveArticle(raw, "/card.jpg");
  return cardResponse(location.page.id, location.article.regions);
}

export async function posterResponse(request: Request, raw: RawParams): Promise<Response> {
  const { context, location, links } = await resolveArticle(raw, "/poster.png");
  const { edition } = context;
  const { article, page } = location;
  const source = await getPageImageSource(page.id);
  const poster = await getPoster({
    publication: edition.publication.name,
    dateLine: `${formatChineseDate(edition.issueDate, false)} 第${page.code}版：${page.name}`,
    title: article.title,
    subtitle: article.subtitle,
    lead: article.lead,
    url: absoluteUrl(articleHref(links.base, page.code, article.position), request),
    page: source && { source, regions: article.regions },
  });
  return new Response(new Uint8Array(poster), {
    headers: {
      "Content-Type": "image/png",
      "Content-Disposition": `inline; filename="poster-${edition.issueDate}-${page.code.toLowerCase()}-${article.position}.png"`,
      "Cache-Control": readerCacheControl(),
      "X-Content-Type-Options": "nosniff",
    },
  });
}
