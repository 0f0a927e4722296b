// The region editor's shapes and keys, and images inside an article's body.
import { e2ePublication, expect, pageImage, test, uniqueDate } from "./fixtures";

test.skip(({ isMobile }) => isMobile, "desktop; touch drawing is in phone.spec.ts");

async function pageWithImage(db: import("../../lib/db/client").PrismaClient, offset: number) {
  const publication = await e2ePublication(db);
  const source = await db.page.findFirstOrThrow({ where: { imageKey: { not: null } } });
  const edition = await db.edition.create({
    data: {
      publicationId: publication.id,
      issueDate: new Date(`${uniqueDate(offset)}T00:00:00Z`),
      issueNumber: offset,
    },
  });
  const page = await db.page.create({
    data: {
      editionId: edition.id,
      code: "A01",
      name: "头版",
      sortOrder: 1,
      imageKey: source.imageKey,
      imageWidth: source.imageWidth,
      imageHeight: source.imageHeight,
      imageVariants: source.imageVariants ?? [],
    },
  });
  return { edition, page, width: source.imageWidth!, height: source.imageHeight! };
}

test("regions: draw a polygon, nudge with arrow keys, resize, delete; colours per article", async ({
  page,
  editor,
  signIn,
  db,
}) => {
  await signIn(editor);
  const { edition, page: row } = await pageWithImage(db, 80);
  const first = await db.article.create({
    data: {
      pageId: row.id,
      sortOrder: 1,
      title: "第一篇",
      regions: [{ type: "rect", x: 100, y: 100, w: 200, h: 200 }],
    },
  });
  const second = await db.article.create({ data: { pageId: row.id, sortOrder: 2, title: "第二篇" } });
  await page.goto(`/admin/editions/${edition.id}/pages/${row.id}`);
  const canvas = page.getByTestId("region-canvas");
  await expect(canvas).toBeVisible();
  const box = (await canvas.boundingBox())!;

  // Arrow keys move the selected rectangle by one image pixel (ten with Shift).
  await page.getByTestId(`region-${first.id}-0`).click();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("Shift+ArrowDown");
  await expect(page.getByText("x 101, y 110, 宽 200, 高 200")).toBeVisible();

  // Polygon for the second article.
  await page.getByLabel("第二篇（0）").check();
  await page.getByLabel("多边形（逐点单击）").check();
  // locator.click scrolls the (tall) page image into view first.
  for (const [fx, fy] of [
    [0.5, 0.5],
    [0.8, 0.5],
    [0.7, 0.8],
  ])
    await canvas.click({ position: { x: box.width * fx, y: box.height * fy } });
  await page.getByRole("button", { name: "完成多边形（3 个点）" }).click();
  await expect(page.getByTestId(`region-${second.id}-0`)).toBeVisible();
  // Different articles get different colours.
  const colourOf = (id: number) =>
    page.getByTestId(`region-${id}-0`).locator("rect, polygon").first().getAttribute("stroke");
  expect(await colourOf(first.id)).not.toBe(await colourOf(second.id));

  await page.getByRole("button", { name: "保存区域" }).click();
  await expect(page.getByText("区域已保存。")).toBeVisible();
  expect((await db.article.findUniqueOrThrow({ where: { id: first.id } })).regions).toEqual([
    { type: "rect", x: 101, y: 110, w: 200, h: 200 },
  ]);
  const polygon = (await db.article.findUniqueOrThrow({ where: { id: second.id } })).regions as {
    type: string;
    points: number[][];
  }[];
  expect(polygon[0].type).toBe("polygon");
  expect(polygon[0].points).toHaveLength(3);

  // Delete the rectangle with the Delete key.
  await page.getByLabel("矩形（拖动画框）").check();
  await page.getByTestId(`region-${first.id}-0`).click();
  await page.keyboard.press("Delete");
  await expect(page.getByTestId(`region-${first.id}-0`)).toHaveCount(0);
  await expect(page.getByText("有未保存的区域修改")).toBeVisible();
  await page.getByRole("button", { name: "保存区域" }).click();
  // The earlier "saved" message is still on screen; wait for the unsaved marker to go instead.
  await expect(page.getByText("有未保存的区域修改")).toBeHidden();
  expect((await db.article.findUniqueOrThrow({ where: { id: first.id } })).regions).toEqual([]);
});

test("an image inserted into an article's body is saved as an image block with its caption", async ({
  page,
  editor,
  signIn,
  db,
}) => {
  await signIn(editor);
  const { edition, page: row } = await pageWithImage(db, 81);
  const article = await db.article.create({
    data: { pageId: row.id, sortOrder: 1, title: "有图的文章", body: [{ type: "paragraph", text: "第一段。" }] },
  });
  await page.goto(`/admin/editions/${edition.id}/pages/${row.id}/articles/${article.id}`);
  await page.getByLabel("图片说明").fill("新码头全景");
  await expect(page.getByLabel(/选择要插入的图片/)).toBeEnabled();
  await page
    .getByLabel(/选择要插入的图片/)
    .setInputFiles({ name: "photo.png", mimeType: "image/png", buffer: await pageImage(900, 600) });
  await expect(page.getByText("图片已插入正文（保存文章后生效）。")).toBeVisible();
  await page.getByRole("button", { name: "保存文章" }).click();
  await expect(page.getByText("已保存。")).toBeVisible();
  const body = (await db.article.findUniqueOrThrow({ where: { id: article.id } })).body as {
    type: string;
    caption?: string;
    width?: number;
  }[];
  expect(body.map((block) => block.type)).toEqual(["paragraph", "image"]);
  expect(body[1]).toMatchObject({ caption: "新码头全景", width: 900 });
});

test("regions with the mouse: draw leftwards, drag to move, resize by a corner, stop at the image's edge", async ({
  page,
  editor,
  signIn,
  db,
}) => {
  await signIn(editor);
  const { edition, page: row, width, height } = await pageWithImage(db, 82);
  const article = await db.article.create({ data: { pageId: row.id, sortOrder: 1, title: "拖动测试" } });
  await page.goto(`/admin/editions/${edition.id}/pages/${row.id}`);
  const canvas = page.getByTestId("region-canvas");
  // The canvas has no box until its image has laid out (CI once measured null here).
  await expect.poll(async () => (await canvas.boundingBox())?.width ?? 0).toBeGreaterThan(100);
  let box = (await canvas.boundingBox())!;
  // Scrolled to the canvas and measured again before every drag: the page can scroll back to the top
  // after the first measurement (hydration), which put every later drag a few hundred pixels off.
  const settle = async () => {
    await canvas.evaluate((element) => element.scrollIntoView({ block: "start" }));
    box = (await canvas.boundingBox())!;
  };
  const at = (fx: number, fy: number) => [box.x + box.width * fx, box.y + box.height * fy] as const;
  const dragFrom = async (from: readonly [number, number], to: readonly [number, number]) => {
    await page.mouse.move(...from);
    await page.mouse.down();
    await page.mouse.move(...to, { steps: 6 });
    await page.mouse.up();
  };
  const shown = async () => {
    const text = await page.getByText(/所选区域（图片像素）/).textContent();
    const [, x, y, w, h] = /x (\d+), y (\d+), 宽 (\d+), 高 (\d+)/.exec(text ?? "")!.map(Number);
    return { x, y, w, h };
  };
  // Screen pixels become image pixels: allow two screen pixels of rounding.
  const near = (
    actual: { x: number; y: number; w: number; h: number },
    fx: number,
    fy: number,
    fw: number,
    fh: number,
  ) => {
    const slack = (width / box.width) * 2 + 1;
    expect(Math.abs(actual.x - fx * width)).toBeLessThan(slack);
    expect(Math.abs(actual.y - fy * height)).toBeLessThan(slack);
    expect(Math.abs(actual.w - fw * width)).toBeLessThan(slack);
    expect(Math.abs(actual.h - fh * height)).toBeLessThan(slack);
  };

  // Drawn from bottom right to top left: the same rectangle as drawn the usual way.
  await settle();
  await dragFrom(at(0.6, 0.4), at(0.3, 0.1));
  near(await shown(), 0.3, 0.1, 0.3, 0.3);
  // Dragging the shape moves it.
  await settle();
  await dragFrom(at(0.45, 0.25), at(0.55, 0.35));
  near(await shown(), 0.4, 0.2, 0.3, 0.3);
  // Dragging the south-east handle resizes it; past the opposite corner, it flips.
  const handle = async (corner: string) => {
    const handleBox = (await page.getByTestId(`handle-${corner}`).boundingBox())!;
    return [handleBox.x + handleBox.width / 2, handleBox.y + handleBox.height / 2] as const;
  };
  await settle();
  await dragFrom(await handle("se"), at(0.8, 0.6));
  near(await shown(), 0.4, 0.2, 0.4, 0.4);
  await settle();
  await dragFrom(await handle("se"), at(0.3, 0.1));
  near(await shown(), 0.3, 0.1, 0.1, 0.1);
  // Dragged far past the right edge, it stops there with its size kept.
  await settle();
  await dragFrom(at(0.35, 0.15), [box.x + box.width + 200, box.y + box.height * 0.15]);
  const last = await shown();
  expect(last.x + last.w).toBe(width);
  near(last, 0.9, 0.1, 0.1, 0.1);

  await page.getByRole("button", { name: "保存区域" }).click();
  await expect(page.getByText("区域已保存。")).toBeVisible();
  expect((await db.article.findUniqueOrThrow({ where: { id: article.id } })).regions).toEqual([
    { type: "rect", ...last },
  ]);
});
