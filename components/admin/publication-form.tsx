"use client";
import { useActionState } from "react";
import { initialFormState, type FormState } from "@/lib/admin/form-state";
import { Field, FormMessage, inputClass } from "./field";
import { SubmitButton } from "./submit-button";

type Values = { id?: number; slug: string; name: string; description: string; isDefault: boolean };

export function PublicationForm({
  action,
  initial,
  submitLabel,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  initial: Values;
  submitLabel: string;
}) {
  const [state, formAction] = useActionState(action, initialFormState);
  const errors = state.fieldErrors ?? {};
  const prefix = `publication-${initial.id ?? "new"}`;
  const value = (name: "slug" | "name" | "description") =>
    state.ok && !initial.id ? "" : (state.values?.[name] ?? initial[name]);
  return (
    <form
      action={formAction}
      className="space-y-3 rounded border border-neutral-200 bg-white p-3"
      noValidate
      key={state.ok && !initial.id ? state.message : "form"}
    >
      {initial.id ? <input type="hidden" name="id" value={initial.id} /> : null}
      <FormMessage message={state.message} ok={state.ok} />
      <Field label="名称" name={`${prefix}-name`} error={errors.name}>
        <input
          id={`${prefix}-name`}
          name="name"
          defaultValue={value("name")}
          className={inputClass}
          aria-invalid={Boolean(errors.name)}
        />
      </Field>
      <Field label="代号" name={`${prefix}-slug`} error={errors.slug} hint="用于网址 /p/代号，例如 haicheng">
        <input
          id={`${prefix}-slug`}
          name="slug"
          defaultValue={value("slug")}
          className={inputClass}
          aria-invalid={Boolean(errors.slug)}
        />
      </Field>
      <Field label="简介" name={`${prefix}-description`} error={errors.description}>
        <textarea
          id={`${prefix}-description`}
          name="description"
          rows={2}
          defaultValue={value("description")}
          className={inputClass}
        />
      </Field>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="isDefault" defaultChecked={initial.isDefault} />
        默认报纸（首页显示）
      </label>
      <SubmitButton>{submitLabel}</SubmitButton>
    </form>
  );
}
