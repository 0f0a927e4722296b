// Finds every form and upload of the admin the way an editor meets them: it
// crawls the rendered admin screens in Chromium, fills each form, submits it
// and captures the request the browser sends (server actions post multipart
// bodies with a Next-Action header; uploads post the file). The fuzz then
// replays those requests with other values.
import type { Browser, Frame, Page, Request } from "@playwright/test";
import { launchChromium } from "./browser";

export type FormTemplate = {
  /** The admin screen the form is on. */
  screen: string;
  /** What the form is, for the report: its submit button or the file input's label. */
  label: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body: Buffer;
  /** Field names the editor never types into (ids, versions, tokens). */
  hidden: string[];
};

export type DiscoverOptions = {
  base: string;
  cookie: { name: string; value: string };
  start: string[];
  /** Screens the crawl may visit (e.g. only one edition's, when the database is shared). */
  allow?: (path: string) => boolean;
  maxScreens?: number;
  /** Screens of one shape (e.g. /admin/editions/:id) visited at most (default 3). */
  perShape?: number;
  /** Forms sent for real while crawling because they lead to another form (the paste flow's 识别并预览). Others are captured and stopped. */
  followUp?: RegExp;
  /** Only forms (and buttons revealing forms) whose label matches: a crawl that wants a few forms, not all. */
  want?: RegExp;
  /** Forms left out entirely (signing out would end the fuzz's session). */
  skip?: RegExp;
  log?: (line: string) => void;
};

// A screen's shape: ids and codes (any segment with a digit: /editions/11, /preview/a02) are one kind of screen.
const SHAPE = (path: string) => path.replace(/\?.*$/, "").replace(/\/[^/]*\d[^/]*(?=\/|$)/g, "/:id");
// 240 × 240: the app refuses images under 200 px a side (LIMITS.image.minSide), and a refused upload reaches nothing.
const SAMPLE_PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAPAAAADwCAMAAAAJixmgAAAAA1BMVEXIEC6u0uW8AAAACXBIWXMAAAPoAAAD6AG1e1JrAAAAT0lEQVR42u3BMQEAAADCoPVPbQZ/oAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAPgPh8AABGtBguQAAAABJRU5ErkJggg==",
  "base64",
);

type FormInfo = { index: number; label: string; signature: string; hidden: string[] };

async function formsOn(page: Page): Promise<FormInfo[]> {
  return page.evaluate(() =>
    [...document.forms].map((form, index) => {
      const elements = [...form.elements] as HTMLInputElement[];
      const submit = elements.find((e) => (e.tagName === "BUTTON" && e.type === "submit") || e.type === "submit");
      const label = (submit?.textContent || submit?.value || form.getAttribute("aria-label") || `form ${index}`).trim();
      const names = elements.map((e) => e.name).filter((n) => n && !n.startsWith("$ACTION"));
      // The server action behind the form: its id is in the hidden fields React renders (when it has them).
      const marker = elements.find((e) => /^\$ACTION_ID_|^\$ACTION_\d+:0$/.test(e.name));
      const action = marker ? (marker.name.startsWith("$ACTION_ID_") ? marker.name : marker.value) : label;
      return {
        index,
        label,
        signature: `${action}|${[...new Set(names)].sort().join(",")}`,
        hidden: elements.filter((e) => e.type === "hidden").map((e) => e.name),
      };
    }),
  );
}

/** Fills what an editor would fill (empty text fields, a file, a choice) and asks the form to submit. */
async function fillAndSubmit(page: Page, index: number): Promise<void> {
  const form = page.locator("form").nth(index);
  for (const input of await form.locator('input[type="file"]').all())
    await input.setInputFiles({ name: "page.png", mimeType: "image/png", buffer: SAMPLE_PNG }).catch(() => undefined);
  await page.evaluate((i) => {
    const form = document.forms[i];
    for (const element of [...form.elements] as (HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement)[]) {
      if (element instanceof HTMLSelectElement) {
        if (!element.value && element.options.length > 1) element.selectedIndex = 1;
      } else if (
        element instanceof HTMLTextAreaElement ||
        ["text", "email", "search", "url", "tel", "password", "number", "date", "month"].includes(element.type)
      ) {
        if (element.value) continue;
        const sample: Record<string, string> = {
          email: "fuzz@example.com",
          password: "fuzz-password-123",
          number: "1",
          date: "2031-01-01",
          month: "2031-01",
        };
        element.value = sample[element.type] ?? `试${element.name || "值"}`;
      }
    }
    form.requestSubmit();
  }, index);
}

async function capture(page: Page, act: () => Promise<void>, letThrough: boolean): Promise<Request[]> {
  const captured: Request[] = [];
  await page.route("**/*", async (route) => {
    const request = route.request();
    if (request.method() === "GET") return route.continue();
    captured.push(request);
    return letThrough ? route.continue() : route.abort();
  });
  page.on("dialog", (dialog) => void dialog.accept().catch(() => undefined));
  // A form that sends GET (search) navigates instead: nothing to capture, no need to wait for it.
  let navigated = false;
  const onNavigation = (frame: Frame) => void (frame === page.mainFrame() && (navigated = true));
  page.on("framenavigated", onNavigation);
  await act().catch(() => undefined);
  const deadline = Date.now() + 5000;
  while (!captured.length && !navigated && Date.now() < deadline) await page.waitForTimeout(50);
  page.off("framenavigated", onNavigation);
  await page.waitForTimeout(300);
  if (captured.length && letThrough)
    await page.waitForLoadState("networkidle", { timeout: 8000 }).catch(() => undefined);
  await page.unrouteAll({ behavior: "ignoreErrors" });
  return captured;
}

function template(screen: string, label: string, request: Request, hidden: string[]): FormTemplate {
  const url = new URL(request.url());
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers()))
    if (!["cookie", "content-length", "host", "connection"].includes(name.toLowerCase())) headers[name] = value;
  return {
    screen,
    label,
    method: request.method(),
    path: url.pathname + url.search,
    headers,
    body: request.postDataBuffer() ?? Buffer.alloc(0),
    hidden,
  };
}

async function open(page: Page, base: string, path: string): Promise<boolean> {
  const response = await page.goto(base + path, { waitUntil: "load" }).catch(() => null);
  if (!response) return false;
  await page.waitForLoadState("networkidle", { timeout: 3000 }).catch(() => undefined);
  return true;
}

export async function discoverForms(options: DiscoverOptions, browser?: Browser): Promise<FormTemplate[]> {
  const own = browser ? null : await launchChromium();
  const context = await (browser ?? own!).newContext({ viewport: { width: 1280, height: 800 } });
  await context.addCookies([
    // __Host- cookie: Secure, set for the https form of the URL (Chromium sends it to loopback http too).
    { ...options.cookie, url: options.base.replace(/^http:/, "https:"), secure: true, httpOnly: true, sameSite: "Lax" },
  ]);
  const page = await context.newPage();
  const skip = options.skip ?? /退出登录|登出|log ?out|sign ?out/i;
  const allow = options.allow ?? (() => true);
  const templates: FormTemplate[] = [];
  const seenForms = new Set<string>();
  const seenRequests = new Set<string>();
  const followUp = options.followUp ?? /识别|预览|下一步|继续/;
  const seenShapes = new Map<string, number>();
  const queue = [...options.start];
  const visited = new Set<string>();
  const log = options.log ?? (() => undefined);

  const take = async (screen: string, form: FormInfo, letThrough: boolean) => {
    const key = `${SHAPE(screen)}|${form.signature}`;
    if (seenForms.has(key) || skip.test(form.label)) return false;
    seenForms.add(key);
    const requests = await capture(
      page,
      () => fillAndSubmit(page, form.index),
      letThrough && followUp.test(form.label),
    );
    // Choosing a file may upload it at once (a request of its own) before the form is sent.
    for (const request of requests) {
      // One server action may serve several forms (create and edit): the form's fields tell them apart.
      const what = `${form.signature} ${request.method()} ${SHAPE(new URL(request.url()).pathname)} ${request.headers()["next-action"] ?? ""}`;
      if (seenRequests.has(what)) continue;
      seenRequests.add(what);
      templates.push(template(screen, form.label, request, form.hidden));
      log(`  form「${form.label}」on ${screen} → ${request.method()} ${new URL(request.url()).pathname}`);
    }
    return requests.length > 0;
  };

  try {
    while (queue.length && visited.size < (options.maxScreens ?? 40)) {
      const screen = queue.shift()!;
      const shape = SHAPE(screen);
      if (visited.has(screen) || (seenShapes.get(shape) ?? 0) >= (options.perShape ?? 3)) continue;
      visited.add(screen);
      seenShapes.set(shape, (seenShapes.get(shape) ?? 0) + 1);
      const screenStarted = Date.now();
      const found = templates.length;
      if (!(await open(page, options.base, screen))) continue;
      for (const href of await page.$$eval("a[href]", (links) => links.map((a) => a.getAttribute("href") ?? ""))) {
        if (!href.startsWith("/admin") || href.startsWith("//")) continue;
        const path = href.split("#")[0];
        if (allow(path) && !visited.has(path)) queue.push(path);
      }
      const forms = await formsOn(page);
      // Buttons outside forms that reveal one (confirmations of publish/delete, 取消下转链接; not a bare 取消, which closes one).
      const revealers = await page.$$eval('button[type="button"]', (buttons) =>
        buttons.map((b, i) => ({
          i,
          text: (b.textContent ?? "").trim(),
          inForm: Boolean(b.closest("form")),
          // Hidden buttons (another layout's, a closed menu's) cannot be clicked: waiting for them costs seconds each.
          visible: b.checkVisibility(),
        })),
      );
      for (const form of forms) {
        if (options.want && !options.want.test(form.label)) continue;
        await open(page, options.base, screen);
        const before = await formsOn(page);
        const current = before.find((f) => f.signature === form.signature) ?? form;
        if ((await take(screen, current, true)) && followUp.test(current.label)) {
          // A step that leads to another form (the paste flow's confirmation): capture that one too.
          for (const next of await formsOn(page).catch(() => [] as FormInfo[])) await take(screen, next, false);
        }
      }
      const revealing = revealers.filter(
        (r) => r.visible && !r.inForm && r.text && !/^取消$/.test(r.text) && (options.want?.test(r.text) ?? true),
      );
      // The screen is opened again only when a click changed it (a form shown, another URL, other buttons):
      // reader-like screens (previews) have many buttons that reveal nothing.
      const buttons = () =>
        page.$$eval('button[type="button"]', (all) => all.map((b) => (b.textContent ?? "").trim()).join("|"));
      let asOpened: string | null = null;
      for (const revealer of revealing.slice(0, 12)) {
        if (asOpened === null) {
          await open(page, options.base, screen);
          asOpened = `${page.url()} ${await buttons()}`;
        }
        const before = new Set((await formsOn(page)).map((f) => f.signature));
        // On a slow machine the button may be clicked before React has hydrated it: click again until the form shows.
        let revealed: FormInfo[] = [];
        for (let attempt = 0; attempt < (options.want ? 4 : 1) && !revealed.length; attempt++) {
          await page
            .locator('button[type="button"]')
            .nth(revealer.i)
            .click({ timeout: options.want ? 5000 : 2000 })
            .catch(() => undefined);
          const deadline = Date.now() + (options.want ? 3000 : 500);
          do {
            revealed = (await formsOn(page)).filter((f) => !before.has(f.signature));
            if (!revealed.length) await page.waitForTimeout(100);
          } while (!revealed.length && Date.now() < deadline);
        }
        const unchanged = !revealed.length && `${page.url()} ${await buttons().catch(() => "")}` === asOpened;
        if (!unchanged) asOpened = null;
        for (const form of revealed) await take(screen, { ...form, label: `${revealer.text} › ${form.label}` }, false);
      }
      // Uploads that start when a file is chosen (outside any form).
      const loose = page.locator('input[type="file"]');
      for (let i = 0; i < (options.want ? 0 : await loose.count()); i++) {
        await open(page, options.base, screen);
        const input = page.locator('input[type="file"]').nth(i);
        const where = await input
          .evaluate(
            (e) => ({
              inForm: Boolean(e.closest("form")),
              label: (e as HTMLInputElement).labels?.[0]?.textContent ?? e.id,
            }),
            undefined,
            { timeout: 2000 },
          )
          .catch(() => null);
        if (!where || where.inForm) continue;
        const label = where.label || "file";
        const key = `${shape}|upload|${label}`;
        if (seenForms.has(key)) continue;
        seenForms.add(key);
        for (const request of await capture(
          page,
          () => input.setInputFiles({ name: "page.png", mimeType: "image/png", buffer: SAMPLE_PNG }),
          false,
        )) {
          templates.push(template(screen, `上传：${label.trim()}`, request, []));
          log(`  upload「${label.trim()}」on ${screen} → ${request.method()} ${new URL(request.url()).pathname}`);
        }
      }
      log(
        `  screen ${screen}: ${templates.length - found} forms, ${((Date.now() - screenStarted) / 1000).toFixed(1)} s`,
      );
    }
  } finally {
    await context.close();
    await own?.close();
  }
  return templates;
}
