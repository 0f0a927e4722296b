// The XML documents for crawlers and browsers that are simple enough to write
// by hand: sitemaps (sitemaps.org 0.9) and the OpenSearch description. Feeds
// are written by the `feed` package (lib/discovery/feeds.ts).

/** Escapes text for an XML element or a double-quoted attribute. */
export function escapeXml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

/** sitemaps.org: at most 50,000 URLs (and 50 MB) in one sitemap file, and as many sitemaps in one index. */
export const SITEMAP_URL_LIMIT = 50_000;

export type SitemapEntry = { loc: string; lastmod?: Date | string };

const SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";

function lastmod(value: Date | string | undefined): string {
  if (!value) return "";
  return `<lastmod>${typeof value === "string" ? value : value.toISOString()}</lastmod>`;
}

export function sitemapIndexXml(sitemaps: SitemapEntry[]): string {
  const items = sitemaps.map(
    (entry) => `<sitemap><loc>${escapeXml(entry.loc)}</loc>${lastmod(entry.lastmod)}</sitemap>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="${SITEMAP_NS}">\n${items.join("\n")}\n</sitemapindex>\n`;
}

export function urlsetXml(urls: SitemapEntry[]): string {
  if (urls.length > SITEMAP_URL_LIMIT) throw new Error(`A sitemap holds at most ${SITEMAP_URL_LIMIT} URLs`);
  const items = urls.map((entry) => `<url><loc>${escapeXml(entry.loc)}</loc>${lastmod(entry.lastmod)}</url>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="${SITEMAP_NS}">\n${items.join("\n")}\n</urlset>\n`;
}

/** How many files a month of `count` URLs is split into. */
export function sitemapParts(count: number): number {
  return Math.max(1, Math.ceil(count / SITEMAP_URL_LIMIT));
}

/** "2026-11.xml" for a month's first file, "2026-11-2.xml" for its second. */
export function sitemapFileName(month: string, part: number): string {
  return part <= 1 ? `${month}.xml` : `${month}-${part}.xml`;
}

/** The month and part a sitemap file name stands for, or null. */
export function parseSitemapFileName(name: string): { month: string; part: number } | null {
  const match = /^(\d{4})-(0[1-9]|1[0-2])(?:-([2-9]|[1-9]\d{1,2}))?\.xml$/.exec(name);
  if (!match) return null;
  return { month: `${match[1]}-${match[2]}`, part: match[3] ? Number(match[3]) : 1 };
}

export type OpenSearchInput = { shortName: string; description: string; searchUrl: string; origin: string };

/** An OpenSearch 1.1 description; `searchUrl` is absolute and holds `{searchTerms}`. */
export function openSearchXml({ shortName, description, searchUrl, origin }: OpenSearchInput): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<OpenSearchDescription xmlns="http://a9.com/-/spec/opensearch/1.1/" xmlns:moz="http://www.mozilla.org/2006/browser/search/">
<ShortName>${escapeXml(Array.from(shortName).slice(0, 16).join(""))}</ShortName>
<Description>${escapeXml(description)}</Description>
<InputEncoding>UTF-8</InputEncoding>
<Language>zh-CN</Language>
<Image height="32" width="32" type="image/png">${escapeXml(`${origin}/icon-32.png`)}</Image>
<Url type="text/html" method="get" template="${escapeXml(searchUrl)}"/>
<moz:SearchForm>${escapeXml(searchUrl.replace(/\?.*$/, ""))}</moz:SearchForm>
</OpenSearchDescription>
`;
}
