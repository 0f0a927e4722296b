// /api/v1 against its own OpenAPI document: the document is valid OpenAPI 3.1,
// and every answer (content and errors) matches the schema the document gives
// for that path and status. Published content only.
import { Validator } from "@seriousme/openapi-schema-validator";
import { Ajv2020 } from "ajv/dist/2020.js";
import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "./reader/fixtures";

type Doc = { paths: Record<string, { get: { responses: Record<string, unknown> } }> };

const pointer = (value: string) => value.replaceAll("~", "~0").replaceAll("/", "~1");

async function checker(request: APIRequestContext) {
  const response = await request.get("/api/v1/openapi.json");
  expect(response.status()).toBe(200);
  const doc = (await response.json()) as Doc;
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
  ajv.addSchema(doc, "openapi");
  /** Fetches `url`, expects `status`, and validates the body against the document's schema for `template`. */
  return async function check(template: string, url: string, status = 200) {
    const answer = await request.get(url);
    expect(answer.status(), url).toBe(status);
    expect(answer.headers()["content-type"]).toContain("application/json");
    expect(doc.paths[template]?.get.responses[String(status)], `${template} documents ${status}`).toBeTruthy();
    const validate = ajv.compile({
      $ref: `openapi#/paths/${pointer(template)}/get/responses/${status}/content/${pointer("application/json")}/schema`,
    });
    const body = await answer.json();
    expect(validate(body) ? [] : validate.errors, `${url} matches the OpenAPI document`).toEqual([]);
    return { body, headers: answer.headers() };
  };
}

test.describe("read-only JSON API", () => {
  test.skip(({ isMobile }) => isMobile, "server behaviour, once");

  test("the OpenAPI document is valid OpenAPI 3.1", async ({ request }) => {
    const doc = await (await request.get("/api/v1/openapi.json")).json();
    const result = await new Validator().validate(doc);
    expect(result.errors ?? [], "openapi schema errors").toEqual([]);
    expect(result.valid).toBe(true);
    expect(doc.openapi).toBe("3.1.0");
  });

  test("every answer matches the document; drafts are never served", async ({ request, latest, prisma }) => {
    const check = await checker(request);
    const { body: list } = await check("/api/v1/publications", "/api/v1/publications");
    expect(list.publications.map((p: { slug: string }) => p.slug)).toContain("haicheng");

    const editionsPath = "/api/v1/publications/{slug}/editions";
    const { body: editions, headers } = await check(
      editionsPath,
      `/api/v1/publications/haicheng/editions?from=2000-01-01&to=${latest.date}`,
    );
    expect(editions.editions[0].date).toBe(latest.date);
    // The same CDN policy as the reader's HTML views (s-maxage from the "reader" cache profile).
    expect(headers["cache-control"]).toMatch(/s-maxage=\d+/);
    await check(editionsPath, "/api/v1/publications/haicheng/editions");
    await check(editionsPath, "/api/v1/publications/haicheng/editions?from=yesterday", 400);
    await check(editionsPath, "/api/v1/publications/nope/editions", 404);

    const editionPath = "/api/v1/publications/{slug}/editions/{date}";
    const { body: edition } = await check(editionPath, `/api/v1/publications/haicheng/editions/${latest.date}`);
    expect(edition.pages.map((p: { code: string }) => p.code)).toEqual(latest.pages.map((p) => p.code));
    await check(editionPath, "/api/v1/publications/haicheng/editions/1990-01-01", 404);
    await check(editionPath, "/api/v1/publications/haicheng/editions/2024-13-45", 400);

    // A draft edition is not there for the API (one left by an interrupted run is replaced).
    const draftDate = new Date("1999-02-02T00:00:00Z");
    await prisma.edition.deleteMany({ where: { issueDate: draftDate, publication: { slug: "haicheng" } } });
    const draft = await prisma.edition.create({
      data: {
        publicationId: (await prisma.publication.findFirstOrThrow({ where: { slug: "haicheng" } })).id,
        issueDate: draftDate,
        issueNumber: 1,
        status: "DRAFT",
        pages: {
          create: { code: "a01", sortOrder: 1, name: "头版", articles: { create: { sortOrder: 1, title: "草稿" } } },
        },
      },
      include: { pages: { include: { articles: true } } },
    });
    await check(editionPath, "/api/v1/publications/haicheng/editions/1999-02-02", 404);

    const pagePath = "/api/v1/publications/{slug}/editions/{date}/pages/{page}";
    const first = latest.pages[0];
    const { body: page } = await check(
      pagePath,
      `/api/v1/publications/haicheng/editions/${latest.date}/pages/${first.code}`,
    );
    expect(page.articles.map((a: { title: string }) => a.title)).toEqual(first.articles.map((a) => a.title));
    expect(page.articles[0].regions.length).toBeGreaterThan(0);
    await check(pagePath, `/api/v1/publications/haicheng/editions/${latest.date}/pages/z99`, 404);

    const articlePath = "/api/v1/articles/{id}";
    const chained = latest.pages.flatMap((p) => p.articles).find((a) => a.nextPartId !== null)!;
    const { body: article } = await check(articlePath, `/api/v1/articles/${chained.id}`);
    expect(article.id).toBe(chained.id);
    expect(article.parts.length).toBeGreaterThan(1);
    // Asking for a later part answers with the whole article from its first part.
    const { body: fromPart } = await check(articlePath, `/api/v1/articles/${chained.nextPartId}`);
    expect(fromPart.id).toBe(chained.id);
    await check(articlePath, `/api/v1/articles/${draft.pages[0].articles[0].id}`, 404);
    await check(articlePath, "/api/v1/articles/abc", 400);
    await check(articlePath, "/api/v1/articles/999999999", 404);

    const searchPath = "/api/v1/search";
    const word = first.articles[0].title;
    const { body: results } = await check(
      searchPath,
      `/api/v1/search?q=${encodeURIComponent(`"${word}"`)}&date=${latest.date}`,
    );
    expect(results.results.map((r: { title: string }) => r.title)).toContain(word);
    expect(results.results[0].snippetHtml + results.results[0].titleHtml).toContain("<mark>");
    await check(searchPath, `/api/v1/search?q=${encodeURIComponent(word)}&sort=date&page=2`);
    await check(searchPath, "/api/v1/search?q=", 400);
    await check(searchPath, `/api/v1/search?q=${encodeURIComponent("，。！")}`, 400);
    await check(searchPath, `/api/v1/search?q=${encodeURIComponent("字".repeat(1000))}`, 400);
    await check(searchPath, `/api/v1/search?q=x&from=bad`, 400);
    await prisma.edition.delete({ where: { id: draft.id } });
  });
});
