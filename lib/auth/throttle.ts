// Failed-login throttling, per account ("email:…") and per client IP ("ip:…").
// Counters live in the database so every app instance shares them.
import type { PrismaClient } from "../db/client";

export const THROTTLE = {
  /** Failures allowed before an account is locked for a while. */
  emailFreeFailures: 5,
  /** An IP may try more accounts (an office behind one address). */
  ipFreeFailures: 20,
  /** First lock, doubled for every further failure, up to the maximum. */
  baseLockSeconds: 30,
  maxLockSeconds: 15 * 60,
  /** Counters older than this start again from zero. */
  resetAfterSeconds: 60 * 60,
} as const;

export const UNKNOWN_IP = "unknown";

export function throttleKeys(email: string, ip: string): { emailKey: string; ipKey: string } {
  return { emailKey: `email:${email.trim().toLowerCase()}`.slice(0, 250), ipKey: `ip:${ip}`.slice(0, 250) };
}

/** Seconds until `keys` may try again; 0 when none is locked. */
export async function lockedSeconds(prisma: PrismaClient, keys: string[], now = new Date()): Promise<number> {
  const rows = await prisma.loginThrottle.findMany({ where: { key: { in: keys }, lockedUntil: { gt: now } } });
  const until = Math.max(0, ...rows.map((row) => row.lockedUntil!.getTime()));
  return until ? Math.ceil((until - now.getTime()) / 1000) : 0;
}

export function lockSecondsFor(failures: number, freeFailures: number): number {
  if (failures < freeFailures) return 0;
  return Math.min(THROTTLE.maxLockSeconds, THROTTLE.baseLockSeconds * 2 ** (failures - freeFailures));
}

async function recordOne(prisma: PrismaClient, key: string, freeFailures: number, now: Date): Promise<void> {
  const stale = new Date(now.getTime() - THROTTLE.resetAfterSeconds * 1000);
  // Reset a counter nobody has touched for an hour, then count atomically
  // (an upsert with increment, so concurrent failures on several instances all count).
  await prisma.loginThrottle.updateMany({
    where: { key, updatedAt: { lt: stale }, OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] },
    data: { failures: 0 },
  });
  const row = await prisma.loginThrottle.upsert({
    where: { key },
    create: { key, failures: 1 },
    update: { failures: { increment: 1 } },
  });
  const seconds = lockSecondsFor(row.failures, freeFailures);
  if (seconds > 0) {
    await prisma.loginThrottle.update({
      where: { key },
      data: { lockedUntil: new Date(now.getTime() + seconds * 1000) },
    });
  }
}

export async function recordFailedLogin(
  prisma: PrismaClient,
  email: string,
  ip: string,
  now = new Date(),
): Promise<void> {
  const { emailKey, ipKey } = throttleKeys(email, ip);
  await recordOne(prisma, emailKey, THROTTLE.emailFreeFailures, now);
  if (ip !== UNKNOWN_IP) await recordOne(prisma, ipKey, THROTTLE.ipFreeFailures, now);
}

/** A successful login clears the account's counter (not the IP's, which may be shared with an attacker). */
export async function recordSuccessfulLogin(prisma: PrismaClient, email: string): Promise<void> {
  await prisma.loginThrottle.deleteMany({ where: { key: throttleKeys(email, "").emailKey } });
}
