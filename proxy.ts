import { NextResponse, type NextRequest } from "next/server";
import { SESSION_COOKIE } from "./lib/auth/session-cookie";
import { isMalformedPath } from "./lib/reading/urls";

/** No reader or admin URL is this long; longer ones are answered as a plain 404. */
const MAX_PATH = 200; // also in config.matcher below, which must be a literal

// Over-long paths (only ever typos or probes) are rendered as the 404 of a
// short path: Next.js would otherwise try to cache the 404 under a file name
// longer than the file system allows, and log an error for each request.
//
// Two things for the admin, before any rendering:
// - visitors without a session cookie go straight to the login (an early,
//   optimistic check; every route and action still checks the session itself);
// - the requested path is passed on, so an expired session can send the
//   editor to the login and then back to the same screen.
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (pathname.length > MAX_PATH) return NextResponse.rewrite(new URL("/not-found", request.url));
  // A broken percent-escape (/p/%zz, /%E4) can never name a page; Next.js would answer it with a bare 500.
  if (isMalformedPath(pathname)) return NextResponse.rewrite(new URL("/not-found", request.url));
  const isLogin = pathname === "/admin/login";
  if (!isLogin && request.method === "GET" && pathname.startsWith("/admin") && !request.cookies.has(SESSION_COOKIE)) {
    const login = new URL("/admin/login", request.url);
    login.searchParams.set("next", pathname + search);
    return NextResponse.redirect(login);
  }
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-banmian-path", pathname + search);
  return NextResponse.next({ request: { headers: requestHeaders } });
}

export const config = { matcher: ["/admin", "/admin/:path*", "/((?!_next/).{200,})", "/((?!_next/).*%.*)"] };
