// Checking a login attempt: throttling first (the attempt is counted), then the password. Unknown
// accounts, wrong passwords, disabled accounts and the demo account outside
// the demo get the same answer and take the same time (one argon2 verify).
import type { PrismaClient } from "../db/client";
import { isEmbedded } from "../db/url";
import { dummyPasswordHash, verifyPassword } from "./password";
import { createSessionRecord, purgeExpiredSessions, type SessionUser } from "./sessions";
import { purgeStaleThrottles, recordSuccessfulLogin, takeLoginAttempt } from "./throttle";
import { isDemoAccount } from "./users";

export type LoginResult =
  | { ok: true; user: SessionUser; token: string; expiresAt: Date }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

export type LoginOptions = {
  /** Whether the app runs on the embedded demo database (default: DATABASE_URL is not set). */
  embedded?: boolean;
  userAgent?: string;
  now?: Date;
};

export async function attemptLogin(
  prisma: PrismaClient,
  email: string,
  password: string,
  ip: string,
  options: LoginOptions = {},
): Promise<LoginResult> {
  const now = options.now ?? new Date();
  const normalized = email.trim().toLowerCase();
  // The attempt is counted before the password is checked (lib/auth/throttle.ts).
  const wait = await takeLoginAttempt(prisma, normalized, ip, now);
  if (wait > 0) return { ok: false, reason: "throttled", retryAfterSeconds: wait };
  const found = await prisma.user.findUnique({ where: { email: normalized } });
  // The demo account's password is public: it may only sign in on the demo's embedded database.
  const demoOutsideDemo = isDemoAccount(normalized) && !(options.embedded ?? isEmbedded());
  const user = found && !demoOutsideDemo ? found : null;
  const valid = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
  if (!user || !valid || user.disabledAt) return { ok: false, reason: "invalid" };
  await recordSuccessfulLogin(prisma, normalized, ip);
  await purgeExpiredSessions(prisma, now);
  await purgeStaleThrottles(prisma, now);
  const { token, expiresAt } = await createSessionRecord(prisma, user.id, now, { ip, userAgent: options.userAgent });
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, role: user.role }, token, expiresAt };
}
