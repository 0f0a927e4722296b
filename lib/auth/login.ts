// Checking a login attempt: throttling first, then the password. Unknown
// accounts and wrong passwords get the same answer and take the same time.
import type { PrismaClient } from "../db/client";
import { dummyPasswordHash, verifyPassword } from "./password";
import { createSessionRecord, type SessionUser } from "./sessions";
import { UNKNOWN_IP, lockedSeconds, recordFailedLogin, recordSuccessfulLogin, throttleKeys } from "./throttle";

export type LoginResult =
  | { ok: true; user: SessionUser; token: string; expiresAt: Date }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

export async function attemptLogin(
  prisma: PrismaClient,
  email: string,
  password: string,
  ip: string,
): Promise<LoginResult> {
  const normalized = email.trim().toLowerCase();
  const { emailKey, ipKey } = throttleKeys(normalized, ip);
  // Without a known client address (no reverse proxy header), a shared "unknown" counter would let
  // one attacker lock everybody out; only the per-account counter applies then.
  const wait = await lockedSeconds(prisma, ip === UNKNOWN_IP ? [emailKey] : [emailKey, ipKey]);
  if (wait > 0) return { ok: false, reason: "throttled", retryAfterSeconds: wait };
  const user = await prisma.user.findUnique({ where: { email: normalized } });
  const valid = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
  if (!user || !valid) {
    await recordFailedLogin(prisma, normalized, ip);
    return { ok: false, reason: "invalid" };
  }
  await recordSuccessfulLogin(prisma, normalized);
  const { token, expiresAt } = await createSessionRecord(prisma, user.id);
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, role: user.role }, token, expiresAt };
}
