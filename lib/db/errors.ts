// Database errors by kind, read from Prisma's error code and PostgreSQL's
// SQLSTATE (never from message text), and what each means to an editor.
// Used by the admin's action helper (lib/admin/action.ts), the API route
// helper and the import, so the same refusal reads the same everywhere.

export type DbErrorKind =
  "unique" | "foreignKey" | "notFound" | "check" | "tooLong" | "outOfRange" | "badText" | "conflict" | "unavailable";

export type DbError = { kind: DbErrorKind; constraint: string | null; sqlState: string | null };

const PRISMA_CODES: Record<string, DbErrorKind> = {
  P2000: "tooLong",
  P2002: "unique",
  P2003: "foreignKey",
  P2001: "notFound",
  P2015: "notFound",
  P2018: "notFound",
  P2025: "notFound",
  P2020: "outOfRange",
  P2034: "conflict",
  P2028: "unavailable",
  P1001: "unavailable",
  P1002: "unavailable",
  P1008: "unavailable",
  P1017: "unavailable",
};

function kindOfSqlState(state: string): DbErrorKind | null {
  if (state === "23505") return "unique";
  if (state === "23503") return "foreignKey";
  if (state === "23514" || state === "23502" || state === "23P01") return "check";
  if (state === "22001") return "tooLong";
  if (state === "22003" || state === "22008" || state === "22007") return "outOfRange";
  if (state === "22021" || state === "22P05" || state === "22P02") return "badText";
  if (state === "40001" || state === "40P01" || state === "55P03") return "conflict";
  if (state.startsWith("08") || state === "57P01" || state === "57014" || state === "53300") return "unavailable";
  return null;
}

type Shape = {
  code?: unknown;
  constraint?: unknown;
  meta?: { driverAdapterError?: { cause?: Record<string, unknown> }; target?: unknown };
  cause?: unknown;
};

/** The kind of a database error, or null for anything that is not one (a bug, which should stay a 500). */
export function classifyDbError(error: unknown): DbError | null {
  if (!error || typeof error !== "object") return null;
  const shape = error as Shape;
  const cause = shape.meta?.driverAdapterError?.cause;
  const sqlState =
    typeof cause?.originalCode === "string"
      ? cause.originalCode
      : typeof cause?.code === "string"
        ? cause.code
        : // node-postgres errors (raw queries outside Prisma) carry the SQLSTATE as `code`.
          typeof shape.code === "string" && /^[0-9A-Z]{5}$/.test(shape.code)
          ? shape.code
          : null;
  const prismaKind = typeof shape.code === "string" ? PRISMA_CODES[shape.code] : undefined;
  const kind = (sqlState && kindOfSqlState(sqlState)) || prismaKind || null;
  if (!kind) return null;
  return { kind, constraint: constraintName(shape, cause), sqlState };
}

function constraintName(shape: Shape, cause: Record<string, unknown> | undefined): string | null {
  const index = (cause?.constraint as { index?: unknown } | undefined)?.index;
  if (typeof index === "string") return index;
  if (typeof shape.constraint === "string") return shape.constraint;
  const message = typeof cause?.originalMessage === "string" ? cause.originalMessage : "";
  return /constraint "([^"]+)"/.exec(message)?.[1] ?? null;
}

export function isDbError(error: unknown, kind: DbErrorKind, constraint?: string): boolean {
  const found = classifyDbError(error);
  return Boolean(found && found.kind === kind && (constraint === undefined || found.constraint === constraint));
}

/**
 * What a named constraint protects, said to the editor, and the form field it
 * belongs to. The database's own rules (prisma/migrations) are named here once.
 */
export const CONSTRAINT_MESSAGES: Record<string, { field: string; message: string }> = {
  editions_publication_id_issue_date_key: { field: "issueDate", message: "这一天已经有一期报纸了。" },
  editions_publication_id_fkey: { field: "publicationId", message: "所选报纸不存在（可能刚被删除）。" },
  pages_edition_id_lower_code_key: { field: "code", message: "本期已有这个版号（版号不区分大小写）。" },
  pages_edition_id_code_key: { field: "code", message: "本期已有这个版号。" },
  pages_code_format: { field: "code", message: "版号格式不对。" },
  pages_edition_id_fkey: { field: "editionId", message: "这一期已不存在（可能刚被删除）。" },
  articles_title_not_blank: { field: "title", message: "标题不能为空。" },
  articles_next_part_not_self: { field: "nextPartId", message: "文章不能接续它自己。" },
  articles_next_part_id_key: { field: "nextPartId", message: "这篇续篇已经接在另一篇文章之后。" },
  articles_next_part_id_fkey: { field: "nextPartId", message: "所选续篇已不存在（可能刚被删除）。" },
  articles_page_id_fkey: { field: "pageId", message: "这个版面已不存在（可能刚被删除）。" },
  articles_submission_key_key: { field: "form", message: "这份表单已经提交过了。" },
  publications_slug_key: { field: "slug", message: "这个代号已被使用。" },
  publications_one_default: { field: "isDefault", message: "只能有一份默认报纸，请重试。" },
  users_email_key: { field: "email", message: "这个邮箱已有账号。" },
};

export const DB_ERROR_MESSAGES: Record<DbErrorKind, string> = {
  unique: "与已有的内容重复，没有保存。",
  foreignKey: "引用的内容已不存在（可能刚被别人删除），没有保存。请刷新页面后重试。",
  notFound: "要修改的内容已不存在（可能刚被别人删除），没有保存。请刷新页面。",
  check: "内容不符合规则，没有保存。",
  tooLong: "有一项内容太长，没有保存。",
  outOfRange: "有一个数字或日期超出范围，没有保存。",
  badText: "内容含有无法保存的字符（例如不可见的控制字符），没有保存。",
  conflict: "有人同时在修改同一内容，没有保存。请再试一次。",
  unavailable: "数据库暂时无法连接，没有保存。请稍后再试。",
};

/** The editor-facing explanation of a database error: a field when the constraint names one, else the whole form. */
export function describeDbError(error: DbError): { field: string | null; message: string } {
  const known = error.constraint ? CONSTRAINT_MESSAGES[error.constraint] : undefined;
  if (known) return known;
  return { field: null, message: DB_ERROR_MESSAGES[error.kind] };
}

/** HTTP status for a database error answered by an API route. */
export function dbErrorStatus(kind: DbErrorKind): number {
  if (kind === "notFound") return 404;
  if (kind === "unique" || kind === "conflict") return 409;
  if (kind === "unavailable") return 503;
  return 422;
}
