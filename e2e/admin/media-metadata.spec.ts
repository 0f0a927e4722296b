// What /media serves of an upload: a phone photo's GPS position, device and
// owner (EXIF) must not reach readers, whichever way the image came in.
import sharp from "sharp";
import { writeZip } from "../../lib/import/zip-writer";
import { jpegWithGps, metadataIn } from "../../lib/testing/exif";
import { E2E_PUBLICATION, e2ePublication, expect, test, uniqueDate } from "./fixtures";

test.skip(({ isMobile }) => isMobile, "no layout here; desktop only");

test("uploaded and imported photos are served without EXIF or GPS, at keys nobody can guess", async ({
  page,
  editor,
  signIn,
  db,
}) => {
  // Three uploads, each made into sizes and tiles.
  test.setTimeout(120_000);
  await signIn(editor);
  const photo = await jpegWithGps();
  // Guards against the check passing because the test photo had nothing to strip.
  expect(await metadataIn(photo)).toContain("EXIF");
  const publication = await e2ePublication(db);
  const edition = await db.edition.create({
    data: { publicationId: publication.id, issueDate: new Date(`${uniqueDate(61)}T00:00:00Z`), issueNumber: 61 },
  });
  const pageRow = await db.page.create({ data: { editionId: edition.id, code: "A01", name: "头版", sortOrder: 1 } });
  const article = await db.article.create({ data: { pageId: pageRow.id, sortOrder: 1, title: "图片新闻", body: [] } });

  const served = async (key: string) => {
    const response = await page.request.get(`/media/${key}`);
    expect(response.status(), key).toBe(200);
    return response.body();
  };

  const upload = await page.request.post(`/api/admin/pages/${pageRow.id}/image`, {
    data: photo,
    headers: { "Content-Type": "application/octet-stream" },
  });
  expect(upload.status(), await upload.text()).toBe(200);
  const stored = await db.page.findUniqueOrThrow({ where: { id: pageRow.id } });
  // A draft's files are public to whoever has the key, so the key must not be guessable from ids a
  // published edition shows: 48 random bits in the folder, and the folder without them is nothing.
  expect(stored.imageKey).toMatch(/^pages\/e\d+\/p\d+-[0-9a-f]{12}\/original\.jpg$/);
  expect((await page.request.get(`/media/pages/e${edition.id}/p${pageRow.id}/original.jpg`)).status()).toBe(404);
  const variants = (stored.imageVariants as { key: string }[]).map((variant) => variant.key);
  const tiles = (stored.imageTiles as { key: string }).key;
  for (const key of [stored.imageKey!, ...variants, `${tiles}_files/0/0_0.webp`, `${tiles}_files/11/0_0.webp`]) {
    expect(await metadataIn(await served(key)), key).toEqual([]);
  }

  const articleImage = await page.request.post(`/api/admin/articles/${article.id}/image`, {
    data: photo,
    headers: { "Content-Type": "application/octet-stream" },
  });
  expect(articleImage.status(), await articleImage.text()).toBe(200);
  const { key } = (await articleImage.json()) as { key: string };
  expect(key).toMatch(new RegExp(`^articles/a${article.id}-[0-9a-f]{12}/display\\.webp$`));
  expect(await metadataIn(await served(key))).toEqual([]);
  expect(await metadataIn(await served(key.replace(/display\.webp$/, "original.jpg")))).toEqual([]);

  const date = uniqueDate(62);
  const manifest = {
    version: 1,
    publication: E2E_PUBLICATION.slug,
    date,
    issueNumber: 62,
    pages: [{ code: "A01", name: "头版", image: "a01.jpg", articles: [{ title: "导入的图片新闻", body: ["x"] }] }],
  };
  const imported = await page.request.post("/api/admin/import", {
    data: writeZip([
      { name: "manifest.json", data: Buffer.from(JSON.stringify(manifest)) },
      { name: "a01.jpg", data: photo },
    ]),
    headers: { "Content-Type": "application/zip" },
  });
  expect(imported.status(), await imported.text()).toBe(200);
  const importedPage = await db.page.findFirstOrThrow({
    where: { edition: { issueDate: new Date(`${date}T00:00:00Z`), publicationId: publication.id } },
  });
  const original = await served(importedPage.imageKey!);
  expect(await metadataIn(original)).toEqual([]);
  expect((await sharp(original).metadata()).width).toBe(800);
});
