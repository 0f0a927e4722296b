import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { freshDatabase, type TestDatabase } from "../testing/database";
import { attemptLogin } from "../auth/login";
import { createSessionRecord, listUserSessions, userForToken, type SessionUser } from "../auth/sessions";
import { createUser, newUserSchema } from "../auth/users";
import { InputError } from "./form-state";
import {
  changeOwnPassword,
  createAccount,
  endOwnSessionAudited,
  resetUserPassword,
  revokeUserSessions,
  setUserEnabled,
  setUserRole,
} from "./users";

let db: TestDatabase;
let chief: SessionUser;
let seq = 0;

before(async () => {
  db = await freshDatabase("admin_users");
  chief = await createUser(db.prisma, {
    email: "chief@example.com",
    name: "总编",
    password: "ink and paper at midnight",
    role: "ADMIN",
  });
});
after(() => db.drop());

async function account(role: "ADMIN" | "EDITOR" = "EDITOR", password = "ink and paper at midnight") {
  const email = `user${seq++}@example.com`;
  const user = await createUser(db.prisma, { email, name: `用户${seq}`, password, role });
  return { ...user, password };
}

async function signedIn(userId: number) {
  return (await createSessionRecord(db.prisma, userId)).token;
}

async function auditSummaries(userId: number): Promise<string[]> {
  const rows = await db.prisma.auditEntry.findMany({ where: { entityType: "user", entityId: userId } });
  return rows.map((row) => `${row.action}:${row.summary}`);
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof InputError) return Object.values(error.fieldErrors).flat().join(" ");
    throw error;
  }
  assert.fail("expected a refusal");
}

const LOGIN = { embedded: false };

test("a new account needs a strong password, checked against its own email and name", async () => {
  const weak = newUserSchema.safeParse({
    email: "a@example.com",
    name: "甲",
    password: "password1234",
    role: "EDITOR",
  });
  assert.equal(weak.success, false);
  const own = newUserSchema.safeParse({
    email: "wangfang.desk@example.com",
    name: "王芳",
    password: "wangfang.desk",
    role: "EDITOR",
  });
  assert.equal(own.success, false);
  const created = await createAccount(db.prisma, chief, {
    email: "new@example.com",
    name: "新人",
    password: "lanterns over the river",
    role: "EDITOR",
  });
  assert.match((await auditSummaries(created.id)).join(), /create:新建账号 new@example.com/);
});

test("disabling ends the user's sessions at once and refuses their login; enabling lets them back", async () => {
  const editor = await account();
  const token = await signedIn(editor.id);
  assert.ok(await userForToken(db.prisma, token));
  assert.deepEqual(await setUserEnabled(db.prisma, chief, { userId: editor.id, enabled: false }), {
    changed: true,
    email: editor.email,
  });
  assert.equal(await userForToken(db.prisma, token), null);
  assert.equal(await db.prisma.session.count({ where: { userId: editor.id } }), 0);
  const login = await attemptLogin(db.prisma, editor.email, editor.password, "10.5.0.1", LOGIN);
  assert.deepEqual(login, { ok: false, reason: "invalid" });

  await setUserEnabled(db.prisma, chief, { userId: editor.id, enabled: true });
  const again = await attemptLogin(db.prisma, editor.email, editor.password, "10.5.0.1", LOGIN);
  assert.equal(again.ok, true);
  const trail = await auditSummaries(editor.id);
  assert.ok(trail.some((entry) => entry.startsWith("disable:")));
  assert.ok(trail.some((entry) => entry.startsWith("enable:")));
});

test("a session made before the account was disabled stops working even if its row was left behind", async () => {
  const editor = await account();
  await db.prisma.user.update({ where: { id: editor.id }, data: { disabledAt: new Date() } });
  // A row written directly (not through setUserEnabled): the session check itself must refuse it.
  const token = await signedIn(editor.id);
  assert.equal(await userForToken(db.prisma, token), null);
});

test("a role change ends the user's sessions and is audited", async () => {
  const editor = await account();
  const token = await signedIn(editor.id);
  await setUserRole(db.prisma, chief, { userId: editor.id, role: "ADMIN" });
  assert.equal(await userForToken(db.prisma, token), null);
  const row = await db.prisma.user.findUniqueOrThrow({ where: { id: editor.id } });
  assert.equal(row.role, "ADMIN");
  assert.match((await auditSummaries(editor.id)).join(), /role:.*从编辑改为管理员/);
  await setUserRole(db.prisma, chief, { userId: editor.id, role: "EDITOR" });
});

test("the last active admin can be neither disabled nor demoted, even by two admins at once", async () => {
  const fresh = await freshDatabase("admin_users_last");
  try {
    const a = await createUser(fresh.prisma, {
      email: "a@example.com",
      name: "甲",
      password: "x".repeat(12),
      role: "ADMIN",
    });
    const b = await createUser(fresh.prisma, {
      email: "b@example.com",
      name: "乙",
      password: "x".repeat(12),
      role: "ADMIN",
    });
    // Each demotes the other at the same moment: exactly one may succeed.
    const results = await Promise.allSettled([
      setUserRole(fresh.prisma, a, { userId: b.id, role: "EDITOR" }),
      setUserRole(fresh.prisma, b, { userId: a.id, role: "EDITOR" }),
    ]);
    assert.equal(results.filter((result) => result.status === "fulfilled").length, 1);
    const admins = await fresh.prisma.user.count({ where: { role: "ADMIN", disabledAt: null } });
    assert.equal(admins, 1);
    const [left] = await fresh.prisma.user.findMany({ where: { role: "ADMIN" } });
    const other = left!.id === a.id ? b : a;
    assert.match(await refusal(setUserRole(fresh.prisma, left!, { userId: left!.id, role: "EDITOR" })), /最后一个/);
    // A demoted admin who is re-promoted and then disabled: still one admin left, so allowed.
    await setUserRole(fresh.prisma, left!, { userId: other.id, role: "ADMIN" });
    await setUserEnabled(fresh.prisma, left!, { userId: other.id, enabled: false });
    assert.match(await refusal(setUserRole(fresh.prisma, left!, { userId: left!.id, role: "EDITOR" })), /最后一个/);
    assert.match(await refusal(setUserEnabled(fresh.prisma, left!, { userId: left!.id, enabled: false })), /自己/);
  } finally {
    await fresh.drop();
  }
});

test("a password reset sets the new password, ends the sessions and refuses weak ones", async () => {
  const editor = await account();
  const token = await signedIn(editor.id);
  assert.match(await refusal(resetUserPassword(db.prisma, chief, { userId: editor.id, password: editor.email })), /./);
  await resetUserPassword(db.prisma, chief, { userId: editor.id, password: "seventeen paper cranes" });
  assert.equal(await userForToken(db.prisma, token), null);
  const old = await attemptLogin(db.prisma, editor.email, editor.password, "10.6.0.1", LOGIN);
  assert.equal(old.ok, false);
  const fresh = await attemptLogin(db.prisma, editor.email, "seventeen paper cranes", "10.6.0.1", LOGIN);
  assert.equal(fresh.ok, true);
  assert.match((await auditSummaries(editor.id)).join(), /password:重设/);
});

test("revoking ends every session of the user", async () => {
  const editor = await account();
  const tokens = [await signedIn(editor.id), await signedIn(editor.id)];
  const { count } = await revokeUserSessions(db.prisma, chief, { userId: editor.id });
  assert.equal(count, 2);
  for (const token of tokens) assert.equal(await userForToken(db.prisma, token), null);
  assert.match((await auditSummaries(editor.id)).join(), /revoke:/);
});

test("an editor changes their own password with the current one; other sessions end, this one stays", async () => {
  const editor = await account();
  const here = await signedIn(editor.id);
  const elsewhere = await signedIn(editor.id);
  const input = { currentPassword: "wrong", password: "a quiet press at dawn", confirm: "a quiet press at dawn" };
  assert.match(await refusal(changeOwnPassword(db.prisma, editor, input, here)), /现在的密码不正确/);
  await changeOwnPassword(db.prisma, editor, { ...input, currentPassword: editor.password }, here);
  assert.ok(await userForToken(db.prisma, here));
  assert.equal(await userForToken(db.prisma, elsewhere), null);
  const login = await attemptLogin(db.prisma, editor.email, "a quiet press at dawn", "10.7.0.1", LOGIN);
  assert.equal(login.ok, true);
  assert.match((await auditSummaries(editor.id)).join(), /password:.*修改了自己的密码/);
});

test("an editor sees their own sessions and can end one, but not someone else's", async () => {
  const editor = await account();
  const other = await account();
  const here = await signedIn(editor.id);
  await signedIn(editor.id);
  const foreign = await signedIn(other.id);
  const sessions = await listUserSessions(db.prisma, editor.id, here);
  assert.equal(sessions.length, 2);
  assert.equal(sessions.filter((session) => session.current).length, 1);
  const foreignId = (await db.prisma.session.findFirstOrThrow({ where: { userId: other.id } })).id;
  assert.equal(await endOwnSessionAudited(db.prisma, editor, { sessionId: foreignId }), false);
  assert.ok(await userForToken(db.prisma, foreign));
  const otherSession = sessions.find((session) => !session.current)!;
  assert.equal(await endOwnSessionAudited(db.prisma, editor, { sessionId: otherSession.id }), true);
  assert.equal((await listUserSessions(db.prisma, editor.id, here)).length, 1);
});
