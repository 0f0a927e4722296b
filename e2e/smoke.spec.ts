import { expect, test } from "@playwright/test";
import { createPrismaClient } from "../lib/db/client";

// What the seed stored, read back rather than derived from the clock (a run
// may start before midnight in Shanghai and end after it).
async function seededEditions() {
  const prisma = createPrismaClient();
  try {
    const where = { publication: { isDefault: true } };
    const newest = await prisma.edition.findFirstOrThrow({
      where: { ...where, status: "PUBLISHED" },
      orderBy: { issueDate: "desc" },
    });
    const draft = await prisma.edition.findFirstOrThrow({
      where: { ...where, status: "DRAFT" },
      orderBy: { issueDate: "desc" },
    });
    const iso = (date: Date) => date.toISOString().slice(0, 10);
    return { newest: iso(newest.issueDate), draft: iso(draft.issueDate) };
  } finally {
    await prisma.$disconnect();
  }
}

test("home shows the front page of the newest sample edition", async ({ page }) => {
  const { newest } = await seededEditions();
  const response = await page.goto("/");
  expect(response?.status()).toBe(200);
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByText("头版").first()).toBeVisible();
  const [year, month, day] = newest.split("-").map(Number);
  await expect(page.getByText(new RegExp(`${year}\\s*年\\s*${month}\\s*月\\s*${day}\\s*日`)).first()).toBeVisible();
});

// Reader queries must never return a draft: its URL is a 404 like any missing edition.
test("a draft edition is not shown to readers", async ({ page }) => {
  const { draft } = await seededEditions();
  const response = await page.goto(`/${draft}/a01`);
  expect(response?.status()).toBe(404);
});
