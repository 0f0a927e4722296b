// The import endpoint's answers (what app/api/admin/import/route.ts returns,
// after its session check): 429 for a second import while one runs in this
// instance, and a 4xx with a message, never a 500, when an import runs past
// BANMIAN_IMPORT_TIMEOUT_SECONDS, whether the upload or the import is slow.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import sharp from "sharp";
import { freshDatabase, type TestDatabase } from "../testing/database";
import { writeZip } from "./zip-writer";

// Read when lib/import/import.ts loads, so set before the dynamic import below. Short, so that the
// stalled and blocked imports below end soon, but long enough for a one-page import to finish on a
// loaded CI machine (at 2 s, the plain import once took 6.3 s and was refused as timed out).
process.env.BANMIAN_IMPORT_TIMEOUT_SECONDS = "12";

let db: TestDatabase;
let work: string;
let userId: number;
let png: Buffer;
let importUpload: typeof import("./upload").importUpload;
// The upload's deadline timer does not hold the process open (a server's socket does); this stands in
// for the server while a stalled upload waits out the limit.
const keepAlive = setInterval(() => {}, 1000);

before(async () => {
  ({ importUpload } = await import("./upload"));
  db = await freshDatabase("import_upload");
  work = await mkdtemp(path.join(tmpdir(), "banmian-import-upload-"));
  process.env.STORAGE_DIR = path.join(work, "storage");
  await db.prisma.publication.create({ data: { slug: "haicheng", name: "海城日报", isDefault: true } });
  userId = (await db.prisma.user.create({ data: { email: "e@example.com", name: "编辑", passwordHash: "x" } })).id;
  png = await sharp({ create: { width: 600, height: 900, channels: 3, background: "#eee" } })
    .png()
    .toBuffer();
});
after(async () => {
  clearInterval(keepAlive);
  await db.drop();
  await rm(work, { recursive: true, force: true });
});

const bundle = (date: string) =>
  writeZip([
    {
      name: "manifest.json",
      data: Buffer.from(
        JSON.stringify({
          version: 1,
          date,
          issueNumber: 1,
          pages: [{ code: "A01", name: "头版", image: "a01.png", articles: [{ title: "头条", body: ["一段。"] }] }],
        }),
      ),
    },
    { name: "a01.png", data: png },
  ]);

const post = (body: Buffer | ReadableStream<Uint8Array>) =>
  new Request("http://127.0.0.1/api/admin/import", {
    method: "POST",
    body: body instanceof Buffer ? new Uint8Array(body) : body,
    headers: { "content-type": "application/zip" },
    duplex: "half",
  } as RequestInit);

type Answer = { ok: boolean; problems?: { place: string; message: string }[]; editionId?: number };

test("a bundle is imported: 200 with the report and the new edition's id", async () => {
  const { response, imported } = await importUpload(post(bundle("2033-01-01")), db.prisma, userId);
  const answer = (await response.json()) as Answer;
  assert.equal(response.status, 200, JSON.stringify(answer));
  assert.equal(answer.ok, true);
  assert.equal(imported, answer.editionId);
});

test("a second import while one is being uploaded is answered 429 at once; a stalled upload then gets 408", async () => {
  // The first upload sends half its bytes and stalls, holding the instance's one import.
  const zip = bundle("2033-01-02");
  const first = importUpload(
    post(
      new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(zip.subarray(0, zip.length >> 1));
        },
      }),
    ),
    db.prisma,
    userId,
  );
  const second = await importUpload(post(bundle("2033-01-03")), db.prisma, userId);
  assert.equal(second.response.status, 429);
  assert.equal(second.response.headers.get("retry-after"), "30");
  assert.match(((await second.response.json()) as Answer).problems![0]!.message, /另一个期次包正在导入/);
  assert.equal(second.imported, null);

  // Past BANMIAN_IMPORT_TIMEOUT_SECONDS (12 s) the stalled upload is refused with a message, not a 500.
  const stalled = await first;
  assert.equal(stalled.response.status, 408);
  assert.match(((await stalled.response.json()) as Answer).problems![0]!.message, /上传超时（超过 12 秒）/);
  // The instance's import slot is free again, and nothing of either upload was stored.
  const retried = await importUpload(post(bundle("2033-01-03")), db.prisma, userId);
  assert.equal(retried.response.status, 200, await retried.response.text());
  assert.equal(await db.prisma.edition.count({ where: { issueDate: new Date("2033-01-02T00:00:00Z") } }), 0);
});

test(
  "an import that runs past BANMIAN_IMPORT_TIMEOUT_SECONDS answers 422 with the reason and stores nothing",
  {
    timeout: 60_000,
  },
  async () => {
    // Another session holds the publication row, so the import's transaction waits for it past the limit.
    // (Before the import set a statement timeout, it waited as long as the lock was held: here, for ever.)
    const before = (await readdir(path.join(work, "storage"), { recursive: true })).sort();
    const blocker = new pg.Client({ connectionString: db.url });
    await blocker.connect();
    try {
      await blocker.query("BEGIN");
      await blocker.query("SELECT id FROM publications FOR UPDATE");
      const { response, imported } = await importUpload(post(bundle("2033-01-04")), db.prisma, userId);
      const answer = (await response.json()) as Answer;
      assert.equal(response.status, 422, JSON.stringify(answer));
      assert.equal(answer.ok, false);
      assert.match(answer.problems![0]!.message, /导入超时（超过 12 秒），什么也没有保存/);
      assert.equal(imported, null);
    } finally {
      await blocker.query("ROLLBACK");
      await blocker.end();
    }
    assert.equal(await db.prisma.edition.count({ where: { issueDate: new Date("2033-01-04T00:00:00Z") } }), 0);
    assert.deepEqual((await readdir(path.join(work, "storage"), { recursive: true })).sort(), before);
  },
);

test("a body that is not a ZIP is refused with 422 and its problem", async () => {
  const { response } = await importUpload(post(Buffer.from("not a zip")), db.prisma, userId);
  assert.equal(response.status, 422);
  assert.ok(((await response.json()) as Answer).problems!.length > 0);
});
