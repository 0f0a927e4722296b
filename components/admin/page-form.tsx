"use client";
import { useActionState } from "react";
import { initialFormState, type PageFormState } from "@/lib/admin/form-state";
import { ConflictNotice } from "./conflict-notice";
import { Field, FormMessage, inputClass } from "./field";
import { SubmitButton } from "./submit-button";

export function PageForm({
  action,
  editionId,
  pageId,
  version,
  initial,
}: {
  action: (state: PageFormState, formData: FormData) => Promise<PageFormState>;
  editionId: number;
  pageId: number;
  /** The version the editor started from. */
  version: number;
  initial: { code: string; name: string };
}) {
  const [state, formAction] = useActionState(action, initialFormState as PageFormState);
  const baseVersion = state.conflict?.version ?? (state.values?.version ? Number(state.values.version) : version);
  const errors = state.fieldErrors ?? {};
  const value = (name: "code" | "name") => state.values?.[name] ?? initial[name];
  return (
    <form action={formAction} className="space-y-3 rounded border border-neutral-200 bg-white p-3" noValidate>
      <input type="hidden" name="editionId" value={editionId} />
      <input type="hidden" name="pageId" value={pageId} />
      <input type="hidden" name="version" value={baseVersion} />
      <FormMessage message={state.message} ok={state.ok} />
      {state.conflict ? (
        <ConflictNotice conflict={state.conflict} labels={{ code: "版号", name: "版名" }} submitLabel="保存版面信息" />
      ) : null}
      <Field label="版号" name="page-code" error={errors.code} hint="字母（可省略）加 1–3 位页码，如 A01、B3、12">
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
