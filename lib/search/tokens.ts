// How text is cut into search tokens. The database's search_vector() (migration
// *_search_documents) indexes the same runs at the same positions: runs of CJK
// characters become overlapping character bigrams plus the run's last
// character, runs of Latin letters and digits become whole words (at most 64
// characters), after NFKC normalisation and lower case. A run's tokens sit at
// start + 1, start + 2, … where start is the sum of (length + 1) of the runs
// before it; phrase queries rely on these distances. Change both together.

const RUN = /([\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+|[a-z0-9]{1,64})/gu;

export type Run = { text: string; start: number; latin: boolean };

/** Lower case and NFKC, one code point at a time, so offsets in the result are offsets in the input. */
export function normalizeChars(input: string): string[] {
  return Array.from(input, (char) => {
    const normalized = char.normalize("NFKC").toLowerCase();
    return Array.from(normalized).length === 1 ? normalized : char.toLowerCase();
  });
}

export function normalize(input: string): string {
  return normalizeChars(input).join("");
}

export function runsOf(input: string): Run[] {
  const runs: Run[] = [];
  let start = 0;
  for (const match of normalize(input).matchAll(RUN)) {
    const text = match[0];
    const length = Array.from(text).length;
    runs.push({ text, start, latin: /^[a-z0-9]/.test(text) });
    start += length + 1;
  }
  return runs;
}

export type Token = { lexeme: string; position: number; prefix?: boolean };

/** The tokens the index holds for a text (what search_vector() stores). */
export function indexTokens(input: string): Token[] {
  const tokens: Token[] = [];
  for (const run of runsOf(input)) {
    if (run.latin) {
      tokens.push({ lexeme: run.text, position: run.start + 1 });
      continue;
    }
    const chars = Array.from(run.text);
    for (let i = 1; i < chars.length; i++) tokens.push({ lexeme: chars[i - 1] + chars[i], position: run.start + i });
    tokens.push({ lexeme: chars.at(-1)!, position: run.start + chars.length });
  }
  return tokens;
}

/**
 * The tokens a query run must match, in order: a Latin word as it is, a CJK
 * run of two or more characters as its bigrams, a single CJK character as a
 * prefix (it then matches every bigram starting with it and a run's last character).
 */
export function queryTokens(run: Run): Token[] {
  if (run.latin) return [{ lexeme: run.text, position: run.start + 1 }];
  const chars = Array.from(run.text);
  if (chars.length === 1) return [{ lexeme: chars[0], position: run.start + 1, prefix: true }];
  return chars.slice(1).map((char, i) => ({ lexeme: chars[i] + char, position: run.start + i + 1 }));
}
