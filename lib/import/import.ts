// Imports an edition bundle in one go: everything is checked first and every
// problem reported with its place; only a bundle without problems is stored,
// in one transaction (files written before it are removed if it fails). An
// import has a time limit; over it, nothing is stored and the editor is told.
import { randomBytes } from "node:crypto";
import { mkdir, rename } from "node:fs/promises";
import path from "node:path";
import type { z } from "zod";
import type { PrismaClient } from "../db/client";
import { prepareBody, type BodyBlock } from "../content";
import { classifyDbError, isDbError } from "../db/errors";
import { dbDate } from "../reading/dates";
import { validateContinuationLink, type LinkCandidate } from "../continuation-links";
import { storePageImage, type StoredPageImage } from "../page-image";
import { storagePath } from "../storage";
import { audit } from "../admin/audit";
import { UploadError, checkPageImage } from "../admin/page-upload";
import { inspectPagePdf, keepPagePdf, renderPagePdf, type PagePdf } from "../admin/page-pdf-files";
import { PDF_LIMITS } from "../pdf/limits";
import { BundleError, isSafeEntryName, type Bundle, type Problem } from "./bundle";
import { manifestSchema, type Manifest } from "./manifest";
import { beginStaging, removeAbandonedStaging } from "./staging";

export type ImportResult =
  | {
      ok: true;
      editionId: number;
      date: string;
      status: "DRAFT" | "PUBLISHED";
      pages: { code: string; name: string; articles: number; image: boolean; pdf: boolean }[];
      links: number;
      /** What the editor should know, e.g. a paragraph over the limit that was split. */
      notes: string[];
    }
  | { ok: false; problems: Problem[] };

function describePath(manifest: unknown, issuePath: PropertyKey[]): string {
  const parts: string[] = ["manifest.json"];
  let node: unknown = manifest;
  for (const key of issuePath) {
    if (typeof key === "number") {
      const item = Array.isArray(node) ? node[key] : undefined;
      const label =
        item && typeof item === "object"
          ? ((item as { code?: unknown; title?: unknown }).code ?? (item as { title?: unknown }).title)
          : undefined;
      parts[parts.length - 1] += `[${key}]${typeof label === "string" && label ? `（${label}）` : ""}`;
    } else parts.push(String(key));
    node = node && typeof node === "object" ? (node as Record<PropertyKey, unknown>)[key] : undefined;
  }
  return parts.join(" › ");
}

/** How long an import may take (checking and storing), unless the caller says otherwise. */
export const IMPORT_TIMEOUT_MS = Number(process.env.BANMIAN_IMPORT_TIMEOUT_SECONDS ?? 300) * 1000;

/** An import that ran out of time; nothing was stored. */
export class ImportTimeout extends UploadError {
  constructor(limitMs: number) {
    super(
      `导入超时（超过 ${Math.round(limitMs / 1000)} 秒），什么也没有保存。请把期次包拆小（例如减少版面图的尺寸）后重试。`,
      422,
    );
  }
}

/** Throws ImportTimeout once `deadline` has passed; called between the steps of an import. */
function checkTime(deadline: { at: number; limitMs: number }): void {
  if (Date.now() >= deadline.at) throw new ImportTimeout(deadline.limitMs);
}

async function readManifestFile(bundle: Bundle): Promise<Buffer | null> {
  return bundle.paths.has("manifest.json") ? bundle.read("manifest.json") : null;
}

export async function parseManifest(bundle: Bundle): Promise<{ manifest: Manifest | null; problems: Problem[] }> {
  let raw: Buffer | null;
  try {
    raw = await readManifestFile(bundle);
  } catch (error) {
    if (error instanceof BundleError) return { manifest: null, problems: error.problems };
    throw error;
  }
  if (!raw)
    return { manifest: null, problems: [{ place: bundle.name, message: "包中没有 manifest.json（应放在根目录）" }] };
  let json: unknown;
  try {
    json = JSON.parse(raw.toString("utf8").replace(/^\uFEFF/, ""));
  } catch (error) {
    return {
      manifest: null,
      problems: [{ place: "manifest.json", message: `不是有效的 JSON：${(error as Error).message}` }],
    };
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue: z.core.$ZodIssue) => ({
      place: describePath(json, issue.path),
      message: issue.message,
    }));
    // Report missing files too, so one round of fixes can address everything.
    const pages = (json as { pages?: unknown } | null)?.pages;
    if (Array.isArray(pages)) {
      pages.forEach((page: { code?: unknown; image?: unknown; pdf?: unknown } | null, index) => {
        for (const field of ["image", "pdf"] as const) {
          const file = page?.[field];
          if (typeof file === "string" && isSafeEntryName(file) && !bundle.paths.has(file)) {
            problems.push({
              place: `manifest.json › pages[${index}]${typeof page?.code === "string" ? `（${page.code}）` : ""} › ${field}`,
              message: `包中没有文件 ${file}`,
            });
          }
        }
      });
    }
    return { manifest: null, problems };
  }
  return { manifest: parsed.data, problems: [] };
}

function toBody(blocks: Manifest["pages"][number]["articles"][number]["body"]): BodyBlock[] {
  return blocks.map((block) => (typeof block === "string" ? { type: "paragraph", text: block } : block));
}

/** Every article's body prepared as the article form prepares it, with the problems and notes by place. */
function prepareBodies(manifest: Manifest) {
  const bodies = new Map<string, BodyBlock[]>();
  const problems: Problem[] = [];
  const notes: string[] = [];
  for (const [pageIndex, page] of manifest.pages.entries()) {
    for (const [articleIndex, article] of page.articles.entries()) {
      const place = `manifest.json › pages[${pageIndex}]（${page.code}） › articles[${articleIndex}]（${article.title}） › body`;
      const prepared = prepareBody(toBody(article.body));
      for (const message of prepared.problems) problems.push({ place, message });
      for (const note of prepared.notes) notes.push(`${place}：${note}`);
      bodies.set(`${pageIndex}/${articleIndex}`, prepared.blocks);
    }
  }
  return { bodies, problems, notes };
}

/** How far a page image's proportions may differ from its PDF page's before the PDF's text no longer fits it. */
const ASPECT_TOLERANCE = 0.02;

/**
 * What is wrong with a page's PDF in a bundle, or null: it must open (the
 * upload's checks: encrypted, broken, too large…), have exactly one page, and
 * have the proportions of the page's `image` when there is one.
 */
async function checkPagePdf(pdf: Buffer, image: { width: number; height: number } | null): Promise<string | null> {
  const info = await inspectPagePdf(pdf);
  if (info.pageCount !== 1)
    return `这个 PDF 有 ${info.pageCount} 页，而一个版只能有一页 PDF（本版PDF）：请在排版系统中按版导出，每个版的 pdf 写在 manifest 里它自己的版下。`;
  const [size] = info.pages;
  if (image) {
    const pdfAspect = size.widthMm / size.heightMm;
    const imageAspect = image.width / image.height;
    if (Math.abs(imageAspect / pdfAspect - 1) > ASPECT_TOLERANCE)
      return `PDF 页面（${size.widthMm} × ${size.heightMm} 毫米）与版面图（${image.width}×${image.height}）的比例不同，PDF 的文字位置对不上版面图：去掉 image（由 PDF 生成版面图），或换成同一版的版面图。`;
  }
  return null;
}

/** Checks a bundle against the manifest rules, the files and the database; stores nothing. */
export async function checkBundle(
  prisma: PrismaClient,
  bundle: Bundle,
  deadline = { at: Infinity, limitMs: Infinity },
): Promise<{ manifest: Manifest | null; publicationId: number | null; problems: Problem[] }> {
  const { manifest, problems } = await parseManifest(bundle);
  if (!manifest) return { manifest, publicationId: null, problems };
  const date = dbDate(manifest.date);
  problems.push(...prepareBodies(manifest).problems);

  const publication = manifest.publication
    ? await prisma.publication.findUnique({ where: { slug: manifest.publication } })
    : await prisma.publication.findFirst({ where: { isDefault: true } });
  if (!publication)
    problems.push({
      place: "manifest.json › publication",
      message: manifest.publication
        ? `没有代号为 ${manifest.publication} 的报纸`
        : "没有默认报纸，请在 manifest 中填写 publication",
    });
  else if (
    await prisma.edition.findUnique({
      where: { publicationId_issueDate: { publicationId: publication.id, issueDate: date } },
    })
  ) {
    problems.push({
      place: "manifest.json › date",
      message: `${publication.name} ${manifest.date} 已经有一期，未导入`,
    });
  }

  const codes = new Map<string, number>();
  const refs = new Map<string, { page: number; article: number }>();
  for (const [pageIndex, page] of manifest.pages.entries()) {
    const place = `manifest.json › pages[${pageIndex}]（${page.code}）`;
    const key = page.code.toLowerCase();
    if (codes.has(key))
      problems.push({
        place: `${place} › code`,
        message: `版号 ${page.code} 与 pages[${codes.get(key)}] 重复（不区分大小写）`,
      });
    codes.set(key, pageIndex);
    let imageSize: { width: number; height: number } | null = null;
    if (page.image) {
      checkTime(deadline);
      if (!bundle.paths.has(page.image))
        problems.push({ place: `${place} › image`, message: `包中没有文件 ${page.image}` });
      else {
        try {
          imageSize = await checkPageImage((await bundle.read(page.image))!);
        } catch (error) {
          if (error instanceof BundleError) problems.push(...error.problems);
          else if (error instanceof UploadError)
            problems.push({ place: `${page.image}（${place}）`, message: error.message });
          else throw error;
        }
      }
    }
    if (page.pdf) {
      checkTime(deadline);
      if (!bundle.paths.has(page.pdf)) problems.push({ place: `${place} › pdf`, message: `包中没有文件 ${page.pdf}` });
      else {
        try {
          const problem = await checkPagePdf((await bundle.read(page.pdf))!, imageSize);
          if (problem) problems.push({ place: `${page.pdf}（${place}）`, message: problem });
        } catch (error) {
          if (error instanceof BundleError) problems.push(...error.problems);
          else if (error instanceof UploadError)
            problems.push({ place: `${page.pdf}（${place}）`, message: error.message });
          else throw error;
        }
      }
    }
    for (const [articleIndex, article] of page.articles.entries()) {
      if (!article.ref) continue;
      if (refs.has(article.ref))
        problems.push({ place: `${place} › articles[${articleIndex}] › ref`, message: `ref「${article.ref}」重复` });
      refs.set(article.ref, { page: pageIndex, article: articleIndex });
    }
  }
  // Continuations follow the same rules as in the admin (forward only, one predecessor, no loops).
  const candidates: LinkCandidate[] = [];
  const idOf = (pageIndex: number, articleIndex: number) => pageIndex * 1000 + articleIndex + 1;
  for (const [pageIndex, page] of manifest.pages.entries()) {
    for (const [articleIndex, article] of page.articles.entries()) {
      candidates.push({
        id: idOf(pageIndex, articleIndex),
        title: article.title,
        pageCode: page.code,
        pageOrder: pageIndex,
        nextPartId: null,
      });
    }
  }
  for (const [pageIndex, page] of manifest.pages.entries()) {
    for (const [articleIndex, article] of page.articles.entries()) {
      if (!article.next) continue;
      const place = `manifest.json › pages[${pageIndex}]（${page.code}） › articles[${articleIndex}]（${article.title}） › next`;
      const target = refs.get(article.next);
      if (!target) {
        problems.push({ place, message: `没有 ref 为「${article.next}」的文章` });
        continue;
      }
      const check = validateContinuationLink(
        idOf(pageIndex, articleIndex),
        idOf(target.page, target.article),
        candidates,
      );
      if (!check.ok) problems.push({ place, message: check.reason });
      else
        candidates.find((candidate) => candidate.id === idOf(pageIndex, articleIndex))!.nextPartId = idOf(
          target.page,
          target.article,
        );
    }
  }
  return { manifest, publicationId: publication?.id ?? null, problems };
}

export async function importBundle(
  prisma: PrismaClient,
  bundle: Bundle,
  options: { userId: number | null; timeoutMs?: number },
): Promise<ImportResult> {
  const limitMs = options.timeoutMs ?? IMPORT_TIMEOUT_MS;
  const deadline = { at: Date.now() + limitMs, limitMs };
  const { manifest, publicationId, problems } = await checkBundle(prisma, bundle, deadline);
  if (!manifest || publicationId === null || problems.length) return { ok: false, problems };
  const { bodies, notes } = prepareBodies(manifest);

  await removeAbandonedStaging(prisma, IMPORT_TIMEOUT_MS + 60_000);
  const staged: { image: StoredPageImage | null; pdf: PagePdf | null }[] = [];
  const batch = randomBytes(6).toString("hex");
  // Images and PDFs are made under staging/ and moved (one rename) to their folder in the transaction that
  // records them; what a killed import left is found by its note and removed by a later import.
  const {
    folder: staging,
    final,
    committed,
    discard,
  } = await beginStaging(batch, `pages/import-${manifest.date}-${batch}`);
  const stored = () =>
    staged.map(({ image, pdf }) => ({
      image: image ? moveKeys(image, staging, final) : null,
      pdf: pdf ? { ...pdf, key: moveKey(pdf.key, staging, final) } : null,
    }));
  let result: { editionId: number; links: number };
  try {
    const renderProblems: Problem[] = [];
    for (const [index, page] of manifest.pages.entries()) {
      checkTime(deadline);
      const folder = `${staging}/p${index + 1}`;
      const file = page.image ? await bundle.read(page.image) : null;
      const extension = file ? (await checkPageImage(file)).extension : "";
      let image: StoredPageImage | null = file ? await storePageImage(file, folder, extension) : null;
      let pdf: PagePdf | null = null;
      if (page.pdf) {
        // The same path as the page screen's PDF upload (lib/admin/page-pdf.ts), within the import's time.
        const bytes = (await bundle.read(page.pdf))!;
        const timeoutMs = Math.max(1, Math.min(PDF_LIMITS.pageTimeoutMs, deadline.at - Date.now()));
        const place = `manifest.json › pages[${index}]（${page.code}） › pdf`;
        try {
          let made: { pdf: PagePdf; notes: string[] };
          if (image) made = await keepPagePdf(bytes, folder, { timeoutMs });
          else {
            const rendered = await renderPagePdf(bytes, folder, { timeoutMs });
            image = rendered.stored;
            made = rendered;
          }
          pdf = made.pdf;
          for (const note of made.notes) notes.push(`${place}：${note}`);
        } catch (error) {
          if (!(error instanceof UploadError)) throw error;
          checkTime(deadline);
          renderProblems.push({
            place: `${page.pdf}（manifest.json › pages[${index}]（${page.code}））`,
            message: error.message,
          });
        }
      }
      staged.push({ image, pdf });
    }
    if (renderProblems.length) {
      await discard().catch(() => undefined);
      return { ok: false, problems: renderProblems };
    }
    const pages = stored();
    result = await prisma.$transaction(
      async (tx) => {
        // A lock held elsewhere (a long edit, a migration) must not keep the import past its limit:
        // PostgreSQL cancels a statement that would (57014), and Prisma's own timeout cannot while one waits.
        await tx.$executeRawUnsafe(`SET LOCAL statement_timeout = ${Math.max(1, Math.ceil(deadline.at - Date.now()))}`);
        const edition = await tx.edition.create({
          data: {
            publicationId,
            issueDate: dbDate(manifest.date),
            issueNumber: manifest.issueNumber,
            status: manifest.publish ? "PUBLISHED" : "DRAFT",
            publishedAt: manifest.publish ? new Date() : null,
          },
        });
        const idsByRef = new Map<string, number>();
        const pending: { articleId: number; next: string }[] = [];
        for (const [pageIndex, page] of manifest.pages.entries()) {
          const { image, pdf } = pages[pageIndex];
          const created = await tx.page.create({
            data: {
              editionId: edition.id,
              code: page.code,
              name: page.name,
              sortOrder: pageIndex + 1,
              ...(image ?? {}),
              ...(pdf
                ? {
                    pdfKey: pdf.key,
                    ...(pdf.textLayer
                      ? { text: { create: { layer: pdf.textLayer, missingFonts: pdf.missingFonts } } }
                      : {}),
                  }
                : {}),
            },
          });
          for (const [articleIndex, article] of page.articles.entries()) {
            const row = await tx.article.create({
              data: {
                pageId: created.id,
                sortOrder: articleIndex + 1,
                kicker: article.kicker,
                title: article.title,
                subtitle: article.subtitle,
                byline: article.byline,
                body: bodies.get(`${pageIndex}/${articleIndex}`) ?? [],
                regions: article.regions,
              },
            });
            if (article.ref) idsByRef.set(article.ref, row.id);
            if (article.next) pending.push({ articleId: row.id, next: article.next });
          }
        }
        for (const link of pending)
          await tx.article.update({ where: { id: link.articleId }, data: { nextPartId: idsByRef.get(link.next)! } });
        await audit(tx, {
          userId: options.userId,
          editionId: edition.id,
          action: "import",
          entityType: "edition",
          entityId: edition.id,
          summary: `导入 ${bundle.name}：${manifest.pages.length} 个版面、${manifest.pages.reduce((sum, page) => sum + page.articles.length, 0)} 篇文章`,
        });
        // Last before the commit. Killed between this rename and the commit, the note tells a later import
        // where the files went, and no page refers to them: they are removed then.
        if (staged.some((page) => page.image || page.pdf)) {
          checkTime(deadline);
          await mkdir(path.dirname(storagePath(final)), { recursive: true });
          await rename(storagePath(staging), storagePath(final));
        }
        return { editionId: edition.id, links: pending.length };
      },
      { timeout: Math.max(1, Math.min(60_000, deadline.at - Date.now())) },
    );
  } catch (error) {
    await discard().catch(() => undefined);
    // Prisma's "transaction already closed" (P2028) or a cancelled statement: the transaction ran past the time left.
    if ((error as { code?: unknown } | null)?.code === "P2028" || classifyDbError(error)?.sqlState === "57014")
      throw new ImportTimeout(limitMs);
    if (isDbError(error, "unique", "editions_publication_id_issue_date_key"))
      return {
        ok: false,
        problems: [{ place: "manifest.json › date", message: `${manifest.date} 已经有一期（刚刚被别人创建），未导入` }],
      };
    throw error;
  }
  // Committed: the files are in place. A note left by a kill right here is cleared by the next import.
  await committed().catch(() => undefined);
  return {
    ok: true,
    editionId: result.editionId,
    date: manifest.date,
    status: manifest.publish ? "PUBLISHED" : "DRAFT",
    pages: manifest.pages.map((page, index) => ({
      code: page.code,
      name: page.name,
      articles: page.articles.length,
      image: Boolean(staged[index].image),
      pdf: Boolean(staged[index].pdf),
    })),
    links: result.links,
    notes,
  };
}

/** A storage key moved from one folder prefix to another. */
function moveKey(key: string, from: string, to: string): string {
  return key.startsWith(`${from}/`) ? `${to}/${key.slice(from.length + 1)}` : key;
}

/** A stored image's keys moved from one folder prefix to another. */
function moveKeys(image: StoredPageImage, from: string, to: string): StoredPageImage {
  const move = (key: string) => moveKey(key, from, to);
  return {
    ...image,
    imageKey: move(image.imageKey),
    imageVariants: image.imageVariants.map((variant) => ({ ...variant, key: move(variant.key) })),
    imageTiles: { ...image.imageTiles, key: move(image.imageTiles.key) },
  };
}

export function formatReport(result: ImportResult): string {
  if (!result.ok)
    return [
      `导入失败，什么也没有保存。发现 ${result.problems.length} 个问题：`,
      ...result.problems.map((problem) => `  - ${problem.place}: ${problem.message}`),
    ].join("\n");
  return [
    `已导入 ${result.date}（期次 #${result.editionId}，${result.status === "PUBLISHED" ? "已发布" : "草稿"}）：`,
    ...result.pages.map(
      (page) =>
        `  - 第 ${page.code} 版「${page.name}」：${page.articles} 篇文章${page.image ? "，含版面图" : "，无版面图"}${page.pdf ? "和本版PDF" : ""}`,
    ),
    `  转版链接 ${result.links} 个`,
    ...result.notes.map((note) => `  注意：${note}`),
  ].join("\n");
}

/**
 * The bundle's file name from the upload's X-File-Name header (percent-encoded
 * by the browser), for the report. Anything malformed reads as "bundle.zip".
 */
export function bundleNameFromHeader(header: string | null): string {
  if (!header) return "bundle.zip";
  let name: string;
  try {
    name = decodeURIComponent(header);
  } catch {
    return "bundle.zip";
  }
  const clean = name
    .replace(/[\u0000-\u001f\u007f/\\]/g, "")
    .trim()
    .slice(0, 100);
  return clean || "bundle.zip";
}
