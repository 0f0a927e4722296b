// The search form's URL parameters, read once for the reader's /search, the
// admin's /admin/search and GET /api/v1/search. Anything malformed is dropped
// (and named in `ignored`), never an error page.
import { parseUrlDate, type IsoDate } from "../reading/dates";
import { SEARCH_LIMITS } from "./query";

export type SearchSort = "relevance" | "date";

export type SearchParams = {
  q: string;
  /** Issue dates from/to, inclusive. */
  from: IsoDate | null;
  to: IsoDate | null;
  /** One edition: its issue date (with the publication). */
  date: IsoDate | null;
  /** Publication slug. */
  publication: string | null;
  /** 版名, e.g. 要闻. */
  pageName: string | null;
  sort: SearchSort;
  page: number;
  /** Parameters that were given but could not be used. */
  ignored: string[];
};

type Source = URLSearchParams | Record<string, string | string[] | undefined>;

function getter(source: Source): (name: string) => string | null {
  if (source instanceof URLSearchParams) return (name) => source.get(name);
  return (name) => {
    const value = source[name];
    return (Array.isArray(value) ? value[0] : value) ?? null;
  };
}

export function readSearchParams(source: Source): SearchParams {
  const get = getter(source);
  const ignored: string[] = [];
  const date = (name: string): IsoDate | null => {
    const value = get(name)?.trim();
    if (!value) return null;
    const parsed = parseUrlDate(value.slice(0, 20));
    if (!parsed) ignored.push(name);
    return parsed?.date ?? null;
  };
  const text = (name: string, max: number): string | null => {
    const value = get(name)?.trim();
    if (!value) return null;
    if (value.length > max || value.includes("\0")) {
      ignored.push(name);
      return null;
    }
    return value;
  };
  const sortValue = get("sort");
  const pageValue = get("page");
  let page = 1;
  if (pageValue) {
    if (/^\d{1,4}$/.test(pageValue) && Number(pageValue) >= 1) page = Math.min(Number(pageValue), SEARCH_LIMITS.pages);
    else ignored.push("page");
  }
  return {
    q: (get("q") ?? "").slice(0, 2000),
    from: date("from"),
    to: date("to"),
    date: date("date"),
    publication: text("pub", 64),
    pageName: text("ban", 100),
    sort: sortValue === "date" ? "date" : "relevance",
    page,
    ignored,
  };
}

/** The query string of a search, for links to other result pages and back to the results. */
export function searchQueryString(params: Partial<SearchParams>, overrides: Partial<SearchParams> = {}): string {
  const merged = { ...params, ...overrides };
  const query = new URLSearchParams();
  if (merged.q) query.set("q", merged.q);
  if (merged.from) query.set("from", merged.from);
  if (merged.to) query.set("to", merged.to);
  if (merged.date) query.set("date", merged.date);
  if (merged.publication) query.set("pub", merged.publication);
  if (merged.pageName) query.set("ban", merged.pageName);
  if (merged.sort === "date") query.set("sort", "date");
  if (merged.page && merged.page > 1) query.set("page", String(merged.page));
  return query.toString();
}
