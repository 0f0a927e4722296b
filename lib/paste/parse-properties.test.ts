// What the parser recognises in a known article must not change when the text
// arrives the way real sources deliver it: other spaces (non-breaking,
// ideographic, thin, en/em, tabs), zero-width characters anywhere, CR/CRLF
// line ends, trailing spaces, full-width or ASCII brackets, colons, digits.
// Seeded: the seed is printed with the test; fast-check's failure message
// gives the seed and path to replay. FC_SEED=<seed> repeats a run; FC_RUNS=<n>
// runs more cases (1000 by default).
import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import {
  BODIES,
  BYLINES,
  FROM_PLACEMENTS,
  NOTES_FROM,
  NOTES_TO,
  SOURCES,
  TITLES,
  TO_PLACEMENTS,
  expectedParse,
  renderPaste,
  type CorpusArticle,
  type Source,
} from "./corpus";
import { parsePastedArticle, type PastedArticle } from "./parse";

const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : Math.floor(Math.random() * 2 ** 31);
const numRuns = Number(process.env.FC_RUNS ?? 1000);

const SPACES = [" ", "\u00a0", "\u3000", "\u2009", "\u202f", "\t", "\u205f", ...range(0x2000, 0x200a)];
const ZERO_WIDTH = ["\u200b", "\ufeff", "\u200c", "\u200d", "\u2060", "\u00ad"];
/** What a line's indentation may become: one wide space or tab, or two and more narrower spaces. */
const INDENTS = [
  "\u3000\u3000",
  "\u3000",
  "\t",
  "  ",
  "    ",
  "\u00a0\u00a0",
  "\u2003\u2003",
  "\u2003",
  "\u2002\u2002",
  " \u3000",
];
const LINE_BREAKS = ["\n", "\r\n", "\r", "\u2028"];
const WIDTH_SWAPS: Record<string, string> = { "（": "(", "）": ")", "［": "[", "］": "]", "：": ":", "／": "/" };
for (const [full, ascii] of Object.entries(WIDTH_SWAPS)) WIDTH_SWAPS[ascii] = full;
for (let digit = 0; digit <= 9; digit++) {
  WIDTH_SWAPS[String(digit)] = String.fromCharCode(0xff10 + digit);
  WIDTH_SWAPS[String.fromCharCode(0xff10 + digit)] = String(digit);
}

function range(from: number, to: number): string[] {
  return Array.from({ length: to - from + 1 }, (_, index) => String.fromCharCode(from + index));
}

type Token = { kind: "indent" | "space" | "char" | "break"; text: string };

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  text.split("\n").forEach((line, index) => {
    if (index > 0) tokens.push({ kind: "break", text: "\n" });
    const indent = /^\s*/.exec(line)![0];
    if (indent) tokens.push({ kind: "indent", text: indent });
    for (const char of line.slice(indent.length)) tokens.push({ kind: /\s/.test(char) ? "space" : "char", text: char });
  });
  return tokens;
}

type Insert = { at: number; text: string };
type Edits = {
  lineBreak: string;
  bom: boolean;
  indents: string[];
  spaces: string[];
  invisible: Insert[];
  trailing: Insert[];
  /** Only in the loose property: spaces between two characters, and width swaps. */
  extraSpaces: Insert[];
  swaps: number[];
};

/** `text` as a source might deliver it: the same article, different characters. */
function disguise(text: string, edits: Edits): string {
  const tokens = tokenize(text).map((token) => ({ ...token }));
  const inserts: string[][] = Array.from({ length: tokens.length + 1 }, () => []);
  const replaceEach = (kind: Token["kind"], choices: string[]) => {
    tokens.filter((token) => token.kind === kind).forEach((token, k) => (token.text = choices[k % choices.length]));
  };
  if (edits.indents.length) replaceEach("indent", edits.indents);
  if (edits.spaces.length) replaceEach("space", edits.spaces);
  const slots = (keep: (index: number) => boolean) => inserts.map((_, index) => index).filter(keep);
  const insertAt = (candidates: number[], list: Insert[]) => {
    if (candidates.length) for (const { at, text } of list) inserts[candidates[at % candidates.length]].push(text);
  };
  insertAt(
    slots(() => true),
    edits.invisible,
  );
  insertAt(
    slots((index) => index === tokens.length || tokens[index].kind === "break"),
    edits.trailing,
  );
  insertAt(
    slots((index) => index > 0 && tokens[index - 1]?.kind === "char" && tokens[index]?.kind === "char"),
    edits.extraSpaces,
  );
  const swappable = tokens.filter((token) => token.kind === "char" && token.text in WIDTH_SWAPS);
  for (const k of edits.swaps) {
    if (!swappable.length) break;
    const token = swappable[k % swappable.length];
    token.text = WIDTH_SWAPS[token.text];
  }
  const body = tokens
    .map((token, index) => inserts[index].join("") + (token.kind === "break" ? edits.lineBreak : token.text))
    .join("");
  return (edits.bom ? "\ufeff" : "") + body + inserts[tokens.length].join("");
}

const run = (chars: string[], max = 3) =>
  fc.array(fc.constantFrom(...chars), { minLength: 1, maxLength: max }).map((list) => list.join(""));
const inserts = (chars: string[], maxLength: number) =>
  fc.array(fc.record({ at: fc.nat(), text: run(chars) }), { maxLength });

const articles: fc.Arbitrary<{ article: CorpusArticle; source: Source }> = fc.record({
  article: fc.record({
    title: fc.constantFrom(...TITLES),
    paragraphs: fc.constantFrom(...BODIES),
    byline: fc.option(fc.constantFrom(...BYLINES), { nil: null }),
    to: fc.option(
      fc
        .tuple(fc.constantFrom(...NOTES_TO), fc.constantFrom(...TO_PLACEMENTS))
        .map(([note, placement]) => ({ ...note, placement })),
      { nil: null },
    ),
    from: fc.option(
      fc
        .tuple(fc.constantFrom(...NOTES_FROM), fc.constantFrom(...FROM_PLACEMENTS))
        .map(([note, placement]) => ({ ...note, placement })),
      { nil: null },
    ),
  }),
  source: fc.constantFrom(...SOURCES),
});

const invisibleEdits = fc.record({
  lineBreak: fc.constantFrom(...LINE_BREAKS),
  bom: fc.boolean(),
  indents: fc.array(fc.constantFrom(...INDENTS), { maxLength: 4 }),
  spaces: fc.array(run(SPACES), { maxLength: 4 }),
  invisible: inserts(ZERO_WIDTH, 40),
  trailing: inserts([...SPACES, ...ZERO_WIDTH], 10),
  extraSpaces: fc.constant<Insert[]>([]),
  swaps: fc.constant<number[]>([]),
});

const visibleEdits = fc.record({
  lineBreak: fc.constantFrom(...LINE_BREAKS),
  bom: fc.boolean(),
  indents: fc.array(fc.constantFrom(...INDENTS), { maxLength: 4 }),
  spaces: fc.array(run(SPACES), { maxLength: 4 }),
  invisible: inserts(ZERO_WIDTH, 20),
  trailing: inserts([...SPACES, ...ZERO_WIDTH], 10),
  extraSpaces: inserts(SPACES, 40),
  swaps: fc.array(fc.nat(), { maxLength: 20 }),
});

/** Stored text is clean: no invisible characters, no space but single ordinary ones inside. */
function assertClean(result: PastedArticle): void {
  const texts = [result.title, result.byline ?? "", ...result.paragraphs];
  for (const note of [result.continuedTo, result.continuedFrom]) if (note) texts.push(note.text);
  for (const text of texts) {
    assert.doesNotMatch(text, /[\u200b-\u200d\u2060\ufeff\u00ad]/, `invisible character in ${JSON.stringify(text)}`);
    assert.doesNotMatch(text, /[^\S ]| {2}|^ | $/, `unclean spaces in ${JSON.stringify(text)}`);
  }
}

/** Equal up to spaces and the width of brackets, colons, digits and letters. */
function loosely(result: PastedArticle) {
  const fold = (text: string) => text.normalize("NFKC").replace(/\s+/g, "");
  const note = (found: PastedArticle["continuedTo"]) => found && { ...found, text: fold(found.text) };
  return {
    title: fold(result.title),
    byline: result.byline === null ? null : fold(result.byline),
    paragraphs: result.paragraphs.map(fold),
    continuedTo: note(result.continuedTo),
    continuedFrom: note(result.continuedFrom),
  };
}

function* coverage(): Generator<{ article: CorpusArticle; source: Source }> {
  const items: Partial<CorpusArticle>[] = [
    {},
    ...BYLINES.map((byline) => ({ byline })),
    ...NOTES_TO.flatMap((note) => TO_PLACEMENTS.map((placement) => ({ to: { ...note, placement } }))),
    ...NOTES_FROM.flatMap((note) => FROM_PLACEMENTS.map((placement) => ({ from: { ...note, placement } }))),
  ];
  let turn = 0;
  for (const source of SOURCES)
    for (const [index, paragraphs] of BODIES.entries())
      for (const item of items) {
        turn++;
        // The other parts rotate through their forms, and through "absent".
        const pick = <T>(list: T[]) =>
          turn % (list.length + 1) === list.length ? null : list[turn % (list.length + 1)];
        const to = pick(NOTES_TO);
        const from = pick(NOTES_FROM);
        const article: CorpusArticle = {
          title: TITLES[index],
          paragraphs,
          byline: pick(BYLINES),
          to: to && { ...to, placement: TO_PLACEMENTS[turn % TO_PLACEMENTS.length] },
          from: from && { ...from, placement: FROM_PLACEMENTS[turn % FROM_PLACEMENTS.length] },
          ...item,
        };
        yield { article, source };
      }
}

test("every article of the corpus, from every source, is recognised as built", () => {
  let count = 0;
  for (const { article, source } of coverage()) {
    const text = renderPaste(article, source);
    assert.deepEqual(parsePastedArticle(text), expectedParse(article), `${source}:\n${text}`);
    count++;
  }
  assert.ok(count > 1000);
});

test("other spaces, zero-width characters and line ends change nothing that is recognised", (t) => {
  t.diagnostic(`fast-check seed ${seed} (FC_SEED=${seed} repeats this run)`);
  fc.assert(
    fc.property(articles, invisibleEdits, ({ article, source }, edits) => {
      const text = disguise(renderPaste(article, source), edits);
      const result = parsePastedArticle(text);
      assert.deepEqual(result, expectedParse(article), JSON.stringify(text));
      assertClean(result);
    }),
    { seed, numRuns },
  );
});

test("extra spaces anywhere inside lines and full-width/ASCII forms change only spacing and width", (t) => {
  t.diagnostic(`fast-check seed ${seed} (FC_SEED=${seed} repeats this run)`);
  fc.assert(
    fc.property(articles, visibleEdits, ({ article, source }, edits) => {
      const text = disguise(renderPaste(article, source), edits);
      const result = parsePastedArticle(text);
      assert.deepEqual(loosely(result), loosely(expectedParse(article)), JSON.stringify(text));
      assertClean(result);
    }),
    { seed, numRuns },
  );
});

test("the disguises really change the text", () => {
  // Guards the properties above against a disguise() that silently does nothing.
  const article: CorpusArticle = { title: TITLES[0], paragraphs: BODIES[0], byline: BYLINES[0], to: null, from: null };
  const text = renderPaste(article, "layout");
  const disguised = disguise(text, {
    lineBreak: "\r\n",
    bom: true,
    indents: ["\t"],
    spaces: ["\u00a0\u2009"],
    invisible: [{ at: 5, text: "\u200b" }],
    trailing: [{ at: 0, text: "\u3000" }],
    extraSpaces: [{ at: 3, text: " " }],
    swaps: [0],
  });
  assert.notEqual(disguised, text);
  for (const expected of ["\r\n", "\ufeff", "\t", "\u00a0\u2009", "\u200b", "\u3000\r\n"])
    assert.ok(disguised.includes(expected));
  assert.ok(/[０-９]/.test(disguised), "a digit was swapped to full width");
});
