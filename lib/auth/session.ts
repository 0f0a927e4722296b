import "server-only";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { prisma } from "../db/prisma";
import { attemptLogin, type LoginResult } from "./login";
import {
  SESSION_COOKIE,
  deleteSessionRecord,
  listUserSessions,
  renewSession,
  userForToken,
  type SessionSummary,
  type SessionUser,
} from "./sessions";
import { CLIENT_IP_HEADER } from "../server/client-ip.mjs";
import { UNKNOWN_IP } from "./throttle";

export type { SessionUser };
export type Role = "ADMIN" | "EDITOR";

/** Request header set by proxy.ts with the admin path being requested, so a login can lead back to it. */
export const PATH_HEADER = "x-banmian-path";

export async function setSessionCookie(token: string, expiresAt: Date): Promise<void> {
  (await cookies()).set(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "lax",
    // Always: whatever Host or scheme a reverse proxy passes on (the __Host- name requires it too).
    // Browsers accept Secure cookies from http://localhost, so local runs still work.
    secure: true,
    path: "/",
    expires: expiresAt,
  });
}

/** The raw session token of this request (to tell the current session apart from the others). */
export async function currentSessionToken(): Promise<string | undefined> {
  return (await cookies()).get(SESSION_COOKIE)?.value;
}

/**
 * Moves the session's idle expiry forward and sends the cookie again with the
 * same expiry. Only where cookies can be set (server actions, route handlers):
 * adminAction and adminRoute call it, so every write keeps the editor signed in.
 */
export async function renewSessionCookie(): Promise<void> {
  const token = await currentSessionToken();
  const expiresAt = await renewSession(prisma, token);
  if (token && expiresAt) await setSessionCookie(token, expiresAt);
}

/** The signed-in user's live sessions, marking this request's (for /admin/account). */
export async function ownSessions(user: SessionUser): Promise<SessionSummary[]> {
  return listUserSessions(prisma, user.id, await currentSessionToken());
}

/** The login form's attempt, from this request's client address and browser; sets the cookie on success. */
export async function signIn(email: string, password: string): Promise<LoginResult> {
  const result = await attemptLogin(prisma, email, password, await clientIp(), {
    userAgent: (await headers()).get("user-agent") ?? "",
  });
  if (result.ok) await setSessionCookie(result.token, result.expiresAt);
  return result;
}

export async function clearSession(): Promise<void> {
  const store = await cookies();
  const token = store.get(SESSION_COOKIE)?.value;
  if (token) await deleteSessionRecord(prisma, token);
  store.delete(SESSION_COOKIE);
}

/** The signed-in user of this request, or null. Cached per request. */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  return userForToken(prisma, token);
});

/** Only paths inside the admin may be returned to after login (no open redirects). */
export function safeNextPath(value: unknown): string {
  if (typeof value !== "string") return "/admin";
  if (!/^\/admin(\/|\?|$)/.test(value) || value.startsWith("/admin/login") || value.includes("\\")) return "/admin";
  return value;
}

export async function currentAdminPath(): Promise<string> {
  return safeNextPath((await headers()).get(PATH_HEADER));
}

export function hasRole(user: SessionUser, role: Role | undefined): boolean {
  return !role || role === "EDITOR" || user.role === "ADMIN";
}

/**
 * The signed-in user, for every admin route and server action. Anonymous
 * visitors (or expired sessions) go to the login, which leads back here;
 * a signed-in user without the role gets the "no permission" screen.
 */
export async function requireUser(role?: Role): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/admin/login?next=${encodeURIComponent(await currentAdminPath())}`);
  if (!hasRole(user, role)) redirect("/admin/forbidden");
  return user;
}

/** For route handlers: the user, or the response to send instead (401 / 403 JSON). */
export async function requireApiUser(
  role?: Role,
): Promise<{ user: SessionUser; response?: never } | { user?: never; response: Response }> {
  const user = await getCurrentUser();
  if (!user) return { response: Response.json({ message: "登录已过期，请重新登录" }, { status: 401 }) };
  if (!hasRole(user, role)) return { response: Response.json({ message: "没有权限" }, { status: 403 }) };
  return { user };
}

/**
 * The client's address, as server.mjs decided it from the socket and the
 * trusted proxies (BANMIAN_TRUSTED_PROXY_HOPS); it replaces any value a client
 * sends. Without server.mjs (a bare `next start`) the address is unknown and
 * only the per-account-and-address counter applies.
 */
export async function clientIp(): Promise<string> {
  return (await headers()).get(CLIENT_IP_HEADER) || UNKNOWN_IP;
}
