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
  /** The editor goes on after the readers stop until it has made this many changes (the smoke's: every kind, on a slow machine). */
  minSteps?: number;
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
      want: /保存文章|链接续篇|发布本期|撤回发布/,
    },
    browser,
  );
  const find = (pattern: RegExp) => forms.find((f) => pattern.test(f.label) && f.headers["next-action"]);
  const save = find(/保存文章/);
  const link = find(/链接续篇/);
  // The toggled edition's screen offers one of the two; the other is found there once its status has changed.
  const wasPublished = toggled.status === "PUBLISHED";
  let publish = wasPublished ? undefined : find(/发布本期/);
  let unpublish = wasPublished ? find(/撤回发布/) : undefined;
  if (!save || !(publish ?? unpublish))
    throw new Error(`editor forms not found (found: ${forms.map((f) => f.label).join(", ")})`);
  let unlink: FormTemplate | undefined;

  const send = async (req: RawRequest) => {
    // A connection of its own: a kept-alive one idle for seconds may be closed by the server as it is reused.
    const response = await request(
      editorBase,
      { ...req, headers: { ...req.headers, cookie: session.cookie() } },
      60_000,
      { fresh: true },
    );
    if (response.status >= 400) throw new Error(`editor request ${req.path} answered ${response.status}`);
  };
  // After a change, a reader request starts every 50 ms (each one waits its turn in the same queue as the
  // load); the change counts as seen from the start of the first request that shows it and after which no
  // request shows the old state. So the figure is how stale the app is, not how long its queue is; the
  // response times are the latency figures.
  const probe = async (path: string, shows: (status: number, body: string) => boolean) => {
    const started = performance.now();
    const sent: { at: number; answered?: number; shown?: boolean }[] = [];
    const pending = new Set<Promise<void>>();
    const settled = () => {
      const firstShown = sent.findIndex((s) => s.shown === true);
      if (firstShown < 0) return false;
      // Every request started before it has answered, and none started after it still shows the old state.
      return (
        sent.slice(0, firstShown).every((s) => s.shown !== undefined) &&
        !sent.slice(firstShown).some((s) => s.shown === false)
      );
    };
    const staleness = () => {
      // The first request after which every answered request showed the change.
      let from = -1;
      sent.forEach((s, i) => {
        if (s.shown === false) from = -1;
        else if (s.shown && from < 0) from = i;
      });
      return from < 0
        ? { ms: Number.POSITIVE_INFINITY, answeredMs: Number.POSITIVE_INFINITY }
        : { ms: sent[from].at - started, answeredMs: sent[from].answered! - started };
    };
    while (!settled() && performance.now() - started < 15_000) {
      const entry: { at: number; answered?: number; shown?: boolean } = { at: performance.now() };
      sent.push(entry);
      const done = request(probeBase, { path }, 30_000, { fresh: true }).then(
        (response) => {
          entry.answered = performance.now();
          entry.shown = shows(response.status, response.body.toString());
        },
        () => void (entry.shown = false),
      );
      pending.add(done);
      void done.finally(() => pending.delete(done));
      await new Promise((r) => setTimeout(r, 50));
    }
    await Promise.all(pending);
    return staleness();
  };
  const ids = { editionId: String(newest.id), pageId: String(front.id), articleId: String(edited.id) };
  const targetHref = target ? articleHref(base, laterPage.code, target.sortOrder) : "";
  const editedUrl = articleHref(base, front.code, edited.sortOrder);
  const changes: { what: string; ms: number; answeredMs: number }[] = [];
  let step = 0;
  let linked = false;
  let published = wasPublished;
  const actions = [
    async () => {
      const version = (await prisma.article.findUniqueOrThrow({ where: { id: edited.id } })).version;
      const title = `负载测试标题 ${Date.now()}`;
      await send(withFields(save, { ...ids, version: String(version), title }));
      changes.push({ what: "title", ...(await probe(editedUrl, (s, body) => s === 200 && body.includes(title))) });
    },
    async () => {
      if (!target || !link) return;
      if (!linked) {
        await send(withFields(link, { ...ids, nextPartId: String(target.id) }));
        linked = true;
        changes.push({
          what: "link",
          ...(await probe(editedUrl, (s, body) => s === 200 && body.includes(`href="${targetHref}"`))),
        });
        unlink ??= (
          await discoverForms(
            {
              base: editorBase,
              cookie: session.current(),
              start: [articleScreen],
              allow: () => false,
              maxScreens: 1,
              want: /取消下转/,
            },
            browser,
          )
        ).find((f) => /取消下转/.test(f.label));
      } else if (unlink) {
        await send(withFields(unlink, ids));
        linked = false;
        changes.push({
          what: "unlink",
          ...(await probe(editedUrl, (s, body) => s === 200 && !body.includes(`href="${targetHref}"`))),
        });
      }
    },
    async () => {
      const publishing = !published;
      const form = publishing ? publish : unpublish;
      if (!form) return;
      await send(withFields(form, { editionId: String(toggled.id) }));
      published = publishing;
      changes.push({
        what: publishing ? "publish" : "unpublish",
        ...(await probe(toggledUrl, (s) => s === (publishing ? 200 : 404))),
      });
      if (publishing ? unpublish : publish) return;
      const other = (
        await discoverForms(
          {
            base: editorBase,
            cookie: session.current(),
            start: [`/admin/editions/${toggled.id}`],
            allow: () => false,
            maxScreens: 1,
            want: publishing ? /撤回发布/ : /发布本期/,
          },
          browser,
        )
      ).find((f) => (publishing ? /撤回发布/ : /发布本期/).test(f.label));
      if (publishing) unpublish ??= other;
      else publish ??= other;
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
    while (Date.now() < endAt - 2000 || step < (options.minSteps ?? 0)) {
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
  const restore = wasPublished ? publish : unpublish;
  if (published !== wasPublished && restore)
    await send(withFields(restore, { editionId: String(toggled.id) })).catch(() => undefined);
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
      `change seen by a reader request sent after (ms): ${changes.map((c) => `${c.what} ${Number.isFinite(c.ms) ? Math.round(c.ms) : "never"}`).join(", ")}`,
      `… whose answer came after (ms, the wait in the readers' queue included): ${changes.map((c) => `${c.what} ${Number.isFinite(c.answeredMs) ? Math.round(c.answeredMs) : "never"}`).join(", ")}`,
      `statuses: ${results.map((r) => JSON.stringify(r.statusCodeStats)).join(" + ")}`,
      ...(target && link ? [] : ["no continuation could be linked on the front page: link/unlink not exercised"]),
      ...editorErrors.slice(0, 3),
    ],
  };
}
