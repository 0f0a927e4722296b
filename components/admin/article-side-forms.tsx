"use client";
import { useActionState } from "react";
import { initialFormState, type FormState } from "@/lib/admin/form-state";
import { Field, FormMessage, inputClass, secondaryButtonClass } from "./field";
import { SubmitButton } from "./submit-button";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

function Hidden({ values }: { values: Record<string, string | number> }) {
  return Object.entries(values).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />);
}

export function LinkForm({
  action,
  hidden,
  options,
}: {
  action: Action;
  hidden: Record<string, number>;
  options: { id: number; label: string }[];
}) {
  const [state, formAction] = useActionState(action, initialFormState);
  if (options.length === 0) return <p className="text-sm text-neutral-500">后面的版面上没有可以链接的文章。</p>;
  return (
    <form action={formAction} className="space-y-2">
      <Hidden values={hidden} />
      <FormMessage message={state.ok ? state.message : undefined} ok />
      <Field label="下转到" name="nextPartId" error={state.fieldErrors?.nextPartId}>
        <select id="nextPartId" name="nextPartId" className={inputClass} defaultValue={state.values?.nextPartId ?? ""}>
          <option value="" disabled>
            选择续篇文章…
          </option>
          {options.map((option) => (
            <option key={option.id} value={option.id}>
              {option.label}
            </option>
          ))}
        </select>
      </Field>
      <SubmitButton className={secondaryButtonClass} pendingText="正在链接…">
        链接续篇
      </SubmitButton>
    </form>
  );
}

export function MoveForm({
  action,
  hidden,
  pages,
}: {
  action: Action;
  hidden: Record<string, number>;
  pages: { id: number; code: string; name: string }[];
}) {
  const [state, formAction] = useActionState(action, initialFormState);
  return (
    <form action={formAction} className="space-y-2">
      <Hidden values={hidden} />
      <Field
        label="目标版面"
        name="targetPageId"
        error={state.fieldErrors?.targetPageId}
        hint="移动后需要在新版面上重新画区域。"
      >
        <select id="targetPageId" name="targetPageId" className={inputClass} defaultValue="">
          <option value="" disabled>
            选择版面…
          </option>
          {pages.map((page) => (
            <option key={page.id} value={page.id}>
              第 {page.code} 版 · {page.name}
            </option>
          ))}
        </select>
      </Field>
      <SubmitButton className={secondaryButtonClass} pendingText="正在移动…">
        移动文章
      </SubmitButton>
    </form>
  );
}
