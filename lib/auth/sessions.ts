// Session records: a random token goes into the cookie, only its SHA-256 into
// the database, so a leaked database does not let anyone sign in.
import { createHash, randomBytes } from "node:crypto";
import type { PrismaClient } from "../db/client";
import type { UserRole } from "../generated/prisma/enums";

export const SESSION_COOKIE = "banmian_session";
export const SESSION_DAYS = 14;
/** A session used after this much of its life is extended, so an editor working every night stays signed in. */
const RENEW_AFTER_MS = 24 * 60 * 60 * 1000;

export type SessionUser = { id: number; email: string; name: string; role: UserRole };

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export async function createSessionRecord(
  prisma: PrismaClient,
  userId: number,
  now = new Date(),
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + SESSION_DAYS * 24 * 60 * 60 * 1000);
  await prisma.session.create({ data: { tokenHash: hashToken(token), userId, expiresAt } });
  return { token, expiresAt };
}

/** The signed-in user for a cookie token, or null when the token is unknown or expired. */
export async function userForToken(
  prisma: PrismaClient,
  token: string | undefined,
  at?: Date,
): Promise<SessionUser | null> {
  if (!token || token.length > 200) return null;
  const now = at ?? new Date();
  const session = await prisma.session.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { user: { select: { id: true, email: true, name: true, role: true } } },
  });
  if (!session) return null;
  if (session.expiresAt <= now) {
    await prisma.session.deleteMany({ where: { id: session.id } });
    return null;
  }
  const fullLife = SESSION_DAYS * 24 * 60 * 60 * 1000;
  if (session.expiresAt.getTime() - now.getTime() < fullLife - RENEW_AFTER_MS) {
    await prisma.session.update({ where: { id: session.id }, data: { expiresAt: new Date(now.getTime() + fullLife) } });
  }
  return session.user;
}

export async function deleteSessionRecord(prisma: PrismaClient, token: string): Promise<void> {
  await prisma.session.deleteMany({ where: { tokenHash: hashToken(token) } });
}
