// The admin's URL scheme, in one place (the reader's is lib/reading/urls.ts):
//   /admin                                                 期次 list
//   /admin/editions/new                                    新建期次
//   /admin/editions/{id}[/audit|/preview[/{page}[/{n}]]]   one edition
//   /admin/editions/{id}/pages/{pageId}[/paste|/articles/new|/articles/{articleId}]
//   /admin/search?q=…                                      search, drafts included
//   /admin/import, /admin/publications, /admin/users, /admin/account, /admin/login, /admin/forbidden
//   /api/admin/pages/{pageId}/image, /api/admin/articles/{articleId}/image, /api/admin/import
import { urlPageCode } from "../reading/page-codes";

export const adminUrls = {
  home: "/admin",
  newEdition: "/admin/editions/new",
  import: "/admin/import",
  search: "/admin/search",
  publications: "/admin/publications",
  users: "/admin/users",
  account: "/admin/account",
  login: "/admin/login",
  forbidden: "/admin/forbidden",

  edition: (editionId: number) => `/admin/editions/${editionId}`,
  audit: (editionId: number) => `/admin/editions/${editionId}/audit`,
  /** The draft as readers will see it; links inside the preview stay under this base. */
  preview: (editionId: number) => `/admin/editions/${editionId}/preview`,
  previewPage: (editionId: number, code: string) => `/admin/editions/${editionId}/preview/${urlPageCode(code)}`,

  page: (editionId: number, pageId: number) => `/admin/editions/${editionId}/pages/${pageId}`,
  paste: (editionId: number, pageId: number) => `/admin/editions/${editionId}/pages/${pageId}/paste`,
  /** The paste screen starting from text block `block` of the page's PDF text layer. */
  pasteFromBlock: (editionId: number, pageId: number, block: number) =>
    `/admin/editions/${editionId}/pages/${pageId}/paste?block=${block}`,
  newArticle: (editionId: number, pageId: number) => `/admin/editions/${editionId}/pages/${pageId}/articles/new`,
  article: (editionId: number, pageId: number, articleId: number) =>
    `/admin/editions/${editionId}/pages/${pageId}/articles/${articleId}`,

  api: {
    /** `eachPage`: a PDF of several pages becomes one 版 per page. */
    pageImage: (pageId: number, eachPage = false) => `/api/admin/pages/${pageId}/image${eachPage ? "?pages=each" : ""}`,
    articleImage: (articleId: number) => `/api/admin/articles/${articleId}/image`,
    import: "/api/admin/import",
  },
} as const;

/** The outcome of an action that redirected, shown by the target screen's Notice (components/admin/notice.tsx). */
export type NoticeCode =
  | "published"
  | "unpublished"
  | "already-published"
  | "already-draft"
  | "page-deleted"
  | "edition-deleted"
  | "edition-missing"
  | "article-deleted"
  | "article-created"
  | "article-split"
  | "preview-empty";

export function withNotice(path: string, notice: NoticeCode): string {
  return `${path}${path.includes("?") ? "&" : "?"}notice=${notice}`;
}
