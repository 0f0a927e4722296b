// The state every admin form's server action returns to useActionState.
import type { z } from "zod";

export type FormState = {
  ok?: boolean;
  message?: string;
  fieldErrors?: Partial<Record<string, string[]>>;
  /** What was submitted, so a failed save keeps the editor's input. */
  values?: Record<string, string>;
};

export const initialFormState: FormState = {};

export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string" && !key.startsWith("$ACTION")) values[key] = value;
  }
  return values;
}

export function invalid(error: z.ZodError, formData: FormData, message = "请修改标出的内容后再保存。"): FormState {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "form");
    (fieldErrors[key] ??= []).push(issue.message);
  }
  return { message, fieldErrors, values: formValues(formData) };
}

/** Prisma's unique-constraint violation, by code (never by message text). */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === "P2002";
}

export function isNotFound(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === "P2025";
}
