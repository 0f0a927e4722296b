"use client";
import { useState } from "react";
import { SubmitButton } from "./submit-button";
import { buttonClass, dangerButtonClass, secondaryButtonClass } from "./field";

/**
 * A button that asks before it acts: publishing, unpublishing and deleting
 * show what will happen and need a second, explicit click.
 */
export function ConfirmForm({
  action,
  fields,
  label,
  question,
  confirmLabel,
  danger = false,
}: {
  action: (formData: FormData) => void | Promise<void>;
  fields: Record<string, string | number>;
  label: string;
  question: string;
  confirmLabel: string;
  danger?: boolean;
}) {
  const [open, setOpen] = useState(false);
  if (!open) {
    return (
      <button type="button" className={danger ? dangerButtonClass : secondaryButtonClass} onClick={() => setOpen(true)}>
        {label}
      </button>
    );
  }
  return (
    <form
      action={action}
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
    </form>
  );
}
