// The action helper against a real database: every expected failure becomes a
// Chinese message on the right field with the input kept; redirects and bugs
// pass through untouched.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
// next/navigation itself needs the bundler; this is the same redirect() it re-exports.
// eslint-disable-next-line no-restricted-imports -- Next.js's own folder, not ours
import { redirect } from "next/dist/client/components/redirect.js";
import { freshDatabase, type TestDatabase } from "../testing/database";
import { requiredLine, z } from "../validation";
import { errorResponse, handleForm, type ActionContext } from "./form-action";
import { InputError, type FormState } from "./form-state";

let db: TestDatabase;
let editionId: number;

before(async () => {
  db = await freshDatabase("action");
  const publication = await db.prisma.publication.create({ data: { slug: "t", name: "测试日报", isDefault: true } });
  editionId = (
    await db.prisma.edition.create({
      data: { publicationId: publication.id, issueDate: new Date("2026-01-02T00:00:00Z"), issueNumber: 1 },
    })
  ).id;
});
after(() => db.drop());

const user = { id: 1, email: "e@x", name: "编辑", role: "EDITOR" as const };

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  data.append("$ACTION_ID_abc", "");
  return data;
}

function context(formData: FormData): ActionContext<FormState> {
  return { user, db: db.prisma, formData, previous: {} };
}

const schema = z.object({ name: requiredLine(10, "名称"), password: z.string().optional() });

test("input that does not parse comes back with Chinese field errors and the input kept (secrets dropped)", async () => {
  let ran = false;
  const state = await handleForm(
    schema,
    async (): Promise<FormState> => {
      ran = true;
      return { ok: true };
    },
    context(form({ name: "  ", password: "secret" })),
    { secretFields: ["password"] },
  );
  assert.equal(ran, false);
  assert.deepEqual(state.fieldErrors, { name: ["请填写名称"] });
  assert.deepEqual(state.values, { name: "  " });
  // A forged request without the field gets a message too, in Chinese.
  const missing = await handleForm(schema, async (): Promise<FormState> => ({ ok: true }), context(form({})));
  assert.deepEqual(missing.fieldErrors, { name: ["请填写名称"] });
});

test("a refusal from lib lands on its field", async () => {
  const state = await handleForm(
    schema,
    async (): Promise<FormState> => {
      throw InputError.on("name", "这个名称已被使用。");
    },
    context(form({ name: "海城" })),
  );
  assert.deepEqual(state.fieldErrors, { name: ["这个名称已被使用。"] });
  assert.equal(state.message, "请修改标出的内容后再保存。");
  assert.equal(state.values?.name, "海城");
});

async function stateFor(write: () => Promise<unknown>): Promise<FormState> {
  return handleForm(
    z.object({}),
    async (): Promise<FormState> => {
      await write();
      return { ok: true };
    },
    context(form({ title: "正文保留" })),
  );
}

test("database refusals become messages on the field the constraint protects, never a 500", async () => {
  const duplicateDate = await stateFor(() =>
    db.prisma.edition.create({
      data: { publicationId: 1, issueDate: new Date("2026-01-02T00:00:00Z"), issueNumber: 2 },
    }),
  );
  assert.deepEqual(duplicateDate.fieldErrors, { issueDate: ["这一天已经有一期报纸了。"] });
  assert.equal(duplicateDate.values?.title, "正文保留");

  const badCode = await stateFor(() =>
    db.prisma.page.create({ data: { editionId, code: "sport", name: "体育", sortOrder: 1 } }),
  );
  assert.ok(badCode.fieldErrors?.code?.[0]?.includes("版号"));

  await db.prisma.page.create({ data: { editionId, code: "a01", name: "头版", sortOrder: 1 } });
  const sameCode = await stateFor(() =>
    db.prisma.page.create({ data: { editionId, code: "A01", name: "要闻", sortOrder: 2 } }),
  );
  assert.deepEqual(sameCode.fieldErrors, { code: ["本期已有这个版号（版号不区分大小写）。"] });

  const missingPublication = await stateFor(() =>
    db.prisma.edition.create({
      data: { publicationId: 999, issueDate: new Date("2026-01-03T00:00:00Z"), issueNumber: 2 },
    }),
  );
  assert.ok(missingPublication.fieldErrors?.publicationId);
});

test("rows deleted meanwhile, numbers out of range and unstorable characters get form-level messages", async () => {
  const gone = await stateFor(() => db.prisma.edition.update({ where: { id: 99_999 }, data: { issueNumber: 3 } }));
  assert.match(gone.message ?? "", /已不存在/);
  const range = await stateFor(() =>
    db.prisma.edition.update({ where: { id: editionId }, data: { issueNumber: 3_000_000_000 } }),
  );
  assert.match(range.message ?? "", /超出范围/);
  const nul = await stateFor(() => db.prisma.publication.update({ where: { id: 1 }, data: { name: "a\u0000b" } }));
  assert.match(nul.message ?? "", /无法保存的字符/);
  const tooLong = await stateFor(() =>
    db.prisma.publication.update({ where: { id: 1 }, data: { name: "长".repeat(101) } }),
  );
  assert.match(tooLong.message ?? "", /太长/);
});

test("redirects and bugs are not swallowed", async () => {
  await assert.rejects(
    handleForm(z.object({}), async () => redirect("/admin"), context(form({}))),
    (error: { digest?: string }) => String(error.digest).startsWith("NEXT_REDIRECT"),
  );
  await assert.rejects(
    handleForm(
      z.object({}),
      async () => {
        throw new TypeError("a bug");
      },
      context(form({})),
    ),
    TypeError,
  );
});

test("a call without form data (a forged request) gets a message, not a crash", async () => {
  const state = await handleForm(schema, async (): Promise<FormState> => ({ ok: true }), {
    ...context(form({})),
    formData: undefined as unknown as FormData,
  });
  assert.match(state.message ?? "", /表单数据无效/);
});

test("API routes answer expected failures with JSON and a 4xx status", async () => {
  const refused = errorResponse(InputError.on("code", "版号格式不对"));
  assert.equal(refused?.status, 400);
  assert.deepEqual(await refused?.json(), {
    message: "请修改标出的内容后再保存。",
    fieldErrors: { code: ["版号格式不对"] },
  });
  const error = await db.prisma.edition
    .update({ where: { id: 99_999 }, data: { issueNumber: 3 } })
    .catch((caught: unknown) => caught);
  assert.equal(errorResponse(error)?.status, 404);
  assert.equal(errorResponse(new Error("bug")), null);
});
