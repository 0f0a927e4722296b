// Text as stored, whatever it was copied from.

// Zero-width characters and the soft hyphen are invisible in every source and
// are dropped. A zero-width (non-)joiner stays only where it does something:
// inside an emoji sequence (👨‍👩‍👧) or between letters of a joining script
// such as Arabic or Mongolian.
const INVISIBLE =
  /([\p{Extended_Pictographic}\p{L}\p{M}][\uFE0F\u{1F3FB}-\u{1F3FF}]?)([\u200C\u200D])(?=([\p{Extended_Pictographic}\p{L}\p{M}]))|[\u200B-\u200D\u2060\uFEFF\u00AD]/gu;
const EMOJI = /\p{Extended_Pictographic}/u;
const LETTER = /[\p{L}\p{M}]/u;
const NON_JOINING_SCRIPT = /[\p{sc=Han}\p{sc=Latin}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}\p{sc=Bopomofo}]/u;
const joiningLetter = (char: string) => LETTER.test(char) && !NON_JOINING_SCRIPT.test(char);

/** Drops zero-width characters (U+200B–U+200D, U+2060, U+FEFF) and soft hyphens, except joiners that join. */
export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE, (_match, before?: string, joiner?: string, after?: string) => {
    if (before === undefined || joiner === undefined || after === undefined) return "";
    const base = [...before][0];
    const keep = (EMOJI.test(base) && EMOJI.test(after)) || (joiningLetter(base) && joiningLetter(after));
    return keep ? before + joiner : before;
  });
}
