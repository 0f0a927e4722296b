// Reading what a reader typed into the search box. Several terms must all
// match; "a quoted phrase" must match as written; 标题:xxx looks in titles
// only and 作者:xxx in bylines. Anything else (punctuation, SQL or regex
// characters, an unpaired quote) is ignored rather than refused.
import { queryTokens, runsOf, type Run } from "./tokens";

export const SEARCH_LIMITS = {
  /** Characters of one query; longer ones get a message, not a search. */
  query: 200,
  /** Terms used from one query. */
  terms: 10,
  perPage: 20,
  /** Result pages a reader can go through (deep offsets cost the database more than they help). */
  pages: 50,
  /**
   * Matches ranked at most (= pages × perPage): a term matched by more is ranked among its newest this many
   * (lib/search/search.ts), and the count says "more than".
   */
  ranked: 1000,
} as const;

export type SearchField = "all" | "title" | "byline";

export type SearchTerm = {
  /** As typed, for showing the query back. */
  text: string;
  field: SearchField;
  phrase: boolean;
  runs: Run[];
};

export type ParsedQuery =
  | { ok: true; terms: SearchTerm[]; tsquery: string; needles: string[] }
  | { ok: false; empty: boolean; message: string };

const FIELDS: Record<string, SearchField> = { 标题: "title", title: "title", 作者: "byline", byline: "byline" };
const WEIGHT: Record<SearchField, string> = { all: "", title: "A", byline: "B" };

/** Curly and corner quotes count as straight ones. */
function straightenQuotes(input: string): string {
  return input.replace(/[“”„「」『』＂]/g, '"');
}

function splitTerms(input: string): { text: string; field: SearchField; phrase: boolean }[] {
  const terms: { text: string; field: SearchField; phrase: boolean }[] = [];
  const pattern = /(?:(标题|作者|title|byline)[:：])?(?:"([^"]*)"?|([^\s"]+))/giu;
  for (const match of straightenQuotes(input).matchAll(pattern)) {
    const field = match[1] ? FIELDS[match[1].toLowerCase()] : "all";
    if (match[2] !== undefined) terms.push({ text: match[2], field, phrase: true });
    else if (match[3] !== undefined) terms.push({ text: match[3], field, phrase: false });
  }
  return terms;
}

function lexeme(token: { lexeme: string; prefix?: boolean }, field: SearchField): string {
  // Tokens are CJK characters or [a-z0-9] only, so quoting cannot be broken out of.
  const marks = `${token.prefix ? "*" : ""}${WEIGHT[field]}`;
  return `'${token.lexeme}'${marks ? `:${marks}` : ""}`;
}

/** A run's tokens chained at their distances: the bigrams of 中国人民 become 中国 <-> 国人 <-> 人民. */
function chain(runs: Run[], field: SearchField): string {
  const tokens = runs.flatMap(queryTokens);
  let out = lexeme(tokens[0], field);
  for (let i = 1; i < tokens.length; i++) {
    const distance = tokens[i].position - tokens[i - 1].position;
    out += ` ${distance === 1 ? "<->" : `<${distance}>`} ${lexeme(tokens[i], field)}`;
  }
  return tokens.length > 1 ? `(${out})` : out;
}

export function termQuery(term: SearchTerm): string {
  // A phrase keeps its runs' distances; separate runs of one unquoted term (5G网络) each match somewhere.
  if (term.phrase) return chain(term.runs, term.field);
  return term.runs.map((run) => chain([run], term.field)).join(" & ");
}

export function parseQuery(input: string | null | undefined): ParsedQuery {
  const raw = (input ?? "").trim();
  if (!raw) return { ok: false, empty: true, message: "请输入要搜索的字词。" };
  if (Array.from(raw).length > SEARCH_LIMITS.query)
    return { ok: false, empty: false, message: `搜索词太长：最多 ${SEARCH_LIMITS.query} 个字。` };
  const terms = splitTerms(raw)
    .map((term) => ({ ...term, runs: runsOf(term.text) }))
    .filter((term) => term.runs.length > 0)
    .slice(0, SEARCH_LIMITS.terms);
  if (!terms.length) return { ok: false, empty: false, message: "没有可以搜索的字词：请输入汉字、字母或数字。" };
  const needles = [...new Set(terms.flatMap((term) => term.runs.map((run) => run.text)))];
  return { ok: true, terms, tsquery: terms.map(termQuery).join(" & "), needles };
}
