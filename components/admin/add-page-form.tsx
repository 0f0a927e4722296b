"use client";
import { useActionState } from "react";
import { initialFormState, type FormState } from "@/lib/admin/form-state";
import { Field, FormMessage, inputClass } from "./field";
import { SubmitButton } from "./submit-button";

export function AddPageForm({
  action,
  editionId,
  suggestedCode,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  editionId: number;
  suggestedCode: string;
}) {
  const [state, formAction] = useActionState(action, initialFormState);
  const errors = state.fieldErrors ?? {};
  return (
    <form
      action={formAction}
      className="flex flex-col gap-3 rounded border border-neutral-200 bg-white p-3"
      noValidate
      aria-label="添加版面"
    >
      <input type="hidden" name="editionId" value={editionId} />
      <h3 className="font-bold">添加版面</h3>
      <FormMessage message={state.message} ok={state.ok} />
      <div className="grid gap-3 sm:grid-cols-[8rem_1fr_auto] sm:items-start">
        <Field label="版号" name="code" error={errors.code} hint="如 A01、B3、12">
          <input
            id="code"
            name="code"
            required
            defaultValue={state.ok ? suggestedCode : (state.values?.code ?? suggestedCode)}
            key={`c${state.ok ? suggestedCode : state.values?.code}`}
            className={inputClass}
            aria-invalid={Boolean(errors.code)}
          />
        </Field>
        <Field label="版名" name="name" error={errors.name}>
          <input
            id="name"
            name="name"
            required
            placeholder="例如：头版、要闻、体育"
            defaultValue={state.ok ? "" : (state.values?.name ?? "")}
            key={`n${state.ok ? "" : state.values?.name}`}
            className={inputClass}
            aria-invalid={Boolean(errors.name)}
          />
        </Field>
        <div className="sm:pt-6">
          <SubmitButton pendingText="正在添加…">添加版面</SubmitButton>
        </div>
      </div>
    </form>
  );
}
