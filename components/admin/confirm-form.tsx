"use client";
import { useActionState, useState } from "react";
import { initialFormState, type FormState } from "@/lib/admin/form-state";
import { SubmitButton } from "./submit-button";
import { buttonClass, dangerButtonClass, FormMessage, secondaryButtonClass } from "./field";

/**
 * A button that asks before it acts: publishing, unpublishing and deleting
 * show what will happen and need a second, explicit click. A refusal (e.g.
 * "already published by someone else") is shown next to the button.
 */
export function ConfirmForm({
  action,
  fields,
  label,
  question,
  confirmLabel,
  danger = false,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  fields: Record<string, string | number>;
  label: string;
  question: string;
  confirmLabel: string;
  danger?: boolean;
}) {
  const [open, setOpen] = useState(false);
  const [state, formAction] = useActionState(action, initialFormState);
  const refusal = state.ok ? null : <FormMessage message={state.message} />;
  if (!open) {
    return (
      <div className="space-y-1">
        <button
          type="button"
          className={danger ? dangerButtonClass : secondaryButtonClass}
          onClick={() => setOpen(true)}
        >
          {label}
        </button>
        {refusal}
      </div>
    );
  }
  return (
    <form
      action={formAction}
      role="alertdialog"
      aria-label={question}
      className="flex flex-wrap items-center gap-2 rounded border border-amber-300 bg-amber-50 p-2"
    >
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <span className="text-sm text-amber-900">{question}</span>
      <SubmitButton
        className={danger ? `${buttonClass} bg-red-700 hover:bg-red-800` : buttonClass}
        pendingText="处理中…"
      >
        {confirmLabel}
      </SubmitButton>
      <button type="button" className={secondaryButtonClass} onClick={() => setOpen(false)}>
        取消
      </button>
      {refusal ? <div className="basis-full">{refusal}</div> : null}
    </form>
  );
}
