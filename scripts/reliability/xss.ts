// Part 2: the XSS corpus. Payloads go into every text field an editor
// controls, through the import (one edition) and through the admin's own forms
// as the browser sends them (another edition, the publication, page names,
// captions); then every reader view and admin screen that shows them is opened
// in Chromium with traps for dialogs, console lines and requests that name a
// payload. A payload that shows up in a trap has run.
import type { Browser, Page } from "@playwright/test";
import type { PrismaClient } from "../../lib/db/client";
import { writeZip } from "../../lib/import/zip-writer";
import { discoverForms, type FormTemplate } from "./forms";
import { encode, request, type RawRequest } from "./http";
import { boundaryOf, parseMultipart, writeMultipart } from "./multipart";
import { figure, type PartResult } from "./report";
import { discoverRoutes } from "./routes";
import { editorSession } from "./session";
import { markerIn, xssPayloads } from "./xss-payloads";

export type XssOptions = {
  base: string;
  prisma: PrismaClient;
  browser: Browser;
  /** How many payloads (default: all). */
  limit?: number;
  /** Reader routes whose views are opened (default: every GET route under /p/[publication]). */
  readerRoutes?: (pattern: string) => boolean;
  log?: (line: string) => void;
};

/** One CSP violation as Chromium reported it (a `securitypolicyviolation` event), with the view it happened on. */
export type CspViolation = {
  /** The route pattern of the view (e.g. /p/[publication]/[date]/[page]/[article]/card.jpg). */
  view: string;
  /** The URL opened (the document reporting may be a frame in it). */
  opened: string;
  /** The response's Content-Type, filled once the view has loaded: an image or XML is shown by Chromium's own viewer. */
  contentType: string;
  directive: string;
  /** "inline", "eval", a URL or "" */
  blocked: string;
  /** The start of the refused code (when the policy asks for 'report-sample') or the refused element's markup. */
  sample: string;
  /** The payload whose text the refused code, element or URL carries: markup only the CSP stopped. */
  marker: string | null;
};

type Trap = {
  executed: Map<string, string>;
  violations: CspViolation[];
  /** Console lines about the CSP: each violation prints one, so more lines than events means unattributed ones. */
  cspConsoleLines: string[];
  /** The view being opened (its route pattern) and its URL. */
  current: { view: string; url: string };
};

const TEXT_FIELDS = /^(name|title|kicker|subtitle|byline|body|caption|description|text|summary)$/;

/** The kind of thing a violation refused: the payload it came from, or what Chromium shows the response in. */
function violationKind(v: CspViolation): string {
  if (v.marker) return `${v.marker}'s markup`;
  const shown = /^image\//.test(v.contentType)
    ? "Chromium's image viewer"
    : /xml/.test(v.contentType)
      ? "Chromium's XML viewer"
      : v.contentType.split(";")[0] || "no response";
  const tag = /^<([a-z0-9-]+)/.exec(v.sample)?.[1];
  return `${shown}${tag ? `, <${tag}>` : ""}`;
}

export type ViolationGroup = { key: string; count: number; example: string };

/** Violations grouped by view, directive, what was blocked and its kind; the largest group first. */
export function groupViolations(violations: CspViolation[]): ViolationGroup[] {
  const groups = new Map<string, ViolationGroup>();
  for (const v of violations) {
    const blocked = /^https?:/.test(v.blocked) ? new URL(v.blocked).origin : v.blocked || "-";
    const key = `${v.view} · ${v.directive} · ${blocked} · ${violationKind(v)}`;
    const group = groups.get(key) ?? { key, count: 0, example: `${v.opened} ${v.sample.slice(0, 120)}`.trim() };
    group.count++;
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

/** The three largest groups for the table ("n view · directive · blocked · kind; …"); the notes list them all. */
function summary(groups: ViolationGroup[]): string {
  const shown = groups.slice(0, 3).map((g) => `${g.count} ${g.key}`);
  if (groups.length > 3) shown.push(`${groups.length - 3} more kinds (see the notes)`);
  return shown.join("; ");
}

function manifestFor(slug: string, date: string, payloads: { id: string; payload: string }[], publish: boolean) {
  const perPage = 10;
  const pages = [];
  for (let i = 0; i * perPage < payloads.length; i++) {
    const chunk = payloads.slice(i * perPage, (i + 1) * perPage);
    pages.push({
      code: `A${String(i + 1).padStart(2, "0")}`,
      name: chunk[0].payload.slice(0, 100),
      articles: chunk.map(({ payload }) => ({
        kicker: payload.slice(0, 200),
        title: payload.slice(0, 300),
        subtitle: payload.slice(0, 300),
        byline: payload.slice(0, 200),
        body: [payload, { type: "subhead", text: payload.slice(0, 500) }, `正文 ${payload}`],
      })),
    });
  }
  return { version: 1, publication: slug, date, issueNumber: 1, publish, pages };
}

/** Replaces the named text fields of a captured form (hidden ids are set from `ids`). */
function fill(template: FormTemplate, ids: Record<string, string>, text: Record<string, string>): RawRequest {
  const boundary = boundaryOf(template.headers["content-type"])!;
  const parts = parseMultipart(template.body, boundary);
  for (const part of parts) {
    const name = part.name.replace(/^_?\d+_/, "");
    if (name in ids) part.data = Buffer.from(ids[name]);
    else if (name in text) part.data = Buffer.from(text[name]);
    else if (TEXT_FIELDS.test(name) && text.any !== undefined) part.data = Buffer.from(text.any);
  }
  return {
    method: template.method,
    path: template.path,
    headers: { ...template.headers },
    body: writeMultipart(parts, boundary),
  };
}

async function trapped(browser: Browser, cookie: { name: string; value: string }, base: string, trap: Trap) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  // The session cookie is __Host- (Secure): Chromium takes it for the https form of the URL and sends it to loopback http too.
  await context.addCookies([
    { ...cookie, url: base.replace(/^http:/, "https:"), secure: true, httpOnly: true, sameSite: "Lax" },
  ]);
  const page = await context.newPage();
  page.on("dialog", (dialog) => {
    trap.executed.set(markerIn(dialog.message()) ?? `dialog: ${dialog.message()}`, `dialog on ${page.url()}`);
    void dialog.dismiss().catch(() => undefined);
  });
  page.on("console", (message) => {
    const marker = markerIn(message.text());
    if (/Content Security Policy/i.test(message.text())) trap.cspConsoleLines.push(message.text());
    else if (marker) trap.executed.set(marker, `console on ${page.url()}`);
  });
  // Chromium's own account of each violation, in every document of the page (its image and XML viewers too).
  await context.exposeBinding(
    "__banmianCspViolation",
    (_source, event: { directive: string; blocked: string; sample: string; element: string }) => {
      const sample = event.sample || event.element;
      trap.violations.push({
        view: trap.current.view,
        opened: trap.current.url,
        contentType: "",
        directive: event.directive,
        blocked: event.blocked,
        sample,
        marker: markerIn(`${sample} ${event.blocked}`),
      });
    },
  );
  await context.addInitScript(() => {
    document.addEventListener(
      "securitypolicyviolation",
      (event) => {
        const target = event.target;
        // The refused element's own start tag (and a script's or style's text), not its children: a container's
        // outerHTML holds the page's escaped text, payloads included.
        const element =
          target instanceof Element
            ? `<${target.tagName.toLowerCase()}${[...target.attributes].map((a) => ` ${a.name}="${a.value}"`).join("")}>` +
              (/^(script|style)$/i.test(target.tagName) ? (target.textContent ?? "").slice(0, 200) : "")
            : "";
        const report = (window as unknown as Record<string, (v: object) => void>).__banmianCspViolation;
        void report({
          directive: event.effectiveDirective,
          blocked: event.blockedURI,
          sample: event.sample,
          element: element.slice(0, 400),
        });
      },
      true,
    );
  });
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (new URL(url).origin !== new URL(base).origin) {
      trap.executed.set(markerIn(url) ?? `request to ${url}`, `request ${url} from ${page.url()}`);
      return route.abort();
    }
    return route.continue();
  });
  return { context, page };
}

async function look(page: Page, url: string, trap: Trap, view: string) {
  trap.current = { view, url };
  const response = await page.goto(url, { waitUntil: "load" }).catch(() => null);
  // Handlers like onerror/onload/ontoggle/autofocus fire right after load.
  await page.waitForTimeout(150);
  await page.mouse.move(400, 300);
  await page.keyboard.press("Tab").catch(() => undefined);
  return { status: response?.status() ?? 0, contentType: response?.headers()["content-type"] ?? "" };
}

export async function xssPart(options: XssOptions): Promise<PartResult> {
  const log = options.log ?? (() => undefined);
  const { base, prisma, browser } = options;
  const part = "xss";
  const payloads = xssPayloads().slice(0, options.limit);
  const session = await editorSession(prisma, browser, base);
  const cookie = () => ({ cookie: session.cookie() });
  const errors: string[] = [];
  const send = async (req: RawRequest, what: string) => {
    const response = await request(base, { ...req, headers: { ...req.headers, ...cookie() } }, 120_000);
    if (response.status >= 500) errors.push(`${what} → ${response.status}`);
    return response;
  };

  // The publication, through the admin's form: its name is a payload.
  const publicationForms = await discoverForms(
    { base, cookie: session.current(), start: ["/admin/publications"], allow: () => false, maxScreens: 1 },
    browser,
  );
  const createPublication = publicationForms.find((f) => /创建/.test(f.label)) ?? publicationForms.at(-1);
  if (!createPublication) throw new Error("no publication form found on /admin/publications");
  const slug = `xss-${Date.now().toString(36)}`;
  await send(
    fill(
      createPublication,
      {},
      { slug, name: payloads[0].payload.slice(0, 100), description: payloads[1].payload, any: payloads[2].payload },
    ),
    "create publication",
  );
  const publication = await prisma.publication.findUnique({ where: { slug } });
  if (!publication) throw new Error(`the publication form did not create ${slug}: the admin path cannot be tested`);

  // Edition 1 through the import (the ZIP's file name is a payload too); edition 2 imported plain, then written through the admin.
  const importZip = async (manifest: object, fileName: string) =>
    send(
      {
        method: "POST",
        path: "/api/admin/import",
        headers: { "content-type": "application/zip", "x-file-name": encode(fileName), origin: base },
        body: writeZip([{ name: "manifest.json", data: Buffer.from(JSON.stringify(manifest)) }]),
      },
      "import",
    );
  const imported = await importZip(manifestFor(slug, "2038-06-01", payloads, true), `${payloads[3].payload}.zip`);
  const plain = payloads.map(({ id }) => ({ id, payload: `待改 ${id}` }));
  const second = await importZip(manifestFor(slug, "2038-06-02", plain, true), "plain.zip");
  const editions = await prisma.edition.findMany({
    where: { publicationId: publication.id },
    include: { pages: { include: { articles: { orderBy: { sortOrder: "asc" } } }, orderBy: { sortOrder: "asc" } } },
    orderBy: { issueDate: "asc" },
  });
  if (editions.length !== 2)
    throw new Error(
      `the imports did not store both editions (imports answered ${imported.status}, ${second.status}: ${second.body.toString().slice(0, 300)})`,
    );
  const [viaImport, viaAdmin] = editions;

  // The admin's forms for an article, a page and the edition, as the browser sends them.
  const firstPage = viaAdmin.pages[0];
  const firstArticle = firstPage.articles[0];
  const articleScreen = `/admin/editions/${viaAdmin.id}/pages/${firstPage.id}/articles/${firstArticle.id}`;
  const forms = await discoverForms(
    {
      base,
      cookie: session.current(),
      start: [articleScreen, `/admin/editions/${viaAdmin.id}/pages/${firstPage.id}`],
      allow: () => false,
      maxScreens: 2,
    },
    browser,
  );
  const saveArticle = forms.find((f) => /保存文章/.test(f.label) && f.headers["next-action"]);
  const savePage = forms.find((f) => /保存版面/.test(f.label));
  if (!saveArticle || !savePage)
    throw new Error(`article or page form not found (found: ${forms.map((f) => f.label).join(", ")})`);
  // An image for the captions: uploaded the way the article form does it.
  const upload = forms.find((f) => f.path.startsWith("/api/admin/articles/"));
  let imageLine = "";
  if (upload) {
    const response = await send({ ...upload, headers: { ...upload.headers } }, "article image");
    try {
      const block = JSON.parse(response.body.toString()) as { key?: string; width?: number; height?: number };
      if (block.key) imageLine = `(${block.key} ${block.width}x${block.height})`;
    } catch {
      // no image: captions are then not covered, and the notes say so
    }
  }
  let index = 0;
  const notWritten: string[] = [];
  for (const page of viaAdmin.pages) {
    await send(
      fill(
        savePage,
        { editionId: String(viaAdmin.id), pageId: String(page.id), code: page.code },
        { name: payloads[index % payloads.length].payload.slice(0, 100) },
      ),
      "save page",
    );
    for (const article of page.articles) {
      const { id, payload } = payloads[index++ % payloads.length];
      const current = await prisma.article.findUniqueOrThrow({ where: { id: article.id } });
      const body = [
        payload,
        `## ${payload}`,
        ...(imageLine ? [`![${payload.replace(/[\]\n]/g, " ")}]${imageLine}`] : []),
      ].join("\n\n");
      const saved = await send(
        fill(
          saveArticle,
          {
            editionId: String(viaAdmin.id),
            pageId: String(page.id),
            articleId: String(article.id),
            version: String(current.version),
          },
          { kicker: payload, title: payload, subtitle: payload, byline: payload, body },
        ),
        "save article",
      );
      const stored = await prisma.article.findUnique({ where: { id: article.id } });
      if (markerIn(stored?.title ?? "") !== id || stored?.title.startsWith("待改"))
        notWritten.push(
          `${id} (article ${article.id}): ${stored ? `title still ${JSON.stringify(stored.title.slice(0, 40))}` : "article gone"}; the save answered ${saved.status}: ${saved.body.toString().replace(/\s+/g, " ").slice(0, 300)}`,
        );
    }
  }
  // Written: the article's stored title names its own payload (the import's placeholder "待改 XSS-n" does not count).
  const adminArticles = await prisma.article.findMany({
    where: { page: { editionId: viaAdmin.id } },
    select: { title: true },
  });
  const written = adminArticles.filter((a) => markerIn(a.title) && !a.title.startsWith("待改")).length;
  log(`xss: ${payloads.length} payloads; ${written} articles written through the admin form; opening the views…`);

  // Every view that shows them: the reader routes found in app/, filled for this publication, and the admin screens.
  const trap: Trap = { executed: new Map(), violations: [], cspConsoleLines: [], current: { view: "", url: "" } };
  const { context, page } = await trapped(browser, session.current(), base, trap);
  // Each URL with the view it is an instance of (a route pattern), for the violations' attribution.
  const urls = new Map<string, string>([
    [`/p/${slug}`, "/p/[publication]"],
    [`/p/${slug}/archive`, "/p/[publication]/archive"],
    [`/p/${slug}/archive/2038-06`, "/p/[publication]/archive/[month]"],
    ["/admin", "/admin"],
    ["/admin/publications", "/admin/publications"],
  ]);
  const readerRoutes = discoverRoutes("app").filter(
    (r) =>
      !r.admin &&
      r.methods.includes("GET") &&
      !r.segments.some((s) => s.kind === "dynamic" && s.catchAll) &&
      (options.readerRoutes?.(r.pattern) ?? true),
  );
  const editionScreen = "/admin/editions/[editionId]";
  for (const edition of editions) {
    const date = edition.issueDate.toISOString().slice(0, 10);
    urls
      .set(`/admin/editions/${edition.id}`, editionScreen)
      .set(`/admin/editions/${edition.id}/audit`, `${editionScreen}/audit`);
    for (const p of edition.pages) {
      urls
        .set(`/admin/editions/${edition.id}/pages/${p.id}`, `${editionScreen}/pages/[pageId]`)
        .set(`/admin/editions/${edition.id}/preview/${p.code.toLowerCase()}`, `${editionScreen}/preview/[page]`);
      for (const a of p.articles.slice(0, 3))
        urls.set(
          `/admin/editions/${edition.id}/pages/${p.id}/articles/${a.id}`,
          `${editionScreen}/pages/[pageId]/articles/[articleId]`,
        );
      for (const route of readerRoutes.filter((r) => r.pattern.startsWith("/p/[publication]")))
        for (const a of p.articles.length ? p.articles : [{ sortOrder: 1 }]) {
          const values: Record<string, string> = {
            publication: slug,
            date,
            page: p.code.toLowerCase(),
            article: String(a.sortOrder),
            month: date.slice(0, 7),
          };
          if (route.segments.every((s) => s.kind === "static" || s.name in values))
            urls.set(
              route.pattern.replace(/\[(\w+)\]/g, (_, name: string) => values[name]),
              route.pattern,
            );
        }
    }
  }
  let views = 0;
  const statuses: Record<number, number> = {};
  const contentTypes = new Map<string, string>();
  for (const [url, view] of urls) {
    const { status, contentType } = await look(page, base + url, trap, view);
    contentTypes.set(base + url, contentType);
    statuses[status] = (statuses[status] ?? 0) + 1;
    if (status >= 500) errors.push(`GET ${url} → ${status}`);
    views++;
  }
  await context.close();
  const executed = [...trap.executed.entries()];
  for (const violation of trap.violations) violation.contentType = contentTypes.get(violation.opened) ?? "";
  const fromPayloads = trap.violations.filter((v) => v.marker);
  const groups = groupViolations(trap.violations);
  return {
    part,
    figures: [
      figure(part, "payloads", payloads.length, {
        min: Math.min(100, payloads.length),
        text: `≥ ${Math.min(100, payloads.length)}`,
      }),
      figure(
        part,
        "articles written through import / admin",
        `${viaImport.pages.reduce((n, p) => n + p.articles.length, 0)} / ${written}`,
      ),
      // A save the admin answered without storing the payload: refused (its message is in the notes) or lost.
      figure(part, "admin saves that stored nothing", notWritten.length, { max: 0 }),
      figure(part, "views opened in Chromium", views),
      figure(part, "payloads executed", executed.length, { max: 0 }),
      figure(part, "5xx while writing or viewing", errors.length, { max: 0 }),
      figure(part, "CSP violations reported", Math.max(trap.violations.length, trap.cspConsoleLines.length)),
      // A payload's own markup refused by the CSP: escaping failed somewhere and only the second wall held.
      figure(part, "CSP violations by a payload's markup", fromPayloads.length, { max: 0 }),
      figure(part, "CSP violations, by view and directive", summary(groups) || "none"),
    ],
    notes: [
      `statuses of the views: ${Object.entries(statuses)
        .map(([s, n]) => `${s}×${n}`)
        .join(", ")}`,
      ...(imageLine ? [] : ["no article image could be uploaded: captions were not covered"]),
      ...executed.slice(0, 5).map(([marker, where]) => `executed ${marker}: ${where}`),
      ...groups.map((g) => `CSP violation ×${g.count}: ${g.key} (e.g. ${g.example})`),
      ...(trap.cspConsoleLines.length > trap.violations.length
        ? [
            `${trap.cspConsoleLines.length - trap.violations.length} CSP console lines without a violation event, e.g. ${trap.cspConsoleLines[0].slice(0, 200)}`,
          ]
        : []),
      ...notWritten.slice(0, 5).map((line) => `not written through the admin: ${line}`),
      ...errors.slice(0, 5),
    ],
  };
}
