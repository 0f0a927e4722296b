// The state every admin form's server action returns to useActionState, and
// the refusal lib's write functions throw for input they will not store.
import type { z } from "zod";
import type { Region } from "../content";
import { classifyDbError } from "../db/errors";
import { textLimitMessage } from "../limits";
import type { ContinuationSuggestion } from "./paste-suggestions";

export type FieldErrors = Partial<Record<string, string[]>>;

export type FormState = {
  ok?: boolean;
  message?: string;
  fieldErrors?: FieldErrors;
  /** What was submitted, so a failed save keeps the editor's input. */
  values?: Record<string, string>;
  /** Things the editor should know about a save that went through (e.g. a long paragraph that was split). */
  notes?: string[];
};

export const initialFormState: FormState = {};

/** Someone else saved in between: their version, kept next to the editor's own input. */
export type Conflict<Values> = { version: number; values: Values; savedBy: string; savedAt: string };

export type ArticleValues = { kicker: string; title: string; subtitle: string; byline: string; body: string };

/** State of an article save: a conflict carries the newer saved version next to the editor's own. */
export type ArticleFormState = FormState & { conflict?: Conflict<ArticleValues> };

export type EditionValues = { publication: string; issueDate: string; issueNumber: string };
export type EditionFormState = FormState & { conflict?: Conflict<EditionValues> };

export type PageValues = { code: string; name: string };
export type PageFormState = FormState & { conflict?: Conflict<PageValues> };

/** Regions by article id, as the region editor holds them. */
export type RegionsFormState = FormState & {
  version?: number;
  conflict?: Conflict<Record<string, Region[]>>;
};

export type PasteParseState = FormState & {
  parsed?: {
    values: ArticleValues;
    continuedTo: ContinuationSuggestion | null;
    continuedFrom: ContinuationSuggestion | null;
  };
};
export type PasteConfirmState = FormState;

export const INVALID_MESSAGE = "请修改标出的内容后再保存。";

/**
 * Input a write function will not store, with the reason on the field it
 * belongs to ("form" for the whole form). Thrown by lib/admin/*, answered by
 * the action helper as field errors and by API routes as a 400.
 */
export class InputError extends Error {
  constructor(
    readonly fieldErrors: FieldErrors,
    message = INVALID_MESSAGE,
  ) {
    super(message);
    this.name = "InputError";
  }

  static on(field: string, message: string, formMessage?: string): InputError {
    return new InputError({ [field]: [message] }, formMessage ?? (field === "form" ? message : INVALID_MESSAGE));
  }
}

/**
 * Checked in the browser before a form is sent: a text longer than its limit
 * is refused on its field at once (the server would refuse it too, and a text
 * far over the limit would be bigger than an action may receive).
 */
export function refuseOversized(
  formData: FormData,
  limits: Record<string, readonly [max: number, label: string]>,
): FormState | null {
  const fieldErrors: FieldErrors = {};
  for (const [name, [max, label]] of Object.entries(limits)) {
    const value = formData.get(name);
    if (typeof value === "string" && value.length > max)
      fieldErrors[name] = [`${textLimitMessage(label, max, value.length)}，请删减或分成几篇。`];
  }
  if (!Object.keys(fieldErrors).length) return null;
  return { message: INVALID_MESSAGE, fieldErrors, values: formValues(formData) };
}

export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string" && !key.startsWith("$ACTION")) values[key] = value;
  }
  return values;
}

export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "form");
    const list = (fieldErrors[key] ??= []);
    if (!list.includes(issue.message)) list.push(issue.message);
  }
  return fieldErrors;
}

export function invalid(error: z.ZodError, formData: FormData, message = INVALID_MESSAGE): FormState {
  return { message, fieldErrors: fieldErrorsOf(error), values: formValues(formData) };
}

/** Prisma's unique-constraint violation, by code (never by message text). */
export function isUniqueViolation(error: unknown): boolean {
  return classifyDbError(error)?.kind === "unique";
}

export function isNotFound(error: unknown): boolean {
  return classifyDbError(error)?.kind === "notFound";
}
