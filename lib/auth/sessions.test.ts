import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { freshDatabase, type TestDatabase } from "../testing/database";
import {
  SESSION_ABSOLUTE_DAYS,
  SESSION_IDLE_DAYS,
  createSessionRecord,
  purgeExpiredSessions,
  renewSession,
  userForToken,
} from "./sessions";
import { createUser } from "./users";

const DAY = 24 * 60 * 60 * 1000;
let db: TestDatabase;
let userId: number;

before(async () => {
  db = await freshDatabase("auth_sessions");
  userId = (
    await createUser(db.prisma, { email: "s@example.com", name: "会话", password: "x".repeat(12), role: "EDITOR" })
  ).id;
});
after(() => db.drop());

test("a new session ends after the idle period unless it is used", async () => {
  const start = new Date("2026-03-01T08:00:00Z");
  const { token, expiresAt } = await createSessionRecord(db.prisma, userId, start);
  assert.equal(expiresAt.getTime(), start.getTime() + SESSION_IDLE_DAYS * DAY);
  assert.ok(await userForToken(db.prisma, token, new Date(expiresAt.getTime() - 1000)));
  assert.equal(await userForToken(db.prisma, token, expiresAt), null);
});

test("use moves the idle end forward, but never past the absolute end", async () => {
  const start = new Date("2026-03-01T08:00:00Z");
  const { token } = await createSessionRecord(db.prisma, userId, start);
  let now = start;
  // An editor who works every single day…
  for (let day = 1; day < SESSION_ABSOLUTE_DAYS; day++) {
    now = new Date(start.getTime() + day * DAY);
    assert.ok(await userForToken(db.prisma, token, now), `day ${day}`);
    const renewed = await renewSession(db.prisma, token, now);
    // null once the idle end has reached the absolute end (nothing left to move).
    if (renewed) assert.ok(renewed.getTime() <= start.getTime() + SESSION_ABSOLUTE_DAYS * DAY);
    else assert.ok(day > SESSION_ABSOLUTE_DAYS - SESSION_IDLE_DAYS, `renewed on day ${day}`);
  }
  const stored = await db.prisma.session.findFirstOrThrow({ where: { userId }, orderBy: { id: "desc" } });
  assert.equal(stored.expiresAt.getTime(), start.getTime() + SESSION_ABSOLUTE_DAYS * DAY);
  // …still signs in again after the absolute lifetime.
  const end = new Date(start.getTime() + SESSION_ABSOLUTE_DAYS * DAY);
  assert.equal(await renewSession(db.prisma, token, end), null);
  assert.equal(await userForToken(db.prisma, token, end), null);
});

test("a session whose row was extended by hand still ends at the absolute lifetime", async () => {
  const start = new Date("2026-03-01T08:00:00Z");
  const { token } = await createSessionRecord(db.prisma, userId, start);
  await db.prisma.session.updateMany({ where: { userId }, data: { expiresAt: new Date("2027-01-01T00:00:00Z") } });
  assert.equal(await userForToken(db.prisma, token, new Date(start.getTime() + SESSION_ABSOLUTE_DAYS * DAY)), null);
});

test("renewing is not a write on every request", async () => {
  const now = new Date("2026-04-01T08:00:00Z");
  const { token } = await createSessionRecord(db.prisma, userId, now);
  assert.equal(await renewSession(db.prisma, token, new Date(now.getTime() + 60_000)), null);
  assert.ok(await renewSession(db.prisma, token, new Date(now.getTime() + 2 * 60 * 60 * 1000)));
});

test("expired sessions are purged", async () => {
  const old = new Date("2025-01-01T00:00:00Z");
  await createSessionRecord(db.prisma, userId, old);
  const purged = await purgeExpiredSessions(db.prisma, new Date("2026-06-01T00:00:00Z"));
  assert.ok(purged >= 1);
  assert.equal(await db.prisma.session.count({ where: { createdAt: old } }), 0);
});
