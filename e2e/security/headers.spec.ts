// Security headers on reader, admin and media responses (set by server.mjs),
// and no view logging a Content-Security-Policy violation in Chromium: the
// inline theme script and every Next.js script run under the nonce.
import type { Page } from "@playwright/test";
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

test("reader pages: nonce-only scripts, the reader's frame policy, nosniff, referrer and permissions policies", async ({
  page,
  db,
}) => {
  const edition = await db.edition.findFirstOrThrow({
    where: { status: "PUBLISHED", publication: { isDefault: true } },
    orderBy: { issueDate: "desc" },
    include: { pages: { orderBy: { sortOrder: "asc" }, include: { articles: true } } },
  });
  const date = edition.issueDate.toISOString().slice(0, 10);
  const first = edition.pages[0]!;
  const violations = await watchViolations(page);
  const urls = ["/", `/${date}/${first.code.toLowerCase()}`, "/archive"];
  if (first.articles[0]) urls.push(`/${date}/${first.code.toLowerCase()}/1`);
  const nonces = new Set<string>();
  for (const url of urls) {
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(200);
    const headers = response!.headers();
    expect(headers, url).toMatchObject(COMMON);
    expect(headers["permissions-policy"], url).toContain("camera=()");
    const csp = headers["content-security-policy"]!;
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce, `${url}: ${csp}`).toBeTruthy();
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(csp).toContain("frame-ancestors 'self'");
    nonces.add(nonce!);
    // Every script in the document carries this response's nonce (cached pages too).
    const html = await response!.text();
    const tags = html.match(/<script\b[^>]*>/g) ?? [];
    expect(tags.length).toBeGreaterThan(0);
    for (const tag of tags) expect(tag, url).toContain(`nonce="${nonce}"`);
    await page.waitForLoadState("networkidle");
  }
  // A fresh nonce per response, even for the same cached page.
  expect(nonces.size).toBe(urls.length);
  // The inline theme script in <head> is among the nonced tags above; a blocked one would be reported here.
  expect(violations).toEqual([]);
});

test("admin pages may not be framed at all, and run without CSP violations", async ({ page, editor, signIn, db }) => {
  const violations = await watchViolations(page);
  const login = await page.goto("/admin/login");
  expect(login!.headers()).toMatchObject({ ...COMMON, "x-frame-options": "DENY" });
  expect(login!.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  await signIn(editor);
  const article = await db.article.findFirstOrThrow({ include: { page: true }, orderBy: { id: "asc" } });
  for (const url of [
    "/admin",
    `/admin/editions/${article.page.editionId}`,
    `/admin/editions/${article.page.editionId}/pages/${article.pageId}`,
    `/admin/editions/${article.page.editionId}/pages/${article.pageId}/articles/${article.id}`,
    "/admin/account",
  ]) {
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(200);
    expect(response!.headers()["content-security-policy"], url).toContain("frame-ancestors 'none'");
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
