// Security headers on reader, admin and media responses (set by server.mjs),
// and no view logging a Content-Security-Policy violation in Chromium: the
// inline theme script and every Next.js script run under the nonce.
import type { Page, Response } from "@playwright/test";
import { expect, test } from "../admin/fixtures";

test.skip(({ isMobile }) => isMobile, "headers are the same at any size");

const COMMON = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
};

/** Collects CSP violations the page reports, from the DOM event and from the console. */
async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (execute|load|apply)/i.test(message.text()))
      violations.push(message.text());
  });
  await page.exposeFunction("__reportCspViolation", (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      (window as unknown as { __reportCspViolation: (text: string) => void }).__reportCspViolation(
        `${event.violatedDirective} ${event.blockedURI}`,
      );
    });
  });
  return violations;
}

/** Checks one HTML response: the common headers, and a nonce-only script policy that every <script> carries. */
async function checkPage(
  response: Response | null,
  url: string,
  status: number,
  frameAncestors: string,
  /** Asks again when the browser has dropped the body (the screen navigated on by itself, seen once in CI). */
  again?: () => Promise<{ text(): Promise<string>; headers(): Record<string, string> }>,
) {
  expect(response?.status(), url).toBe(status);
  const headers = response!.headers();
  expect(headers, url).toMatchObject(COMMON);
  expect(headers["permissions-policy"], url).toContain("camera=()");
  const csp = headers["content-security-policy"]!;
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(nonce, `${url}: ${csp}`).toBeTruthy();
  expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(csp, url).toContain(`frame-ancestors ${frameAncestors}`);
  // Every script in the document carries this response's nonce (cached pages too).
  let html: string;
  let expected = nonce;
  try {
    html = await response!.text();
  } catch (error) {
    if (!again) throw error;
    const second = await again();
    html = await second.text();
    expected = /'nonce-([^']+)'/.exec(second.headers()["content-security-policy"] ?? "")?.[1];
    expect(expected, url).toBeTruthy();
  }
  const tags = html.match(/<script\b[^>]*>/g) ?? [];
  expect(tags.length, url).toBeGreaterThan(0);
  for (const tag of tags) expect(tag, url).toContain(`nonce="${expected}"`);
  return nonce!;
}

test("reader views: nonce-only scripts, the reader's frame policy, nosniff, referrer and permissions policies, no CSP violation", async ({
  page,
  db,
}) => {
  // Twelve views, each waited on until the network is idle: 2 minutes on a loaded 2-core machine.
  test.setTimeout(300_000);
  const edition = await db.edition.findFirstOrThrow({
    where: { status: "PUBLISHED", publication: { isDefault: true }, pages: { some: { imageKey: { not: null } } } },
    orderBy: { issueDate: "desc" },
    include: { pages: { orderBy: { sortOrder: "asc" }, include: { articles: { orderBy: { sortOrder: "asc" } } } } },
  });
  const date = edition.issueDate.toISOString().slice(0, 10);
  const first = edition.pages.find((candidate) => candidate.imageKey && candidate.articles.length)!;
  const base = `/${date}/${first.code.toLowerCase()}`;
  const publication = await db.publication.findFirstOrThrow({ where: { isDefault: true } });
  const word = first.articles[0]!.title.slice(0, 2);
  const violations = await watchViolations(page);
  // Every kind of reader view: front, edition, page, article, full text, archive and its calendar, search,
  // 剪报 (clip), a paper's own front, and the 404 page.
  const views: [string, number][] = [
    ["/", 200],
    [`/${date}`, 200],
    [base, 200],
    [`${base}/1`, 200],
    [`${base}/1/full`, 200],
    ["/archive", 200],
    [`/archive/${date.slice(0, 7)}`, 200],
    [`/search?q=${encodeURIComponent(word)}`, 200],
    [`${base}/clip/0,0,300,200`, 200],
    [`/p/${publication.slug}`, 200],
    [`/p/${publication.slug}/search?q=${encodeURIComponent(word)}`, 200],
    ["/no-such-view-here", 404],
  ];
  const nonces = new Set<string>();
  for (const [url, status] of views) {
    nonces.add(await checkPage(await page.goto(url), url, status, "'self'"));
    await page.waitForLoadState("networkidle");
  }
  // A fresh nonce per response, even for the same cached page.
  expect(nonces.size).toBe(views.length);
  // Never a 304 for a page: the browser would keep the old HTML (old nonces) under the new policy, and no
  // script would run after a reload (seen: the page view came back 304 with a policy without the nonce).
  const revalidated = await page.request.get(base, { headers: { "If-None-Match": "*" } });
  expect(revalidated.status()).toBe(200);
  expect(revalidated.headers().etag).toBeUndefined();
  // Code loaded on first intent runs under the policy too: the deep zoom (z) on the page view.
  await page.goto(base);
  await page.waitForLoadState("networkidle");
  await checkPage(await page.reload(), `${base} (reload)`, 200, "'self'");
  await page.waitForLoadState("networkidle");
  await page.keyboard.press("z");
  await page.waitForLoadState("networkidle");
  // The inline theme script in <head> is among the nonced tags above; a blocked one would be reported here.
  expect(violations).toEqual([]);
});

test("images answered by reader routes open in Chromium's image viewer sandboxed and without a CSP violation", async ({
  page,
  db,
}) => {
  test.setTimeout(120_000);
  const edition = await db.edition.findFirstOrThrow({
    where: { status: "PUBLISHED", publication: { isDefault: true }, pages: { some: { imageKey: { not: null } } } },
    orderBy: { issueDate: "desc" },
    include: { pages: { orderBy: { sortOrder: "asc" }, include: { articles: { orderBy: { sortOrder: "asc" } } } } },
  });
  const first = edition.pages.find((candidate) => candidate.imageKey && candidate.articles.length)!;
  const base = `/${edition.issueDate.toISOString().slice(0, 10)}/${first.code.toLowerCase()}`;
  const violations = await watchViolations(page);
  // Opened on its own, an image is shown in a document of Chromium's, which styles its <img> inline: under the
  // policy of non-HTML answers (no style-src) each of those styles was refused — the reliability harness's 708
  // "CSP violations" were all this, on 分享海报 posters.
  for (const url of [
    `${base}/1/poster.png`,
    `${base}/1/card.jpg`,
    `${base}/card.jpg`,
    `${base}/clip/0,0,300,200/image`,
  ]) {
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(200);
    // The viewer styles the image again when the window changes size.
    await page.setViewportSize({ width: 900, height: 700 });
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.mouse.move(200, 200);
    await page.waitForTimeout(200);
    expect(violations, url).toEqual([]);
    const headers = response!.headers();
    expect(headers["content-type"], url).toMatch(/^image\//);
    expect(headers, url).toMatchObject(COMMON);
    // Nothing in an image document may run, whatever the image is (an SVG could carry script).
    expect(headers["content-security-policy"], url).toMatch(/default-src 'none'.*sandbox/);
    expect(headers["content-security-policy"], url).toContain("frame-ancestors 'self'");
  }
});

test("admin screens may not be framed at all, and run without CSP violations", async ({ page, admin, signIn, db }) => {
  test.setTimeout(90_000);
  const violations = await watchViolations(page);
  const login = await page.goto("/admin/login");
  expect(login!.headers()).toMatchObject({ ...COMMON, "x-frame-options": "DENY" });
  await checkPage(login, "/admin/login", 200, "'none'");
  await page.waitForLoadState("networkidle");
  await signIn(admin);
  const article = await db.article.findFirstOrThrow({
    where: { page: { edition: { status: "PUBLISHED" } } },
    include: { page: true },
    orderBy: { id: "asc" },
  });
  const edition = `/admin/editions/${article.page.editionId}`;
  const pageAdmin = `${edition}/pages/${article.pageId}`;
  // Every admin screen an admin can open.
  for (const url of [
    "/admin",
    "/admin/editions/new",
    edition,
    `${edition}/audit`,
    `${edition}/preview`,
    `${edition}/preview/${article.page.code.toLowerCase()}`,
    pageAdmin,
    `${pageAdmin}/paste`,
    `${pageAdmin}/articles/new`,
    `${pageAdmin}/articles/${article.id}`,
    "/admin/import",
    `/admin/search?q=${encodeURIComponent(article.title.slice(0, 2))}`,
    "/admin/publications",
    "/admin/users",
    "/admin/account",
  ]) {
    const response = await page.goto(url);
    expect(response!.headers()["x-frame-options"], url).toBe("DENY");
    await checkPage(response, url, 200, "'none'", () => page.request.get(url));
    await page.waitForLoadState("networkidle");
  }
  // Client-side navigation and a server action work under the policy too.
  await page.getByRole("link", { name: "期次" }).first().click();
  await expect(page).toHaveURL(/\/admin$/);
  expect(violations).toEqual([]);
});

test("stored files are sandboxed, never sniffed, and PDFs are downloads", async ({ page, db }) => {
  const withImage = await db.page.findFirstOrThrow({ where: { imageKey: { not: null } } });
  const image = await page.request.get(`/media/${withImage.imageKey}`);
  expect(image.status()).toBe(200);
  expect(image.headers()).toMatchObject(COMMON);
  expect(image.headers()["content-security-policy"]).toMatch(/default-src 'none'.*sandbox/);
  const withPdf = await db.page.findFirst({ where: { pdfKey: { not: null } } });
  if (withPdf) {
    const pdf = await page.request.get(`/media/${withPdf.pdfKey}`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()["content-disposition"]).toBe("attachment");
    expect(pdf.headers()["content-security-policy"]).toContain("sandbox");
  }
});
