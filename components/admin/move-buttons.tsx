"use client";
import { useActionState } from "react";
import { initialFormState, type FormState } from "@/lib/admin/form-state";
import { FormMessage, secondaryButtonClass } from "./field";

/** ↑ / ↓ for a page in its edition or an article on its page; a refusal is shown below the buttons. */
export function MoveButtons({
  action,
  fields,
  label,
  first,
  last,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  fields: Record<string, number>;
  /** What is moved, for the buttons' accessible names: "第 A01 版", "「标题」". */
  label: string;
  first: boolean;
  last: boolean;
}) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  return (
    <form action={formAction} className="flex flex-wrap gap-1">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button
        name="direction"
        value="up"
        disabled={first || pending}
        className={secondaryButtonClass}
        aria-label={`${label}上移`}
      >
        ↑
      </button>
      <button
        name="direction"
        value="down"
        disabled={last || pending}
        className={secondaryButtonClass}
        aria-label={`${label}下移`}
      >
        ↓
      </button>
      {state.ok ? null : <FormMessage message={state.message} />}
    </form>
  );
}
