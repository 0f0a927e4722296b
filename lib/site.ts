// The site's public origin, for everything that must name an absolute URL:
// canonical links, Open Graph images, sitemaps, feeds, OpenSearch, QR codes.
// SITE_URL (e.g. https://paper.example.cn) is read at build time for
// prerendered views and at request time elsewhere; without it the address the
// request came to (Host, X-Forwarded-Host/-Proto behind a proxy) is used where
// there is one, else http://localhost:PORT.
/** The origin without a trailing slash; a SITE_URL that is not an http(s) URL is ignored. */
export function siteOrigin(request?: Request): string {
  const configured = parseOrigin(process.env.SITE_URL);
  if (configured) return configured;
  if (request) return requestOrigin(request);
  return `http://localhost:${process.env.PORT || 3000}`;
}

const HOST =
  /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/**
 * The origin the reader used. Next.js rewrites request.url's host to the one
 * it listens on, so the Host header is read; a malformed one falls back to
 * request.url.
 */
export function requestOrigin(request: Request): string {
  const first = (name: string) => request.headers.get(name)?.split(",")[0]?.trim() ?? "";
  const host = first("x-forwarded-host") || first("host");
  const proto = first("x-forwarded-proto") || new URL(request.url).protocol.replace(":", "");
  if (!HOST.test(host) || (proto !== "http" && proto !== "https")) return new URL(request.url).origin;
  return `${proto}://${host.toLowerCase()}`;
}

export function parseOrigin(value: string | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    if (url.protocol !== "http:" && url.protocol !== "https:") return null;
    return `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
  } catch {
    return null;
  }
}

/** `path` ("/2026-11-25/a01") made absolute against the site's origin. */
export function absoluteUrl(path: string, request?: Request): string {
  return `${siteOrigin(request)}${path.startsWith("/") ? path : `/${path}`}`;
}

/** The site's name where no publication is in question (OpenSearch, the web app manifest). */
export const SITE_NAME = "版面 Banmian";

/**
 * Cache-Control for generated reader documents (feeds, sitemaps, cards): like
 * the cached HTML views, a CDN may keep them READER_REVALIDATE_SECONDS and
 * serve them stale while it refreshes.
 */
export function readerCacheControl(): string {
  const seconds = Number(process.env.READER_REVALIDATE_SECONDS || 60);
  return `public, max-age=0, s-maxage=${seconds}, stale-while-revalidate=300`;
}
