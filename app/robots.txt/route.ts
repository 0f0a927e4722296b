import { readerCacheControl, siteOrigin } from "@/lib/site";

// The admin and its API are for editors only; everything else is the public paper.
// A route (not app/robots.ts) so the sitemap's URL follows the request's origin when SITE_URL is unset.
export async function GET(request: Request) {
  const body = [
    "User-agent: *",
    "Allow: /",
    "Disallow: /admin",
    "Disallow: /api/admin",
    "",
    `Sitemap: ${siteOrigin(request)}/sitemap.xml`,
    "",
  ];
  return new Response(body.join("\n"), {
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": readerCacheControl() },
  });
}
