import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { freshDatabase, type TestDatabase } from "../testing/database";
import { attemptLogin } from "./login";
import { createSessionRecord, userForToken } from "./sessions";
import { THROTTLE, lockSecondsFor } from "./throttle";
import { DEMO_ACCOUNT, createUser, ensureDemoAccount } from "./users";

let db: TestDatabase;
before(async () => {
  db = await freshDatabase("auth_login");
  await createUser(db.prisma, { email: "editor@example.com", name: "编辑", password: "correct horse", role: "EDITOR" });
});
after(() => db.drop());

test("a correct password signs in and the token resolves to the user", async () => {
  const result = await attemptLogin(db.prisma, " Editor@Example.com ", "correct horse", "10.0.0.1");
  assert.equal(result.ok, true);
  if (!result.ok) return;
  const user = await userForToken(db.prisma, result.token);
  assert.equal(user?.email, "editor@example.com");
  // Only the hash of the token is stored, never the token itself.
  const stored = await db.prisma.session.findMany();
  assert.ok(stored.every((session) => session.tokenHash !== result.token));
});

test("unknown account and wrong password give the same answer", async () => {
  const unknown = await attemptLogin(db.prisma, "nobody@example.com", "correct horse", "10.0.0.2");
  const wrong = await attemptLogin(db.prisma, "editor@example.com", "wrong", "10.0.0.3");
  assert.deepEqual(unknown, { ok: false, reason: "invalid" });
  assert.deepEqual(wrong, { ok: false, reason: "invalid" });
});

test("an account hammered from elsewhere still lets its editor in from their usual place", async () => {
  await createUser(db.prisma, {
    email: "target@example.com",
    name: "目标",
    password: "right password",
    role: "EDITOR",
  });
  for (let i = 0; i < 3 * THROTTLE.pairFreeAttempts; i++) {
    await attemptLogin(db.prisma, "target@example.com", `guess-${i}`, "203.0.113.66");
  }
  // The attacker's own address is now refused, even with the right password…
  const attacker = await attemptLogin(db.prisma, "target@example.com", "right password", "203.0.113.66");
  assert.equal(!attacker.ok && attacker.reason, "throttled");
  // …but the editor, at their desk, is not locked out by it.
  const editor = await attemptLogin(db.prisma, "target@example.com", "right password", "10.9.9.9");
  assert.equal(editor.ok, true);
});

test("one address gets a few tries per account, then waits, doubling", async () => {
  const now = new Date("2026-01-01T00:00:00Z");
  for (let i = 0; i < THROTTLE.pairFreeAttempts; i++) {
    const result = await attemptLogin(db.prisma, "editor@example.com", `wrong-${i}`, "10.1.0.1", { now });
    assert.equal(!result.ok && result.reason, "invalid");
  }
  const locked = await attemptLogin(db.prisma, "editor@example.com", "correct horse", "10.1.0.1", { now });
  assert.deepEqual(locked, { ok: false, reason: "throttled", retryAfterSeconds: THROTTLE.baseLockSeconds });
  // After the wait, one more try; it fails and the next wait is twice as long.
  const later = new Date(now.getTime() + THROTTLE.baseLockSeconds * 1000);
  await attemptLogin(db.prisma, "editor@example.com", "wrong-again", "10.1.0.1", { now: later });
  const again = await attemptLogin(db.prisma, "editor@example.com", "correct horse", "10.1.0.1", { now: later });
  assert.deepEqual(again, { ok: false, reason: "throttled", retryAfterSeconds: 2 * THROTTLE.baseLockSeconds });
  assert.equal(lockSecondsFor(100, THROTTLE.pairFreeAttempts), THROTTLE.maxLockSeconds);
});

test("an address is locked after many failures across accounts", async () => {
  for (let i = 0; i < THROTTLE.ipFreeAttempts; i++)
    await attemptLogin(db.prisma, `user${i}@example.com`, "x", "10.2.0.1");
  const result = await attemptLogin(db.prisma, "editor@example.com", "correct horse", "10.2.0.1");
  assert.equal(!result.ok && result.reason, "throttled");
  const elsewhere = await attemptLogin(db.prisma, "editor@example.com", "correct horse", "10.2.0.2");
  assert.equal(elsewhere.ok, true);
});

test("a parallel burst gets no more guesses than a sequence would", async () => {
  await createUser(db.prisma, { email: "burst@example.com", name: "并发", password: "right password", role: "EDITOR" });
  // All sent at once: a check made before any attempt is counted would let every one of them try a password.
  const results = await Promise.all(
    Array.from({ length: 24 }, (_, i) => attemptLogin(db.prisma, "burst@example.com", `guess-${i}`, "10.4.0.1")),
  );
  const tried = results.filter((result) => !result.ok && result.reason === "invalid").length;
  assert.equal(tried, THROTTLE.pairFreeAttempts);
});

test("an office's successful logins never lock its address", async () => {
  await createUser(db.prisma, {
    email: "office@example.com",
    name: "同事",
    password: "right password",
    role: "EDITOR",
  });
  for (let i = 0; i < THROTTLE.ipFreeAttempts + 3; i++) {
    const result = await attemptLogin(db.prisma, "office@example.com", "right password", "10.8.0.1");
    assert.equal(result.ok, true, `login ${i}`);
  }
});

test("expired sessions and stale throttle counters are purged at the next login", async () => {
  const user = await db.prisma.user.findUniqueOrThrow({ where: { email: "editor@example.com" } });
  const old = new Date(Date.now() - 40 * 24 * 60 * 60 * 1000);
  await createSessionRecord(db.prisma, user.id, old);
  await db.prisma.loginThrottle.create({ data: { key: "ip:192.0.2.1", failures: 3, updatedAt: old } });
  await attemptLogin(db.prisma, "editor@example.com", "correct horse", "10.9.9.8");
  assert.equal(await db.prisma.session.count({ where: { createdAt: { lte: old } } }), 0);
  assert.equal(await db.prisma.loginThrottle.count({ where: { key: "ip:192.0.2.1" } }), 0);
});

test("an expired session no longer resolves and is removed", async () => {
  const user = await db.prisma.user.findUniqueOrThrow({ where: { email: "editor@example.com" } });
  const past = new Date(Date.now() - 30 * 24 * 60 * 60 * 1000);
  const { token } = await createSessionRecord(db.prisma, user.id, past);
  assert.equal(await userForToken(db.prisma, token), null);
  assert.equal(await userForToken(db.prisma, "not-a-token"), null);
});

test("the demo account is created once, and only on the embedded database", async () => {
  assert.deepEqual(await ensureDemoAccount(db.prisma, false), { refused: "not-embedded" });
  assert.equal(await db.prisma.user.count({ where: { email: DEMO_ACCOUNT.email } }), 0);
  assert.deepEqual(await ensureDemoAccount(db.prisma, true), { created: true, email: DEMO_ACCOUNT.email });
  assert.deepEqual(await ensureDemoAccount(db.prisma, true), { created: false, email: DEMO_ACCOUNT.email });
  const login = await attemptLogin(db.prisma, DEMO_ACCOUNT.email, DEMO_ACCOUNT.password, "10.3.0.1", {
    embedded: true,
  });
  assert.equal(login.ok, true);
});

test("the demo account cannot sign in against a real database, even when its row exists there", async () => {
  // The row exists (made above, as an older version would have on any database); DATABASE_URL is "set".
  const login = await attemptLogin(db.prisma, DEMO_ACCOUNT.email, DEMO_ACCOUNT.password, "10.3.0.2", {
    embedded: false,
  });
  assert.deepEqual(login, { ok: false, reason: "invalid" });
});

test("the demo script creates no account when DATABASE_URL is set", async () => {
  const { spawnSync } = await import("node:child_process");
  const run = spawnSync(process.execPath, ["--import", "tsx", "scripts/demo-account.ts"], {
    env: { ...process.env, DATABASE_URL: db.url },
    encoding: "utf8",
  });
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /no demo account is created/);
});

test("without a known client address there is no shared lock-out", async () => {
  for (let i = 0; i < 30; i++) await attemptLogin(db.prisma, `stranger${i}@example.com`, "x", "unknown");
  const result = await attemptLogin(db.prisma, "editor@example.com", "correct horse", "unknown");
  assert.equal(result.ok, true);
});
