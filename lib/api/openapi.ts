// The OpenAPI 3.1 description of /api/v1 (served at /api/v1/openapi.json).
// e2e/api.spec.ts validates the document itself and every answer against it,
// so a change to lib/api/v1.ts that is not made here fails the tests.
import { LIMITS } from "../limits";
import { SEARCH_LIMITS } from "../search/query";
import { MAX_EDITIONS } from "./v1-limits";

const string = { type: "string" } as const;
const nullableString = { type: ["string", "null"] } as const;
const integer = { type: "integer" } as const;
const date = { type: "string", format: "date", pattern: "^\\d{4}-\\d{2}-\\d{2}$" } as const;
const path = { type: "string", pattern: "^/" } as const;
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

const object = (properties: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  type: "object",
  additionalProperties: false,
  required: Object.keys(properties),
  properties,
  ...extra,
});

const json = (schema: unknown) => ({ "application/json": { schema } });
const ok = (description: string, schema: unknown) => ({ description, content: json(schema) });
const errors = {
  "400": ok("请求参数有误", ref("Error")),
  "404": ok("不存在或未出版", ref("Error")),
};

const slugParam = { name: "slug", in: "path", required: true, schema: { type: "string", maxLength: 64 } };
const dateParam = { name: "date", in: "path", required: true, schema: date };

export const openApiDocument = {
  openapi: "3.1.0",
  info: {
    title: "Banmian 版面 read-only API",
    version: "1.0.0",
    description:
      "已出版的报纸内容（报纸、期次、版面、文章、搜索），只读。草稿永远不会出现。URL 为站内路径；缓存策略与阅读页面相同。",
  },
  servers: [{ url: "/" }],
  paths: {
    "/api/v1/publications": {
      get: {
        operationId: "listPublications",
        summary: "所有报纸",
        responses: { "200": ok("报纸列表", object({ publications: { type: "array", items: ref("Publication") } })) },
      },
    },
    "/api/v1/publications/{slug}/editions": {
      get: {
        operationId: "listEditions",
        summary: "按日期范围列出已出版的期次（新的在前）；不给范围时为最新 30 期",
        parameters: [slugParam, { name: "from", in: "query", schema: date }, { name: "to", in: "query", schema: date }],
        responses: { "200": ok("期次列表", ref("EditionList")), ...errors },
      },
    },
    "/api/v1/publications/{slug}/editions/{date}": {
      get: {
        operationId: "getEdition",
        summary: "一期报纸及其各版",
        parameters: [slugParam, dateParam],
        responses: { "200": ok("一期", ref("Edition")), ...errors },
      },
    },
    "/api/v1/publications/{slug}/editions/{date}/pages/{page}": {
      get: {
        operationId: "getPage",
        summary: "一个版面：文章与其在版面图上的区域",
        parameters: [
          slugParam,
          dateParam,
          { name: "page", in: "path", required: true, schema: { type: "string", maxLength: LIMITS.page.code } },
        ],
        responses: { "200": ok("版面", ref("Page")), ...errors },
      },
    },
    "/api/v1/articles/{id}": {
      get: {
        operationId: "getArticle",
        summary: "一篇文章，含跨版转接的全部部分（任一部分的编号均可）",
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "string", pattern: "^\\d{1,9}$" } }],
        responses: { "200": ok("文章", ref("Article")), ...errors },
      },
    },
    "/api/v1/search": {
      get: {
        operationId: "search",
        summary: "全文搜索已出版的文章",
        description: '多个词须同时出现；"引号"内为短语；标题:词 只搜标题；作者:词 只搜作者。跨版转接的文章算一篇。',
        parameters: [
          { name: "q", in: "query", required: true, schema: { type: "string", maxLength: SEARCH_LIMITS.query } },
          { name: "from", in: "query", schema: date },
          { name: "to", in: "query", schema: date },
          { name: "date", in: "query", description: "只搜这一天的一期", schema: date },
          { name: "pub", in: "query", description: "报纸 slug", schema: string },
          { name: "ban", in: "query", description: "版名", schema: string },
          { name: "sort", in: "query", schema: { enum: ["relevance", "date"] } },
          {
            name: "page",
            in: "query",
            schema: { type: "integer", minimum: 1, maximum: SEARCH_LIMITS.pages },
          },
        ],
        responses: { "200": ok("搜索结果", ref("SearchResults")), "400": errors["400"] },
      },
    },
  },
  components: {
    schemas: {
      Error: object({ error: string }),
      PublicationRef: object({ slug: string, name: string }),
      Publication: object({
        slug: string,
        name: string,
        description: string,
        isDefault: { type: "boolean" },
        readerUrl: path,
        editionsUrl: path,
      }),
      EditionList: object({
        publication: ref("PublicationRef"),
        from: { type: ["string", "null"] },
        to: { type: ["string", "null"] },
        editions: {
          type: "array",
          maxItems: MAX_EDITIONS,
          items: object({ date, issueNumber: integer, url: path, readerUrl: path }),
        },
      }),
      Image: {
        type: ["object", "null"],
        additionalProperties: false,
        required: ["src", "width", "height"],
        properties: { src: path, width: integer, height: integer },
      },
      Edition: object({
        publication: ref("PublicationRef"),
        date,
        issueNumber: integer,
        readerUrl: path,
        pages: {
          type: "array",
          items: object({
            code: string,
            name: string,
            url: path,
            readerUrl: path,
            image: ref("Image"),
            pdfUrl: nullableString,
            articleCount: integer,
          }),
        },
      }),
      Region: {
        oneOf: [
          object({
            type: { const: "rect" },
            x: { type: "number" },
            y: { type: "number" },
            w: { type: "number" },
            h: { type: "number" },
          }),
          object({
            type: { const: "polygon" },
            points: {
              type: "array",
              items: { type: "array", items: { type: "number" }, minItems: 2, maxItems: 2 },
            },
          }),
        ],
      },
      ArticleSummary: object({
        id: integer,
        position: integer,
        kicker: nullableString,
        title: string,
        subtitle: nullableString,
        byline: nullableString,
        lead: string,
        regions: { type: "array", items: ref("Region") },
        nextPartId: { type: ["integer", "null"] },
        url: path,
        readerUrl: path,
      }),
      Page: object({
        publication: ref("PublicationRef"),
        date,
        issueNumber: integer,
        code: string,
        name: string,
        readerUrl: path,
        image: ref("Image"),
        pdfUrl: nullableString,
        articles: { type: "array", items: ref("ArticleSummary") },
      }),
      Block: {
        oneOf: [
          object({ type: { enum: ["paragraph", "subhead"] }, text: string }),
          object({ type: { const: "image" }, src: path, caption: string, width: integer, height: integer }),
        ],
      },
      Article: object({
        publication: ref("PublicationRef"),
        date,
        issueNumber: integer,
        id: integer,
        kicker: nullableString,
        title: string,
        subtitle: nullableString,
        byline: nullableString,
        readerUrl: path,
        parts: {
          type: "array",
          minItems: 1,
          items: object({
            id: integer,
            pageCode: string,
            pageName: string,
            position: integer,
            regions: { type: "array", items: ref("Region") },
            readerUrl: path,
            body: { type: "array", items: ref("Block") },
          }),
        },
      }),
      SearchResults: object({
        query: string,
        total: { ...integer, description: "找到的文章数；more 为 true 时表示“至少这么多”" },
        more: {
          type: "boolean",
          description: `超过 ${SEARCH_LIMITS.ranked} 篇时为 true：只列出最新的 ${SEARCH_LIMITS.ranked} 篇（按所选方式排序）`,
        },
        page: integer,
        pages: integer,
        perPage: integer,
        next: { type: ["string", "null"] },
        results: {
          type: "array",
          maxItems: SEARCH_LIMITS.perPage,
          items: object({
            id: integer,
            title: string,
            titleHtml: { type: "string", description: "标题，搜索词以 <mark> 标出，其余已转义" },
            byline: string,
            publication: ref("PublicationRef"),
            date,
            pageCode: string,
            pageName: string,
            snippetHtml: { type: "string", description: "正文摘录，搜索词以 <mark> 标出，其余已转义" },
            url: path,
            readerUrl: path,
          }),
        },
      }),
    },
  },
} as const;
