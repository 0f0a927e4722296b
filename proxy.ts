import { NextResponse, type NextRequest } from "next/server";
import { SESSION_COOKIE } from "./lib/auth/session-cookie";

// Over-long and malformed paths never get here: server.mjs answers them with
// the 404 page (lib/server/paths.mjs).
//
// Two things for the admin, before any rendering:
// - visitors without a session cookie go straight to the login (an early,
//   optimistic check; every route and action still checks the session itself);
// - the requested path is passed on, so an expired session can send the
//   editor to the login and then back to the same screen.
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
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

export const config = { matcher: ["/admin", "/admin/:path*"] };
