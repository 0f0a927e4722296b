// The core of the admin's action helper (lib/admin/action.ts) without the
// session check, so it can be tested on its own: parsing into field errors,
// and every expected failure (refused input, database constraints, a row
// deleted in the meantime, a write conflict, the database being unreachable)
// turned into a Chinese message on the right field.
import type { z } from "zod";
import type { SessionUser } from "../auth/sessions";
import type { PrismaClient } from "../db/client";
import { classifyDbError, dbErrorStatus, describeDbError } from "../db/errors";
import { fieldErrorsOf, formValues, INVALID_MESSAGE, InputError, type FormState } from "./form-state";
import { UploadError } from "./upload-error";

export type ActionContext<State> = { user: SessionUser; db: PrismaClient; formData: FormData; previous: State };

export type ActionOptions = {
  /** Only users with this role may run the action (admins may run everything). */
  role?: "ADMIN" | "EDITOR";
  /** The form-level message when the input does not parse. */
  invalidMessage?: string;
  /** Form fields never sent back to the browser (passwords). */
  secretFields?: string[];
};

export type Run<Schema extends z.ZodType, State> = (
  input: z.output<Schema>,
  context: ActionContext<State>,
) => Promise<State>;

export type RouteContext<Params> = { user: SessionUser; db: PrismaClient; params: Params };

/** The part of adminAction after the session check; exported for the tests, which supply user and database. */
export async function handleForm<Schema extends z.ZodType, State extends FormState>(
  schema: Schema,
  run: Run<Schema, State>,
  context: ActionContext<State>,
  options: ActionOptions = {},
): Promise<State> {
  const { formData } = context;
  if (!(formData instanceof FormData)) return { message: "表单数据无效，请刷新页面后重试。" } as State;
  const values = () => {
    const all = formValues(formData);
    for (const field of options.secretFields ?? []) delete all[field];
    return all;
  };
  const parsed = schema.safeParse(formInput(formData));
  if (!parsed.success) {
    return {
      message: options.invalidMessage ?? INVALID_MESSAGE,
      fieldErrors: fieldErrorsOf(parsed.error),
      values: values(),
    } as State;
  }
  try {
    return await run(parsed.data, context);
  } catch (error) {
    // Only known refusals are answered here; anything else (Next.js's redirect()
    // and notFound(), which are thrown on purpose, and bugs) is thrown on.
    const state = refusalState(error);
    if (!state) throw error;
    return { ...state, values: values() } as State;
  }
}

/** The form's fields as an object for zod (Next.js adds its own $ACTION_ fields). */
export function formInput(formData: FormData): Record<string, FormDataEntryValue> {
  const input: Record<string, FormDataEntryValue> = {};
  for (const [key, value] of formData.entries()) if (!key.startsWith("$ACTION")) input[key] = value;
  return input;
}

/** The form state for an expected failure, or null when the error is a bug (which stays a 500). */
export function refusalState(error: unknown): FormState | null {
  if (error instanceof InputError) return { message: error.message, fieldErrors: error.fieldErrors };
  if (error instanceof UploadError) return { message: error.message };
  const dbError = classifyDbError(error);
  if (!dbError) return null;
  if (dbError.kind === "unavailable") console.error("Database unavailable during an admin action:", error);
  const { field, message } = describeDbError(dbError);
  if (!field || field === "form") return { message };
  return { message: INVALID_MESSAGE, fieldErrors: { [field]: [message] } };
}

/** The JSON answer for an expected failure in an API route, or null for a bug. */
export function errorResponse(error: unknown): Response | null {
  if (error instanceof InputError)
    return Response.json({ message: error.message, fieldErrors: error.fieldErrors }, { status: 400 });
  if (error instanceof UploadError) return Response.json({ message: error.message }, { status: error.status });
  const dbError = classifyDbError(error);
  if (!dbError) return null;
  if (dbError.kind === "unavailable") console.error("Database unavailable during an admin API request:", error);
  const { field, message } = describeDbError(dbError);
  return Response.json(
    { message, ...(field && field !== "form" ? { fieldErrors: { [field]: [message] } } : {}) },
    { status: dbErrorStatus(dbError.kind) },
  );
}
