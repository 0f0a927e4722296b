// Session records: a random token goes into the cookie, only its SHA-256 into
// the database, so a leaked database does not let anyone sign in.
//
// A session has two ends: an idle one (expiresAt), moved forward while the
// session is used, and an absolute one (createdAt + SESSION_ABSOLUTE_DAYS)
// that nothing moves. The cookie's expiry is always the record's expiresAt.
import { createHash, randomBytes } from "node:crypto";
import type { PrismaClient } from "../db/client";
import type { UserRole } from "../generated/prisma/enums";

export { SESSION_COOKIE } from "./session-cookie";
const DAY_MS = 24 * 60 * 60 * 1000;
/** A session unused for this long ends. */
export const SESSION_IDLE_DAYS = 7;
/** No session lasts longer than this, however much it is used: then the editor signs in again. */
export const SESSION_ABSOLUTE_DAYS = 30;
/** A session used after this much of its idle life is extended (not on every request, to spare writes). */
const RENEW_AFTER_MS = 60 * 60 * 1000;

type Db = Pick<PrismaClient, "session">;

export type SessionUser = { id: number; email: string; name: string; role: UserRole };

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

function absoluteEnd(createdAt: Date): Date {
  return new Date(createdAt.getTime() + SESSION_ABSOLUTE_DAYS * DAY_MS);
}

/** The idle expiry of a session used at `now`: a full idle period, never past the absolute end. */
export function idleExpiry(createdAt: Date, now: Date): Date {
  return new Date(Math.min(now.getTime() + SESSION_IDLE_DAYS * DAY_MS, absoluteEnd(createdAt).getTime()));
}

export async function createSessionRecord(
  prisma: Db,
  userId: number,
  now = new Date(),
  client: { userAgent?: string; ip?: string } = {},
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = idleExpiry(now, now);
  await prisma.session.create({
    data: {
      tokenHash: hashToken(token),
      userId,
      expiresAt,
      createdAt: now,
      lastUsedAt: now,
      userAgent: (client.userAgent ?? "").slice(0, 200),
      ip: (client.ip ?? "").slice(0, 64),
    },
  });
  return { token, expiresAt };
}

function usable(session: { expiresAt: Date; createdAt: Date; user: { disabledAt: Date | null } }, now: Date): boolean {
  return session.expiresAt > now && absoluteEnd(session.createdAt) > now && session.user.disabledAt === null;
}

/** The signed-in user for a cookie token, or null when the token is unknown, expired or its account disabled. */
export async function userForToken(prisma: Db, token: string | undefined, at?: Date): Promise<SessionUser | null> {
  if (!token || token.length > 200) return null;
  const now = at ?? new Date();
  const session = await prisma.session.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { user: { select: { id: true, email: true, name: true, role: true, disabledAt: true } } },
  });
  if (!session) return null;
  if (!usable(session, now)) {
    await prisma.session.deleteMany({ where: { id: session.id } });
    return null;
  }
  const { disabledAt: _disabledAt, ...user } = session.user;
  return user;
}

/**
 * Moves a used session's idle expiry forward (at most to its absolute end).
 * Returns the new expiry when it moved, so the caller can send the cookie
 * again with the same expiry; null when nothing changed or the session is gone.
 */
export async function renewSession(prisma: Db, token: string | undefined, now = new Date()): Promise<Date | null> {
  if (!token || token.length > 200) return null;
  const session = await prisma.session.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { user: { select: { disabledAt: true } } },
  });
  if (!session || !usable(session, now)) return null;
  const next = idleExpiry(session.createdAt, now);
  if (next.getTime() - session.expiresAt.getTime() < RENEW_AFTER_MS) return null;
  await prisma.session.updateMany({ where: { id: session.id }, data: { expiresAt: next, lastUsedAt: now } });
  return next;
}

export async function deleteSessionRecord(prisma: Db, token: string): Promise<void> {
  await prisma.session.deleteMany({ where: { tokenHash: hashToken(token) } });
}

/** Ends every session of a user (disabling, password or role change, "sign out everywhere"), except `keepToken`'s. */
export async function endUserSessions(prisma: Db, userId: number, keepToken?: string): Promise<number> {
  const { count } = await prisma.session.deleteMany({
    where: { userId, ...(keepToken ? { tokenHash: { not: hashToken(keepToken) } } : {}) },
  });
  return count;
}

export type SessionSummary = {
  id: number;
  createdAt: Date;
  lastUsedAt: Date;
  expiresAt: Date;
  userAgent: string;
  ip: string;
  current: boolean;
};

/** A user's live sessions, newest first, marking the one `currentToken` belongs to. */
export async function listUserSessions(
  prisma: Db,
  userId: number,
  currentToken?: string,
  now = new Date(),
): Promise<SessionSummary[]> {
  const rows = await prisma.session.findMany({
    where: {
      userId,
      expiresAt: { gt: now },
      createdAt: { gt: new Date(now.getTime() - SESSION_ABSOLUTE_DAYS * DAY_MS) },
    },
    orderBy: [{ lastUsedAt: "desc" }, { id: "desc" }],
  });
  const current = currentToken ? hashToken(currentToken) : null;
  return rows.map((row) => ({
    id: row.id,
    createdAt: row.createdAt,
    lastUsedAt: row.lastUsedAt,
    expiresAt: row.expiresAt,
    userAgent: row.userAgent,
    ip: row.ip,
    current: row.tokenHash === current,
  }));
}

/** Deletes sessions past either end; run at every login so the table does not grow without bound. */
export async function purgeExpiredSessions(prisma: Db, now = new Date()): Promise<number> {
  const { count } = await prisma.session.deleteMany({
    where: {
      OR: [
        { expiresAt: { lte: now } },
        { createdAt: { lte: new Date(now.getTime() - SESSION_ABSOLUTE_DAYS * DAY_MS) } },
      ],
    },
  });
  return count;
}
