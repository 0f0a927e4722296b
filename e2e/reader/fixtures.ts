// Fixtures for the reader specs: the seeded newest edition as the database
// holds it (to compare what the views show against), screenshots, axe, and a
// throw-away publication for cases the seed does not cover.
import { mkdir } from "node:fs/promises";
import { test as base, expect, type Page, type TestInfo } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { createPrismaClient, type PrismaClient } from "../../lib/db/client";
import { putFile } from "../../lib/storage";

export type SeededArticle = {
  id: number;
  title: string;
  position: number;
  nextPartId: number | null;
  pageCode: string;
};
export type SeededPage = { id: number; code: string; name: string; articles: SeededArticle[] };
export type SeededEdition = { id: number; date: string; issueNumber: number; pages: SeededPage[] };

export type ExtraPublication = { slug: string; name: string; date: string; titles: string[]; articleIds: number[] };

const isoDate = (value: Date) => value.toISOString().slice(0, 10);

async function loadEditions(prisma: PrismaClient): Promise<SeededEdition[]> {
  const publication = await prisma.publication.findFirstOrThrow({ where: { slug: "haicheng" } });
  const editions = await prisma.edition.findMany({
    where: { publicationId: publication.id, status: "PUBLISHED" },
    orderBy: { issueDate: "desc" },
    include: { pages: { orderBy: { sortOrder: "asc" }, include: { articles: { orderBy: { sortOrder: "asc" } } } } },
  });
  return editions.map((edition) => ({
    id: edition.id,
    date: isoDate(edition.issueDate),
    issueNumber: edition.issueNumber,
    pages: edition.pages.map((page) => ({
      id: page.id,
      code: page.code,
      name: page.name,
      articles: page.articles.map((article, index) => ({
        id: article.id,
        title: article.title,
        position: index + 1,
        nextPartId: article.nextPartId,
        pageCode: page.code,
      })),
    })),
  }));
}

type WorkerFixtures = { prisma: PrismaClient; editions: SeededEdition[] };
type TestFixtures = {
  latest: SeededEdition;
  /** Saves test-results/screenshots/{project}-{name}.png. */
  shot: (name: string, options?: { fullPage?: boolean }) => Promise<void>;
  /** Fails on any axe-core violation on the current page. */
  axe: () => Promise<void>;
  extraPublication: ExtraPublication;
};

export async function screenshot(page: Page, testInfo: TestInfo, name: string, fullPage = false): Promise<void> {
  await mkdir("test-results/screenshots", { recursive: true });
  await page.screenshot({ path: `test-results/screenshots/${testInfo.project.name}-${name}.png`, fullPage });
}

export async function checkAxe(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  prisma: [
    async ({}, use) => {
      const prisma = createPrismaClient();
      await use(prisma);
      await prisma.$disconnect();
    },
    { scope: "worker" },
  ],
  editions: [async ({ prisma }, use) => use(await loadEditions(prisma)), { scope: "worker" }],
  latest: async ({ editions }, use) => use(editions[0]),
  shot: async ({ page }, use, testInfo) => use((name, options) => screenshot(page, testInfo, name, options?.fullPage)),
  axe: async ({ page }, use) => use(() => checkAxe(page)),
  extraPublication: async ({ prisma }, use, testInfo) => {
    // A slug new to every run: the reader caches by slug, and must meet this one fresh.
    const slug = `e2e-${testInfo.workerIndex}-${Date.now().toString(36)}`;
    const name = "测试晚报";
    const date = "2026-01-15";
    const pdfKey = `e2e/${slug}/a02.pdf`;
    await putFile(pdfKey, Buffer.from("%PDF-1.4\n%%EOF\n"));
    const titles = ["没有版面图的版面文章一", "没有版面图的版面文章二"];
    const publication = await prisma.publication.create({
      data: {
        slug,
        name,
        editions: {
          create: {
            issueDate: new Date(`${date}T00:00:00Z`),
            issueNumber: 7,
            status: "PUBLISHED",
            pages: {
              create: [
                {
                  code: "a01",
                  sortOrder: 1,
                  name: "头版",
                  articles: {
                    create: titles.map((title, index) => ({
                      sortOrder: index + 1,
                      title,
                      body: [{ type: "paragraph", text: `${title}的第一段文字，用来显示在文字版面上。` }],
                    })),
                  },
                },
                { code: "a02", sortOrder: 2, name: "要闻", pdfKey },
              ],
            },
          },
        },
      },
      include: { editions: { include: { pages: { include: { articles: { orderBy: { sortOrder: "asc" } } } } } } },
    });
    const articleIds = publication.editions[0].pages.flatMap((page) => page.articles.map((article) => article.id));
    await use({ slug, name, date, titles, articleIds });
    await prisma.edition.deleteMany({ where: { publicationId: publication.id } });
    await prisma.publication.delete({ where: { id: publication.id } });
  },
});

export { expect };

/** Waits until the keyboard and swipe handlers are attached (they arrive with hydration). */
export async function shortcutsReady(page: Page): Promise<void> {
  await expect(page.locator("html")).toHaveAttribute("data-shortcuts", "ready");
}

export const pageUrl = (date: string, code: string) => `/${date}/${code.toLowerCase()}`;
export const articleUrl = (date: string, code: string, position: number) => `${pageUrl(date, code)}/${position}`;

/** The parts of the longest continuation chain that starts on the first page. */
export function longestChain(edition: SeededEdition): SeededArticle[] {
  const byId = new Map(edition.pages.flatMap((page) => page.articles).map((article) => [article.id, article]));
  const chains = edition.pages[0].articles
    .filter((article) => article.nextPartId !== null)
    .map((first) => {
      const chain = [first];
      for (let next = first.nextPartId; next !== null && byId.has(next); next = byId.get(next)!.nextPartId)
        chain.push(byId.get(next)!);
      return chain;
    });
  return chains.sort((a, b) => b.length - a.length)[0] ?? [];
}
