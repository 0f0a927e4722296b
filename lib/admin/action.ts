// What every admin server action and API route needs, in one place: the
// session and role, zod parsing into field errors, and the mapping of every
// expected failure (refused input, database constraints, a row deleted in the
// meantime, a write conflict, the database being unreachable) to a clear
// Chinese message. An action body is then: call lib, revalidate, return state.
//
//   export const saveThing = adminAction(thingSchema, async (input, { user, db }) => {
//     await saveThingInLib(db, user, input);
//     revalidateReader({ … });
//     return { ok: true, message: "已保存。" };
//   });
import "server-only";
import type { z } from "zod";
import { renewSessionCookie, requireApiUser, requireUser, type Role } from "../auth/session";
import { prisma } from "../db/prisma";
import type { FormState } from "./form-state";
import { errorResponse, handleForm, type ActionOptions, type RouteContext, type Run } from "./form-action";

export type { ActionContext, ActionOptions } from "./form-action";

/**
 * A server action for a form used with useActionState: `(previous, formData) => state`.
 * Checks the session first (anonymous callers go to the login, the wrong role
 * to "no permission"), before it looks at anything the caller sent.
 */
export function adminAction<Schema extends z.ZodType, State extends FormState>(
  schema: Schema,
  run: Run<Schema, State>,
  options: ActionOptions = {},
): (previous: State, formData: FormData) => Promise<State> {
  return async (previous, formData) => {
    const user = await requireUser(options.role);
    await renewSessionCookie();
    return handleForm(schema, run, { user, db: prisma, formData, previous }, options);
  };
}

/**
 * An admin API route handler: 401/403 JSON without the session or role, the
 * handler's own response otherwise, and JSON errors with a 4xx status (503
 * when the database is unreachable) for every expected failure.
 */
export function adminRoute<Params>(
  run: (request: Request, context: RouteContext<Params>) => Promise<Response>,
  options: { role?: Role } = {},
): (request: Request, segment: { params: Promise<Params> }) => Promise<Response> {
  return async (request, segment) => {
    const auth = await requireApiUser(options.role);
    if (auth.response) return auth.response;
    await renewSessionCookie();
    try {
      return await run(request, { user: auth.user, db: prisma, params: await segment.params });
    } catch (error) {
      const response = errorResponse(error);
      if (!response) throw error;
      return response;
    }
  };
}
