"use client";
import { useActionState } from "react";
import { initialFormState, type EditionFormState } from "@/lib/admin/form-state";
import { ConflictNotice } from "./conflict-notice";
import { Field, FormMessage, inputClass } from "./field";
import { SubmitButton } from "./submit-button";

type Values = { publicationId: string; issueDate: string; issueNumber: string };

export function EditionForm({
  action,
  publications,
  initial,
  submitLabel,
  hidden = {},
  version,
}: {
  action: (state: EditionFormState, formData: FormData) => Promise<EditionFormState>;
  publications: { id: number; name: string }[];
  initial: Values;
  submitLabel: string;
  hidden?: Record<string, string>;
  /** Set when editing: the version the editor started from. */
  version?: number;
}) {
  const [state, formAction] = useActionState(action, initialFormState as EditionFormState);
  // After a conflict, the next save is based on the newer version the editor has now seen.
  const baseVersion = state.conflict?.version ?? (state.values?.version ? Number(state.values.version) : version);
  const value = (name: keyof Values) => state.values?.[name] ?? initial[name];
  const errors = state.fieldErrors ?? {};
  return (
    <form action={formAction} className="space-y-4 rounded border border-neutral-200 bg-white p-4" noValidate>
      {Object.entries(hidden).map(([name, v]) => (
        <input key={name} type="hidden" name={name} value={v} />
      ))}
      {baseVersion !== undefined ? <input type="hidden" name="version" value={baseVersion} /> : null}
      <FormMessage message={state.message} ok={state.ok} />
      {state.conflict ? (
        <ConflictNotice
          conflict={state.conflict}
          labels={{ publication: "报纸", issueDate: "出版日期", issueNumber: "期号" }}
          submitLabel={submitLabel}
        />
      ) : null}
      <Field label="报纸" name="publicationId" error={errors.publicationId}>
        <select
          id="publicationId"
          name="publicationId"
          defaultValue={value("publicationId")}
          key={`p${value("publicationId")}`}
          className={inputClass}
        >
          {publications.map((publication) => (
            <option key={publication.id} value={publication.id}>
              {publication.name}
            </option>
          ))}
        </select>
      </Field>
      <Field label="出版日期" name="issueDate" error={errors.issueDate}>
        <input
          id="issueDate"
          name="issueDate"
          type="date"
          required
          defaultValue={value("issueDate")}
          key={`d${value("issueDate")}`}
          className={inputClass}
          aria-invalid={Boolean(errors.issueDate)}
          aria-describedby={errors.issueDate ? "issueDate-error" : undefined}
        />
      </Field>
      <Field label="期号" name="issueNumber" error={errors.issueNumber} hint="报头上印的总期号，例如 12345">
        <input
          id="issueNumber"
          name="issueNumber"
          type="number"
          inputMode="numeric"
          min={1}
          required
          defaultValue={value("issueNumber")}
          key={`n${value("issueNumber")}`}
          className={inputClass}
          aria-invalid={Boolean(errors.issueNumber)}
        />
      </Field>
      <SubmitButton>{submitLabel}</SubmitButton>
    </form>
  );
}
