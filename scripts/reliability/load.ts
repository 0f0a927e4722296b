// Parts 3 and 6: readers (autocannon, loopback only) over page, article, full
// and calendar views while an editor edits an article's title, links and
// unlinks a continuation and publishes and unpublishes an edition every few
// seconds. After each change a probe polls the changed view until a reader
// response shows it. With two servers the readers are split between them, the
// editor uses the first and the probe reads the second.
import autocannon from "autocannon";
import type { Browser } from "@playwright/test";
import type { PrismaClient } from "../../lib/db/client";
import { articleHref, archivePath, editionBase, pageHref } from "../../lib/reading/urls";
import { discoverForms, type FormTemplate } from "./forms";
import { request, type RawRequest } from "./http";
import { boundaryOf, parseMultipart, writeMultipart } from "./multipart";
import { figure, type PartResult } from "./report";
import { editorSession } from "./session";

export type LoadOptions = {
  part: string;
  /** Reader traffic is split over these; the editor uses the first, the probe the last. */
  bases: string[];
  prisma: PrismaClient;
  browser: Browser;
  seconds: number;
  connections: number;
  /** Seconds between the editor's changes. */
  every?: number;
  /** Goal for the time until a reader sees a change, in ms. */
  visibleWithin: number;
  log?: (line: string) => void;
};

function withFields(template: FormTemplate, values: Record<string, string>): RawRequest {
  const boundary = boundaryOf(template.headers["content-type"])!;
  const parts = parseMultipart(template.body, boundary);
  for (const part of parts) {
    const name = part.name.replace(/^_?\d+_/, "");
    if (name in values) part.data = Buffer.from(values[name]);
  }
  return {
    method: template.method,
    path: template.path,
    headers: { ...template.headers },
    body: writeMultipart(parts, boundary),
  };
}

const day = (date: Date) => date.toISOString().slice(0, 10);

export async function loadPart(options: LoadOptions): Promise<PartResult> {
  const log = options.log ?? (() => undefined);
  const { prisma, browser } = options;
  const editorBase = options.bases[0];
  const probeBase = options.bases.at(-1)!;
  const session = await editorSession(prisma, browser, editorBase);

  // What the readers read: the newest edition of the default paper.
  const newest = await prisma.edition.findFirstOrThrow({
    where: { status: "PUBLISHED", publication: { isDefault: true } },
    orderBy: { issueDate: "desc" },
    include: { pages: { orderBy: { sortOrder: "asc" }, include: { articles: { orderBy: { sortOrder: "asc" } } } } },
  });
  const base = editionBase(null, day(newest.issueDate));
  const paths = [archivePath(null, day(newest.issueDate).slice(0, 7))];
  for (const page of newest.pages) {
    paths.push(pageHref(base, page.code));
    for (const article of page.articles.slice(0, 3)) {
      paths.push(articleHref(base, page.code, article.sortOrder));
      if (article.nextPartId) paths.push(`${articleHref(base, page.code, article.sortOrder)}/full`);
    }
  }
  // What the editor changes: a title, a continuation from the front page to a later page, and another edition's status.
  const front = newest.pages[0];
  const edited = front.articles.find((a) => !a.nextPartId) ?? front.articles[0];
  const linkedToIds = new Set(
    (
      await prisma.article.findMany({
        where: { nextPartId: { not: null }, page: { editionId: newest.id } },
        select: { nextPartId: true },
      })
    ).map((a) => a.nextPartId),
  );
  const laterPage = newest.pages.at(-1)!;
  const target = laterPage.articles.find((a) => !linkedToIds.has(a.id) && a.id !== edited.id);
  const toggled = await prisma.edition.findFirstOrThrow({
    where: { publication: { isDefault: true }, id: { not: newest.id } },
    orderBy: { issueDate: "asc" },
    include: { pages: { orderBy: { sortOrder: "asc" }, take: 1 } },
  });
  const toggledUrl = pageHref(editionBase(null, day(toggled.issueDate)), toggled.pages[0].code);
  const articleScreen = `/admin/editions/${newest.id}/pages/${front.id}/articles/${edited.id}`;
  const forms = await discoverForms(
    {
      base: editorBase,
      cookie: session.current(),
      start: [articleScreen, `/admin/editions/${toggled.id}`],
      allow: () => false,
      maxScreens: 2,
    },
    browser,
  );
  const find = (pattern: RegExp) => forms.find((f) => pattern.test(f.label) && f.headers["next-action"]);
  const save = find(/保存文章/);
  const link = find(/链接续篇/);
  const publish = find(/发布本期/);
  if (!save || !publish) throw new Error(`editor forms not found (found: ${forms.map((f) => f.label).join(", ")})`);
  // The opposite of the toggled edition's current status comes from the same screen once it has changed.
  let unpublish: FormTemplate | undefined;
  let unlink: FormTemplate | undefined;

  const send = async (req: RawRequest) => {
    const response = await request(
      editorBase,
      { ...req, headers: { ...req.headers, cookie: session.cookie() } },
      60_000,
    );
    if (response.status >= 400) throw new Error(`editor request ${req.path} answered ${response.status}`);
  };
  const probe = async (path: string, shows: (status: number, body: string) => boolean) => {
    const started = performance.now();
    for (;;) {
      const response = await request(probeBase, { path }, 30_000);
      if (shows(response.status, response.body.toString())) return performance.now() - started;
      if (performance.now() - started > 15_000) return Number.POSITIVE_INFINITY;
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  const ids = { editionId: String(newest.id), pageId: String(front.id), articleId: String(edited.id) };
  const targetHref = target ? articleHref(base, laterPage.code, target.sortOrder) : "";
  const editedUrl = articleHref(base, front.code, edited.sortOrder);
  const changes: { what: string; ms: number }[] = [];
  let step = 0;
  let linked = false;
  let published = false;
  const actions = [
    async () => {
      const version = (await prisma.article.findUniqueOrThrow({ where: { id: edited.id } })).version;
      const title = `负载测试标题 ${Date.now()}`;
      await send(withFields(save, { ...ids, version: String(version), title }));
      changes.push({ what: "title", ms: await probe(editedUrl, (s, body) => s === 200 && body.includes(title)) });
    },
    async () => {
      if (!target || !link) return;
      if (!linked) {
        await send(withFields(link, { ...ids, nextPartId: String(target.id) }));
        linked = true;
        changes.push({
          what: "link",
          ms: await probe(editedUrl, (s, body) => s === 200 && body.includes(`href="${targetHref}"`)),
        });
        unlink ??= (
          await discoverForms(
            { base: editorBase, cookie: session.current(), start: [articleScreen], allow: () => false, maxScreens: 1 },
            browser,
          )
        ).find((f) => /取消下转/.test(f.label));
      } else if (unlink) {
        await send(withFields(unlink, ids));
        linked = false;
        changes.push({
          what: "unlink",
          ms: await probe(editedUrl, (s, body) => s === 200 && !body.includes(`href="${targetHref}"`)),
        });
      }
    },
    async () => {
      if (!published) {
        await send(withFields(publish, { editionId: String(toggled.id) }));
        published = true;
        changes.push({ what: "publish", ms: await probe(toggledUrl, (s) => s === 200) });
        unpublish ??= (
          await discoverForms(
            {
              base: editorBase,
              cookie: session.current(),
              start: [`/admin/editions/${toggled.id}`],
              allow: () => false,
              maxScreens: 1,
            },
            browser,
          )
        ).find((f) => /撤回发布/.test(f.label));
      } else if (unpublish) {
        await send(withFields(unpublish, { editionId: String(toggled.id) }));
        published = false;
        changes.push({ what: "unpublish", ms: await probe(toggledUrl, (s) => s === 404) });
      }
    },
  ];

  log(
    `${options.part}: ${paths.length} reader URLs, ${options.connections} connections for ${options.seconds} s over ${options.bases.join(" + ")}; editor changes every ${options.every ?? 3} s`,
  );
  const readers = options.bases.map((url) =>
    autocannon({
      url,
      connections: Math.max(1, Math.round(options.connections / options.bases.length)),
      duration: options.seconds,
      timeout: 30,
      requests: paths.map((path) => ({ method: "GET" as const, path })),
    }),
  );
  const editorErrors: string[] = [];
  const endAt = Date.now() + options.seconds * 1000;
  const editor = (async () => {
    while (Date.now() < endAt - 2000) {
      const started = Date.now();
      try {
        await actions[step++ % actions.length]();
      } catch (error) {
        editorErrors.push((error as Error).message);
      }
      await new Promise((r) => setTimeout(r, Math.max(0, (options.every ?? 3) * 1000 - (Date.now() - started))));
    }
  })();
  const results = await Promise.all(readers);
  await editor;
  // Leave the paper as it was.
  if (published && unpublish)
    await send(withFields(unpublish, { editionId: String(toggled.id) })).catch(() => undefined);
  if (linked && unlink) await send(withFields(unlink, ids)).catch(() => undefined);

  const total = results.reduce((n, r) => n + r.requests.total, 0);
  const errors = results.reduce((n, r) => n + r.errors + r.timeouts + r.non2xx, 0);
  const serverErrors = results.reduce((n, r) => n + r["5xx"], 0);
  const p50 = Math.max(...results.map((r) => r.latency.p50));
  const p99 = Math.max(...results.map((r) => r.latency.p99));
  const seen = changes.map((c) => c.ms).sort((a, b) => a - b);
  const worst = seen.length ? seen.at(-1)! : Number.NaN;
  const part = options.part;
  return {
    part,
    figures: [
      figure(part, "reader requests", total),
      figure(part, "errors (network, timeouts, non-2xx)", errors, { max: 0 }),
      figure(part, "5xx", serverErrors, { max: 0 }),
      figure(part, "latency p50 / p99 (ms)", `${p50} / ${p99}`),
      figure(part, "editor changes (title, link, publish…)", changes.length, { min: 3 }),
      figure(part, "change seen by readers, worst (ms)", Number.isFinite(worst) ? Math.round(worst) : "never", {
        max: options.visibleWithin,
      }),
      figure(part, "editor request errors", editorErrors.length, { max: 0 }),
    ],
    notes: [
      `change seen after (ms): ${changes.map((c) => `${c.what} ${Number.isFinite(c.ms) ? Math.round(c.ms) : "never"}`).join(", ")}`,
      `statuses: ${results.map((r) => JSON.stringify(r.statusCodeStats)).join(" + ")}`,
      ...(target && link ? [] : ["no continuation could be linked on the front page: link/unlink not exercised"]),
      ...editorErrors.slice(0, 3),
    ],
  };
}
