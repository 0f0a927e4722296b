// 剪报 routes, shared by the default publication's URLs and the /p/{slug} ones:
// the clip page (with Open Graph tags) and the clip image.
import "server-only";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ClipView } from "@/components/reader/clip-view";
import { getClipImage } from "@/lib/data/clips";
import { clipSegment, isClipInside, parseClipSegment, type ClipRect } from "@/lib/reading/clips";
import { formatChineseDate } from "@/lib/reading/dates";
import { clipHref, clipImageHref, decodeSegment } from "@/lib/reading/urls";
import { resolvePage, type RawParams } from "./resolve";

type ClipParams = RawParams & { rect?: string };

/** The rectangle of the URL's clip segment (pages get it percent-encoded: "1%2C2%2C3%2C4"). */
function clipRect(raw: ClipParams): ClipRect | null {
  const segment = raw.rect === undefined ? null : decodeSegment(raw.rect, 40);
  return segment === null ? null : parseClipSegment(segment);
}

async function resolveClip(raw: ClipParams) {
  const rect = clipRect(raw);
  if (!rect) notFound();
  const route = await resolvePage(raw, `/clip/${clipSegment(rect)}`);
  const image = route.page.image;
  if (!image || !isClipInside(rect, image)) notFound();
  return { ...route, rect, image };
}

/** The clip's title in the parts a line may break between: "剪报 · 海城日报", "2026年11月25日", "第a01版：头版". */
function clipTitleParts(route: Awaited<ReturnType<typeof resolveClip>>): string[] {
  const { edition } = route.context;
  return [
    `剪报 · ${edition.publication.name}`,
    formatChineseDate(edition.issueDate, false),
    `第${route.page.code}版：${route.page.name}`,
  ];
}

function clipTitle(route: Awaited<ReturnType<typeof resolveClip>>): string {
  return clipTitleParts(route).join(" ");
}

export async function renderClip(raw: ClipParams) {
  const route = await resolveClip(raw);
  return (
    <ClipView
      edition={route.context.edition}
      page={route.page}
      links={route.links}
      rect={route.rect}
      imageSrc={clipImageHref(route.links.base, route.page.code, route.rect)}
      title={clipTitle(route)}
      titleParts={clipTitleParts(route)}
    />
  );
}

export async function clipMetadata(raw: ClipParams): Promise<Metadata> {
  const route = await resolveClip(raw);
  const title = clipTitle(route);
  const size = clipSize(route.rect);
  return {
    title: { absolute: title },
    description: `${title}（版面局部）`,
    alternates: { canonical: clipHref(route.links.base, route.page.code, route.rect) },
    openGraph: {
      type: "article",
      title,
      url: clipHref(route.links.base, route.page.code, route.rect),
      images: [{ url: clipImageHref(route.links.base, route.page.code, route.rect), ...size, alt: title }],
    },
    twitter: { card: "summary_large_image", title },
  };
}

function clipSize(rect: ClipRect): { width: number; height: number } {
  const scale = Math.min(1, 1600 / rect.w, 1600 / rect.h);
  return { width: Math.max(1, Math.round(rect.w * scale)), height: Math.max(1, Math.round(rect.h * scale)) };
}

/** The clip as a JPEG: 404 for a clip of no published page or outside the image, 400 for a malformed one. */
export async function clipImageResponse(raw: ClipParams): Promise<Response> {
  const rect = clipRect(raw);
  if (!rect) return new Response("Bad clip rectangle: x,y,w,h in whole image pixels", { status: 400 });
  const { page } = await resolvePage(raw, `/clip/${clipSegment(rect)}/image`);
  const crop = page.image && isClipInside(rect, page.image) ? await getClipImage(page.id, rect) : null;
  if (!crop) return new Response("Not found", { status: 404 });
  return new Response(new Uint8Array(crop.data), {
    headers: {
      "Content-Type": crop.contentType,
      "Cache-Control": "public, max-age=86400",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
