// The one password rule (ASVS 2.1): at least 12 characters and not easy to
// guess, judged by zxcvbn-ts with its common-password and keyboard lists.
// Used by account creation (CLI and /admin/users), password resets and the
// editor's own password change.
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary } from "@zxcvbn-ts/language-common";
import { z } from "zod";

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 200;
/** zxcvbn's score from 0 (guessed at once) to 4; 3 means "safely unguessable" for an online attack with throttling. */
const MIN_SCORE = 3;
/** Words every Banmian password list would try first. */
const PRODUCT_WORDS = ["banmian", "版面", "newspaper", "epaper", "editor", "admin"];

let estimator: ZxcvbnFactory | undefined;
function zxcvbn(): ZxcvbnFactory {
  // The dictionaries are large: loaded on the first check, not at import.
  estimator ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });
  return estimator;
}

const WARNINGS: Record<string, string> = {
  similarToCommon: "这个密码和常见密码太像。",
  commonPasswords: "这是常见密码。",
  topTen: "这是最常见的密码之一。",
  topHundred: "这是很常见的密码。",
  sequences: "连续的字母或数字（如 abcd、1234）很容易被猜到。",
  straightRow: "键盘上连着的一排键很容易被猜到。",
  keyPattern: "键盘上的规律很容易被猜到。",
  simpleRepeat: "重复的字符（如 aaa）很容易被猜到。",
  extendedRepeat: "重复的片段（如 abcabc）很容易被猜到。",
  dates: "日期很容易被猜到。",
  recentYears: "年份很容易被猜到。",
  userInputs: "密码里不要用姓名、邮箱或产品名。",
};

/** Why `password` is refused, or null when it is acceptable. `userInputs` are the account's own words (email, name). */
export function passwordWeakness(password: string, userInputs: string[] = []): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `密码至少 ${MIN_PASSWORD_LENGTH} 个字符。`;
  if (password.length > MAX_PASSWORD_LENGTH) return `密码最多 ${MAX_PASSWORD_LENGTH} 个字符。`;
  const inputs = [...PRODUCT_WORDS, ...userInputs.flatMap((input) => [input, ...input.split(/[@.\s]+/)])].filter(
    (input) => input.length >= 3,
  );
  const result = zxcvbn().check(password, inputs);
  if (result.score >= MIN_SCORE) return null;
  const warning = result.feedback.warning ? WARNINGS[result.feedback.warning] : undefined;
  return `${warning ?? "这个密码太容易被猜到。"}请换一个更长、更不常见的密码，例如几个不相关的词连在一起。`;
}

/** A new password as a form field; the check against the account's own words is added by `refineNewPassword`. */
export const newPasswordField = z
  .string()
  .max(MAX_PASSWORD_LENGTH, `密码最多 ${MAX_PASSWORD_LENGTH} 个字符。`)
  .superRefine((password, context) => {
    const problem = passwordWeakness(password);
    if (problem) context.addIssue({ code: "custom", message: problem });
  });

/** Refuses a password built from the account's own email or name (zxcvbn's user inputs). */
export function checkPasswordAgainst(
  password: string,
  userInputs: string[],
  context: z.RefinementCtx,
  field = "password",
): void {
  // Length and common-password problems are reported by the field itself.
  if (passwordWeakness(password) !== null) return;
  const problem = passwordWeakness(password, userInputs);
  if (problem) context.addIssue({ code: "custom", path: [field], message: problem });
}
