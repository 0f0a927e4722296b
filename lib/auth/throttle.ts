// Failed-login throttling, per account-and-address pair ("pair:…") and per
// client address ("ip:…"). There is deliberately no lock per account alone:
// an attacker hammering an account from elsewhere must not lock out its
// editor, whose own pair and address stay clean. Counters live in the
// database so every app instance shares them.
//
// Each attempt is counted before its password is checked, in one atomic
// statement per counter (take a turn, or learn the lock), so a burst of
// parallel requests cannot all slip past a check made before any of them
// was counted.
import type { PrismaClient } from "../db/client";

export const THROTTLE = {
  /** Attempts one address may make on one account before it must wait. */
  pairFreeAttempts: 5,
  /** Attempts one address may make over all accounts (an office behind one address) before it must wait. */
  ipFreeAttempts: 20,
  /** The first wait, doubled for every further attempt, up to the maximum. */
  baseLockSeconds: 30,
  maxLockSeconds: 15 * 60,
  /** Counters nobody has touched for this long start again from zero (and are purged). */
  resetAfterSeconds: 60 * 60,
} as const;

/** The address used when the app cannot tell the client's (see lib/auth/client-ip.mjs). */
export const UNKNOWN_IP = "unknown";

type Db = Pick<PrismaClient, "$queryRaw" | "$executeRaw" | "loginThrottle">;

export function throttleKeys(email: string, ip: string): { pairKey: string; ipKey: string } {
  const account = email.trim().toLowerCase().slice(0, 200);
  return { pairKey: `pair:${ip.slice(0, 45)}|${account}`, ipKey: `ip:${ip.slice(0, 245)}` };
}

/** Seconds to wait after the `attempt`-th attempt in a window; 0 while attempts are free. */
export function lockSecondsFor(attempt: number, freeAttempts: number): number {
  if (attempt < freeAttempts) return 0;
  return Math.min(THROTTLE.maxLockSeconds, THROTTLE.baseLockSeconds * 2 ** Math.min(attempt - freeAttempts, 30));
}

/**
 * Takes one attempt from a counter, atomically: when the counter is locked,
 * nothing changes and the wait is returned; otherwise the attempt is counted
 * (from zero again after an hour of quiet) and, when it uses up the free
 * attempts, the lock for the attempts after it is set in the same statement
 * (lockSecondsFor's rule: 30 s, doubling per further attempt, up to 15 min).
 */
async function take(db: Db, key: string, freeAttempts: number, now: Date): Promise<number> {
  const stale = new Date(now.getTime() - THROTTLE.resetAfterSeconds * 1000);
  const { baseLockSeconds: base, maxLockSeconds: max } = THROTTLE;
  // One statement: ON CONFLICT locks the row, so parallel attempts are counted one after the other,
  // and the lock an attempt sets is already there for the next one.
  const rows = await db.$queryRaw<{ failures: number }[]>`
    INSERT INTO login_throttle AS t (key, failures, locked_until, updated_at)
    VALUES (
      ${key}, 1,
      CASE WHEN 1 >= ${freeAttempts}::int THEN ${now}::timestamptz + make_interval(secs => ${base}::int) END,
      ${now}
    )
    ON CONFLICT (key) DO UPDATE SET
      failures = CASE WHEN t.updated_at < ${stale} THEN 1 ELSE t.failures + 1 END,
      locked_until = CASE
        WHEN (CASE WHEN t.updated_at < ${stale} THEN 1 ELSE t.failures + 1 END) >= ${freeAttempts}::int
        THEN ${now}::timestamptz + make_interval(secs => LEAST(${max}::int, ${base}::int * power(2, LEAST(
          (CASE WHEN t.updated_at < ${stale} THEN 1 ELSE t.failures + 1 END) - ${freeAttempts}::int, 30))))
      END,
      updated_at = ${now}
    WHERE t.locked_until IS NULL OR t.locked_until <= ${now}
    RETURNING t.failures`;
  if (rows.length > 0) return 0;
  // The counter is locked: the statement changed nothing.
  const locked = await db.loginThrottle.findUnique({ where: { key } });
  const until = locked?.lockedUntil?.getTime() ?? now.getTime() + 1000;
  return Math.max(1, Math.ceil((until - now.getTime()) / 1000));
}

/**
 * Counts a login attempt from `ip` on `email` before its password is checked.
 * Returns the seconds to wait when the pair or the address is locked (the
 * password must then not be checked at all), 0 when the attempt may go on.
 */
export async function takeLoginAttempt(db: Db, email: string, ip: string, now = new Date()): Promise<number> {
  const { pairKey, ipKey } = throttleKeys(email, ip);
  const pairWait = await take(db, pairKey, THROTTLE.pairFreeAttempts, now);
  if (pairWait > 0) return pairWait;
  // Without a known address a shared "unknown" counter would let one attacker lock everybody out.
  if (ip === UNKNOWN_IP) return 0;
  return take(db, ipKey, THROTTLE.ipFreeAttempts, now);
}

/**
 * A successful login clears the pair's counter and gives the address back the
 * attempt it took (lifting the address's lock if that attempt set it), so an
 * office whose editors sign in all day is never locked by their successes.
 */
export async function recordSuccessfulLogin(db: Db, email: string, ip: string): Promise<void> {
  const { pairKey, ipKey } = throttleKeys(email, ip);
  await db.loginThrottle.deleteMany({ where: { key: pairKey } });
  await db.$executeRaw`
    UPDATE login_throttle SET
      failures = GREATEST(failures - 1, 0),
      locked_until = CASE WHEN failures - 1 < ${THROTTLE.ipFreeAttempts} THEN NULL ELSE locked_until END
    WHERE key = ${ipKey}`;
}

/** Deletes counters nobody has touched for an hour and whose lock is over. */
export async function purgeStaleThrottles(db: Db, now = new Date()): Promise<number> {
  const stale = new Date(now.getTime() - THROTTLE.resetAfterSeconds * 1000);
  const { count } = await db.loginThrottle.deleteMany({
    where: { updatedAt: { lt: stale }, OR: [{ lockedUntil: null }, { lockedUntil: { lte: now } }] },
  });
  return count;
}
