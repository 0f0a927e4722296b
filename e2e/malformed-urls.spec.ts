// Malformed URLs and headers are the visitor's mistake (or a probe): every
// reader and admin route and API handler answers them with a 4xx, never a 500.
import { expect, test } from "./admin/fixtures";

test.skip(({ isMobile }) => isMobile, "checked once, at desktop size");

const MALFORMED = ["%zz", "%25zz", "%E4", "%00", "a%00b", "%C0%AF", "..%2F..%2Fetc%2Fpasswd", "x".repeat(150)];

async function latestDate(db: import("../lib/db/client").PrismaClient): Promise<string> {
  const edition = await db.edition.findFirstOrThrow({
    where: { status: "PUBLISHED", publication: { isDefault: true } },
    orderBy: { issueDate: "desc" },
  });
  return edition.issueDate.toISOString().slice(0, 10);
}

test("reader routes answer malformed segments with a 4xx", async ({ page, db }) => {
  const date = await latestDate(db);
  const paths = MALFORMED.flatMap((bad) => [
    `/p/${bad}`,
    `/p/${bad}/${date}/a01`,
    `/p/${bad}/archive`,
    `/p/${bad}/archive/go?date=${date}`,
    `/${bad}`,
    `/${date}/${bad}`,
    `/${date}/a01/${bad}`,
    `/${date}/a01/1/${bad}`,
    `/archive/${bad}`,
    `/archive/go?date=${bad}`,
    `/media/${bad}`,
  ]);
  paths.push(`/${date}/a01/99999999999999`, `/${date}/a9999/1`, `/${date}?${"q=1&".repeat(1500)}`);
  for (const path of paths) {
    const response = await page.request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBeLessThan(500);
  }
});

test("admin routes and API handlers answer malformed segments and headers with a 4xx", async ({
  page,
  editor,
  signIn,
  db,
}) => {
  await signIn(editor);
  const edition = await db.edition.findFirstOrThrow({ include: { pages: true } });
  const pageId = edition.pages[0].id;
  for (const bad of MALFORMED) {
    for (const path of [
      `/admin/editions/${bad}`,
      `/admin/editions/${edition.id}/preview/${bad}`,
      `/admin/editions/${edition.id}/preview/a01/${bad}`,
      `/admin/editions/${edition.id}/pages/${bad}`,
      `/admin/editions/${edition.id}/pages/${pageId}/articles/${bad}`,
    ]) {
      const response = await page.request.get(path, { maxRedirects: 0 });
      expect(response.status(), path).toBeLessThan(500);
    }
    for (const path of [`/api/admin/pages/${bad}/image`, `/api/admin/articles/${bad}/image`]) {
      const response = await page.request.post(path, { data: Buffer.from("x") });
      expect(response.status(), path).toBeGreaterThanOrEqual(400);
      expect(response.status(), path).toBeLessThan(500);
    }
  }
  // The import's file name comes from a header the browser percent-encodes; a malformed one is not a crash.
  for (const name of ["%zz", "%E4", "%25zz", "%00"]) {
    const response = await page.request.post("/api/admin/import", {
      data: Buffer.from("not a zip"),
      headers: { "Content-Type": "application/zip", "X-File-Name": name },
    });
    expect(response.status(), name).toBe(422);
    expect((await response.json()).problems[0].message).toContain("不是有效的 ZIP 文件");
  }
});
