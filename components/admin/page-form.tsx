"use client";
import { useActionState } from "react";
import { initialFormState, type FormState } from "@/lib/admin/form-state";
import { Field, FormMessage, inputClass } from "./field";
import { SubmitButton } from "./submit-button";

export function PageForm({
  action,
  editionId,
  pageId,
  initial,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  editionId: number;
  pageId: number;
  initial: { code: string; name: string };
}) {
  const [state, formAction] = useActionState(action, initialFormState);
  const errors = state.fieldErrors ?? {};
  const value = (name: "code" | "name") => state.values?.[name] ?? initial[name];
  return (
    <form action={formAction} className="space-y-3 rounded border border-neutral-200 bg-white p-3" noValidate>
      <input type="hidden" name="editionId" value={editionId} />
      <input type="hidden" name="pageId" value={pageId} />
      <FormMessage message={state.message} ok={state.ok} />
      <Field label="版号" name="page-code" error={errors.code}>
        <input
          id="page-code"
          name="code"
          defaultValue={value("code")}
          key={`c${value("code")}`}
          className={inputClass}
          aria-invalid={Boolean(errors.code)}
        />
      </Field>
      <Field label="版名" name="page-name" error={errors.name}>
        <input
          id="page-name"
          name="name"
          defaultValue={value("name")}
          key={`n${value("name")}`}
          className={inputClass}
          aria-invalid={Boolean(errors.name)}
        />
      </Field>
      <SubmitButton>保存版面信息</SubmitButton>
    </form>
  );
}
