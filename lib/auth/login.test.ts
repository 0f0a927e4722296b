import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { freshDatabase, type TestDatabase } from "../testing/database";
import { attemptLogin } from "./login";
import { createSessionRecord, userForToken } from "./sessions";
import { THROTTLE } from "./throttle";
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

test("an account is locked after repeated failures, even with the right password", async () => {
  await createUser(db.prisma, {
    email: "target@example.com",
    name: "目标",
    password: "right password",
    role: "EDITOR",
  });
  for (let i = 0; i < THROTTLE.emailFreeFailures; i++) {
    // Different IPs: the per-account counter must lock regardless of where attempts come from.
    await attemptLogin(db.prisma, "target@example.com", `guess-${i}`, `10.1.0.${i}`);
  }
  const result = await attemptLogin(db.prisma, "target@example.com", "right password", "10.9.9.9");
  assert.equal(result.ok, false);
  assert.equal(!result.ok && result.reason, "throttled");
});

test("an IP is locked after many failures across accounts", async () => {
  for (let i = 0; i < THROTTLE.ipFreeFailures; i++)
    await attemptLogin(db.prisma, `user${i}@example.com`, "x", "10.2.0.1");
  const result = await attemptLogin(db.prisma, "editor@example.com", "correct horse", "10.2.0.1");
  assert.equal(!result.ok && result.reason, "throttled");
  const elsewhere = await attemptLogin(db.prisma, "editor@example.com", "correct horse", "10.2.0.2");
  assert.equal(elsewhere.ok, true);
});

test("an expired session no longer resolves and is removed", async () => {
  const user = await db.prisma.user.findUniqueOrThrow({ where: { email: "editor@example.com" } });
  const past = new Date(Date.now() - 30 * 24 * 60 * 60 * 1000);
  const { token } = await createSessionRecord(db.prisma, user.id, past);
  assert.equal(await userForToken(db.prisma, token), null);
  assert.equal(await userForToken(db.prisma, "not-a-token"), null);
});

test("the demo account is created once", async () => {
  assert.deepEqual(await ensureDemoAccount(db.prisma), { created: true, email: DEMO_ACCOUNT.email });
  assert.deepEqual(await ensureDemoAccount(db.prisma), { created: false, email: DEMO_ACCOUNT.email });
  const login = await attemptLogin(db.prisma, DEMO_ACCOUNT.email, DEMO_ACCOUNT.password, "10.3.0.1");
  assert.equal(login.ok, true);
});

test("without a known client address only the account counter applies (no shared lock-out)", async () => {
  for (let i = 0; i < 30; i++) await attemptLogin(db.prisma, `stranger${i}@example.com`, "x", "unknown");
  const result = await attemptLogin(db.prisma, "editor@example.com", "correct horse", "unknown");
  assert.equal(result.ok, true);
});
