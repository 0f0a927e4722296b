// npm run db:seed [-- --days N] [-- --archive YEARS]
// Loads the sample daily 海城日报: N (default 10) published editions ending
// today (Asia/Shanghai) and a draft for tomorrow, eight pages each laid out
// once and made into a one-page PDF with real text (the 本版PDF), which is
// rendered into the page image, its tiles and its text layer the way an
// uploaded PDF is; article regions match the layout. Dates that already have
// an edition are left alone, so seeding twice adds nothing and never
// overwrites an editor's work. --archive YEARS adds a text-only synthetic
// archive before the sample dates, for benchmarks.
import { createHash } from "node:crypto";
import { createPrismaClient } from "../lib/db/client";
import { PAGE_WIDTH, layoutPage, type LayoutArticle } from "../lib/sample/page-layout";
import { pagePdf } from "../lib/sample/page-pdf";
import { createRandom, type Random } from "../lib/sample/random";
import { SAMPLE_PAGES, body, byline, kicker, pickTitles, subtitle, type Topic } from "../lib/sample/text";
import type { StoredPageImage } from "../lib/page-image";
import { createPdfPool } from "../lib/pdf/run";
import type { TextLayer } from "../lib/pdf/text-layer";
import { scaleRegions } from "../lib/regions";
import { getFile, putFile } from "../lib/storage";
import type { BodyBlock } from "../lib/content";
import { assertDatabaseReady } from "./lib/connect";
import { addDays, todayInShanghai, issueNumberFor, chineseDateLabel } from "../lib/sample/dates";
import { dbDate, isoDate } from "../lib/reading/dates";

const args = process.argv.slice(2);
const option = (name: string) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : undefined;
};
const quiet = args.includes("--quiet");
const days = Number(option("days") ?? 10);
const archiveYears = Number(option("archive") ?? 0);
if (
  !Number.isInteger(days) ||
  days < 0 ||
  days > 366 ||
  !Number.isFinite(archiveYears) ||
  archiveYears < 0 ||
  archiveYears > 50
) {
  console.error("usage: npm run db:seed [-- --days 0..366] [-- --archive 0..50]");
  process.exit(2);
}
const log = (line: string) => quiet || console.log(line);

await assertDatabaseReady();
const prisma = createPrismaClient();
// Two threads render pages (PDFium, sharp) while the main thread lays out and writes the next PDFs.
const pdfPool = createPdfPool(2);

type PlannedArticle = {
  kicker: string | null;
  title: string;
  subtitle: string | null;
  byline: string | null;
  body: BodyBlock[];
  /** Index into the plan of the part this one continues on. */
  next?: { page: number; article: number };
};

function plainText(blocks: BodyBlock[]): string[] {
  return blocks.flatMap((b) => (b.type === "paragraph" ? [b.text] : []));
}

/** The articles of every page of one edition, with continuation chains. */
function planEdition(random: Random, withThreePartChain: boolean): PlannedArticle[][] {
  const pages: PlannedArticle[][] = SAMPLE_PAGES.map((page, index) => {
    const count = random.int(4, index === 0 ? 5 : 7);
    return pickTitles(page.topic as Topic, count, random).map((title, i) => ({
      kicker: i === 0 || random.chance(0.3) ? kicker(random) : null,
      title,
      subtitle: i === 0 || random.chance(0.25) ? subtitle(random) : null,
      byline: random.chance(0.9) ? byline(random) : null,
      body: body(page.topic as Topic, i === 0 ? random.int(5, 8) : random.int(2, 5), random),
    }));
  });
  const continueOn = (from: { page: number; article: number }, toPage: number) => {
    const source = pages[from.page][from.article];
    const part: PlannedArticle = {
      kicker: null,
      title: source.title,
      subtitle: null,
      byline: null,
      body: body(SAMPLE_PAGES[from.page].topic as Topic, random.int(3, 5), random),
    };
    pages[toPage].push(part);
    source.next = { page: toPage, article: pages[toPage].length - 1 };
    return source.next;
  };
  // The lead story of the front page continues on the last page (a01 → a08).
  continueOn({ page: 0, article: 0 }, 7);
  if (withThreePartChain) {
    const second = continueOn({ page: 0, article: 1 }, 3); // a01 → a04
    continueOn(second, 7); // a04 → a08
  }
  return pages;
}

function jumpLabel(pageCode: string, direction: "to" | "from"): string {
  const number = Number(pageCode.replace(/\D/g, ""));
  return direction === "to" ? `（下转第${number}版）` : `（上接第${number}版）`;
}

type RenderedSample = { image: StoredPageImage; pdfKey: string; textLayer: TextLayer | null };

/**
 * The page's PDF and what rendering it gives, under a key that hashes the
 * layout: seeding another database into the same storage reuses the files.
 */
async function renderPage(
  date: string,
  pageIndex: number,
  layout: Parameters<typeof layoutPage>[0],
): Promise<RenderedSample & { regions: ReturnType<typeof layoutPage>["regions"] }> {
  const { elements, regions } = layoutPage(layout);
  const hash = createHash("sha256").update(JSON.stringify(elements)).digest("hex").slice(0, 12);
  const prefix = `pages/${date}/${SAMPLE_PAGES[pageIndex].code}-${hash}`;
  const manifestKey = `${prefix}/sample.json`;
  const cached = await getFile(manifestKey);
  let rendered: RenderedSample;
  if (cached) rendered = JSON.parse(cached.toString("utf8")) as RenderedSample;
  else {
    const pdf = await pagePdf(elements, {
      title: `${layout.publicationName} ${layout.dateLabel} 第${layout.code.toUpperCase()}版 ${layout.name}`,
      author: layout.publicationName,
      created: new Date(`${date}T00:00:00+08:00`),
    });
    const pdfKey = `${prefix}/page.pdf`;
    await putFile(pdfKey, pdf);
    const { image, textLayer } = await pdfPool.run("render", pdf, { prefix });
    rendered = { image, pdfKey, textLayer };
    await putFile(manifestKey, Buffer.from(JSON.stringify(rendered)));
  }
  // The layout is in page pixels; the image is the PDF rendered at its resolution.
  const scale = rendered.image.imageWidth / PAGE_WIDTH;
  return { ...rendered, regions: scaleRegions(regions, scale, scale) };
}

async function seedEdition(
  publication: { id: number; name: string },
  date: string,
  status: "PUBLISHED" | "DRAFT",
  threePart: boolean,
) {
  const random = createRandom(Number(date.replaceAll("-", "")));
  const plan = planEdition(random, threePart);
  const issueNumber = issueNumberFor(date);
  // Which part continues from where, for the printed jump lines.
  const previousOf = new Map<string, number>();
  plan.forEach((articles, p) =>
    articles.forEach((a) => a.next && previousOf.set(`${a.next.page}:${a.next.article}`, p)),
  );

  const rendering: ReturnType<typeof renderPage>[] = [];
  for (const [p, articles] of plan.entries()) {
    const layoutArticles: LayoutArticle[] = articles.map((a, i) => {
      const from = previousOf.get(`${p}:${i}`);
      return {
        kicker: a.kicker,
        title: a.title,
        subtitle: a.subtitle,
        byline: a.byline,
        text: plainText(a.body),
        jumpTo: a.next ? jumpLabel(SAMPLE_PAGES[a.next.page].code, "to") : undefined,
        jumpFrom: from !== undefined ? jumpLabel(SAMPLE_PAGES[from].code, "from") : undefined,
      };
    });
    rendering.push(
      renderPage(date, p, {
        publicationName: publication.name,
        code: SAMPLE_PAGES[p].code,
        name: SAMPLE_PAGES[p].name,
        dateLabel: chineseDateLabel(date),
        issueLabel: `第${issueNumber}期`,
        front: p === 0,
        articles: layoutArticles,
      }),
    );
  }
  const rendered = await Promise.all(rendering);

  await prisma.$transaction(
    async (tx) => {
      const edition = await tx.edition.create({
        data: {
          publicationId: publication.id,
          issueDate: dbDate(date),
          issueNumber,
          status,
          publishedAt: status === "PUBLISHED" ? new Date(`${date}T00:00:00+08:00`) : null,
        },
      });
      const ids: number[][] = [];
      for (const [p, articles] of plan.entries()) {
        const { image, regions, pdfKey, textLayer } = rendered[p];
        const page = await tx.page.create({
          data: {
            editionId: edition.id,
            code: SAMPLE_PAGES[p].code,
            sortOrder: p + 1,
            name: SAMPLE_PAGES[p].name,
            ...image,
            pdfKey,
            text: textLayer ? { create: { layer: textLayer } } : undefined,
          },
        });
        const created = await tx.article.createManyAndReturn({
          data: articles.map((a, i) => ({
            pageId: page.id,
            sortOrder: i + 1,
            kicker: a.kicker,
            title: a.title,
            subtitle: a.subtitle,
            byline: a.byline,
            body: a.body,
            regions: [regions[i]],
          })),
          select: { id: true, sortOrder: true },
        });
        ids.push(created.sort((a, b) => a.sortOrder - b.sortOrder).map((a) => a.id));
      }
      for (const [p, articles] of plan.entries()) {
        for (const [i, article] of articles.entries()) {
          if (article.next) {
            await tx.article.update({
              where: { id: ids[p][i] },
              data: { nextPartId: ids[article.next.page][article.next.article] },
            });
          }
        }
      }
      // One edition's rows; on a busy machine (CI, several builds at once) this can take longer than Prisma's 5 s default.
    },
    { timeout: 60_000, maxWait: 60_000 },
  );
}

async function seedArchive(publicationId: number, before: string, years: number) {
  const total = Math.round(years * 365);
  const first = addDays(before, -total);
  const existing = new Set(
    (
      await prisma.edition.findMany({
        where: {
          publicationId,
          issueDate: { gte: dbDate(first), lt: dbDate(before) },
        },
        select: { issueDate: true },
      })
    ).map((e) => isoDate(e.issueDate)),
  );
  const started = Date.now();
  let editions = 0;
  let articles = 0;
  const batchSize = 20;
  for (let offset = 0; offset < total; offset += batchSize) {
    const dates = Array.from({ length: Math.min(batchSize, total - offset) }, (_, i) =>
      addDays(first, offset + i),
    ).filter((d) => !existing.has(d));
    if (!dates.length) continue;
    await prisma.$transaction(
      async (tx) => {
        const created = await tx.edition.createManyAndReturn({
          data: dates.map((date) => ({
            publicationId,
            issueDate: dbDate(date),
            issueNumber: issueNumberFor(date),
            status: "PUBLISHED" as const,
            publishedAt: new Date(`${date}T00:00:00+08:00`),
          })),
          select: { id: true, issueDate: true },
        });
        const pages = await tx.page.createManyAndReturn({
          data: created.flatMap((edition) =>
            SAMPLE_PAGES.map((page, p) => ({
              editionId: edition.id,
              code: page.code,
              sortOrder: p + 1,
              name: page.name,
            })),
          ),
          select: { id: true, code: true, editionId: true },
        });
        const dateOf = new Map(created.map((e) => [e.id, isoDate(e.issueDate)]));
        const rows = pages.flatMap((page) => {
          const random = createRandom(
            Number(dateOf.get(page.editionId)!.replaceAll("-", "")) * 10 + Number(page.code.slice(1)),
          );
          const topic = SAMPLE_PAGES.find((s) => s.code === page.code)!.topic as Topic;
          return pickTitles(topic, random.int(4, 7), random).map((title, i) => ({
            pageId: page.id,
            sortOrder: i + 1,
            kicker: i === 0 ? kicker(random) : null,
            title,
            byline: byline(random),
            body: body(topic, random.int(2, 4), random),
          }));
        });
        await tx.article.createMany({ data: rows });
        editions += created.length;
        articles += rows.length;
      },
      { timeout: 120_000 },
    );
    const seconds = (Date.now() - started) / 1000;
    process.stdout.write(
      `\rarchive: ${editions}/${total - existing.size} editions, ${articles} articles, ${seconds.toFixed(0)} s   `,
    );
  }
  process.stdout.write("\n");
  log(
    `archive: ${editions} editions and ${articles} articles added in ${((Date.now() - started) / 1000).toFixed(0)} s`,
  );
}

try {
  const defaultPublication = await prisma.publication.findFirst({ where: { isDefault: true } });
  const publication = await prisma.publication.upsert({
    where: { slug: "haicheng" },
    update: {},
    create: {
      slug: "haicheng",
      name: "海城日报",
      description: "海城日报数字报：每日八版，记录海城的新闻与生活。（示例报纸，内容均为虚构）",
      isDefault: !defaultPublication,
    },
  });
  const today = todayInShanghai();
  const first = addDays(today, -(days - 1));
  // --days 0: no sample editions (nor the draft), e.g. a text-only archive for benchmarks.
  const planned = days
    ? [
        ...Array.from({ length: days }, (_, i) => ({ date: addDays(first, i), status: "PUBLISHED" as const })),
        { date: addDays(today, 1), status: "DRAFT" as const },
      ]
    : [];
  let added = 0;
  for (const { date, status } of planned) {
    const exists = await prisma.edition.findUnique({
      where: { publicationId_issueDate: { publicationId: publication.id, issueDate: dbDate(date) } },
      select: { id: true },
    });
    if (exists) {
      log(`${date}: an edition exists, left as it is`);
      continue;
    }
    await seedEdition(publication, date, status, date === today);
    added++;
    log(`${date}: ${status === "DRAFT" ? "draft" : "published"} edition with 8 pages added`);
  }
  log(`sample editions: ${added} added, ${planned.length - added} already there`);
  if (archiveYears > 0) await seedArchive(publication.id, first, archiveYears);
} finally {
  pdfPool.close();
  await prisma.$disconnect();
}
