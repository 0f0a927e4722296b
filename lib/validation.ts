// Building blocks of every schema that checks text before it is stored: the
// admin forms, the import manifest and the API use these, so a value one path
// accepts is a value every other path (and the database) accepts too.
import { z } from "zod";
import { textLimitMessage } from "./limits";
import { stripInvisible } from "./text";

// Editors read validation messages: zod's own ones in Chinese too, for the
// cases a schema does not word itself (a field missing from a forged request).
z.config(z.locales.zhCN());
z.config({
  customError: (issue) =>
    issue.code === "invalid_type" && issue.input === undefined
      ? "缺少这一项"
      : issue.code === "invalid_type"
        ? "格式不对"
        : undefined,
});

// Control characters other than tab and line breaks have no place in a
// newspaper's text; PostgreSQL refuses NUL outright. Word's line break (\v)
// and PDF page breaks (\f) become line breaks.
const CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f]/g;

/**
 * Text as it may be stored: no NUL or other control characters, no zero-width
 * characters (the paste's rule, lib/text.ts); CRLF, CR, \v and \f become \n.
 */
export function cleanText(value: string): string {
  return stripInvisible(value.replace(/\r\n?|[\v\f\u2028\u2029]/g, "\n")).replace(CONTROL, "");
}

/** One line of text (title, name…): control characters removed, line breaks and tabs become spaces, trimmed. */
export function cleanLine(value: string): string {
  return cleanText(value)
    .replace(/[\n\t]+/g, " ")
    .trim();
}

/** A required one-line field of at most `max` characters. */
export function requiredLine(max: number, label: string, emptyMessage = `请填写${label}`) {
  return z
    .string({ message: emptyMessage })
    .transform(cleanLine)
    .pipe(z.string().min(1, emptyMessage).max(max, textLimitMessage(label, max)));
}

/** An optional one-line field: empty becomes null. */
export function optionalLine(max: number, label: string) {
  return z
    .string({ message: `${label}格式不对` })
    .transform(cleanLine)
    .pipe(z.string().max(max, textLimitMessage(label, max)))
    .transform((value) => value || null);
}

/** Text with line breaks (a body, a description), at most `max` characters. */
export function multiLine(max: number, label: string) {
  return z
    .string({ message: `${label}格式不对` })
    .transform(cleanText)
    .pipe(z.string().max(max, textLimitMessage(label, max)));
}

export { z };
