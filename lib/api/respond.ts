// One way every /api/v1 route answers: JSON, the reader's cache policy for
// content, a JSON message (never an HTML error page) for bad requests.
import "server-only";
import { ApiError } from "./v1";

/** Like the reader's HTML views (next.config.js cacheLife "reader"): a CDN may keep an answer this long. */
function readerCacheControl(): string {
  const revalidate = Number(process.env.READER_REVALIDATE_SECONDS || 60);
  const expire = 365 * 24 * 3600;
  return `public, s-maxage=${revalidate}, stale-while-revalidate=${expire - revalidate}`;
}

const headers = (cache: string) => ({
  "Content-Type": "application/json; charset=utf-8",
  "Cache-Control": cache,
  "Access-Control-Allow-Origin": "*",
  "X-Content-Type-Options": "nosniff",
});

export async function apiResponse(produce: () => Promise<unknown>): Promise<Response> {
  try {
    const body = await produce();
    return new Response(JSON.stringify(body), { status: 200, headers: headers(readerCacheControl()) });
  } catch (error) {
    if (error instanceof ApiError)
      return new Response(JSON.stringify({ error: error.message }), {
        status: error.status,
        headers: headers("no-store"),
      });
    throw error;
  }
}
