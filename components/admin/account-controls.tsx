"use client";
import { useActionState } from "react";
import { initialFormState, type FormState } from "@/lib/admin/form-state";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password-policy";
import { Field, FormMessage, inputClass, secondaryButtonClass } from "./field";
import { SubmitButton } from "./submit-button";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

/** Changing one account's role (admins only): one select and a button. */
export function RoleForm({
  action,
  userId,
  role,
  label,
}: {
  action: Action;
  userId: number;
  role: "ADMIN" | "EDITOR";
  label: string;
}) {
  const [state, formAction] = useActionState(action, initialFormState);
  const selectId = `role-${userId}`;
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="userId" value={userId} />
      <label htmlFor={selectId} className="text-sm">
        {label}的角色
      </label>
      <select
        // A new select when the stored role changes: the form's reset after saving went back to the old default.
        key={role}
        id={selectId}
        name="role"
        defaultValue={role}
        className="rounded border border-neutral-300 px-2 py-1"
      >
        <option value="EDITOR">编辑</option>
        <option value="ADMIN">管理员</option>
      </select>
      <SubmitButton className={secondaryButtonClass} pendingText="处理中…">
        修改角色
      </SubmitButton>
      <div className="basis-full">
        <FormMessage message={state.message} ok={state.ok} />
      </div>
    </form>
  );
}

/** An admin sets a new password for someone who forgot theirs. */
export function PasswordResetForm({ action, userId, label }: { action: Action; userId: number; label: string }) {
  const [state, formAction] = useActionState(action, initialFormState);
  const inputId = `reset-password-${userId}`;
  const errors = state.fieldErrors ?? {};
  return (
    <form action={formAction} className="space-y-2" noValidate key={state.ok ? state.message : "form"}>
      <input type="hidden" name="userId" value={userId} />
      <FormMessage message={state.message} ok={state.ok} />
      <Field
        label={`${label}的新密码`}
        name={inputId}
        error={errors.password}
        hint={`至少 ${MIN_PASSWORD_LENGTH} 个字符，不能是常见密码。`}
      >
        <input
          id={inputId}
          name="password"
          type="password"
          autoComplete="new-password"
          className={inputClass}
          aria-invalid={Boolean(errors.password)}
        />
      </Field>
      <SubmitButton className={secondaryButtonClass} pendingText="处理中…">
        重设密码
      </SubmitButton>
    </form>
  );
}

/** An editor's own password change: the current password, the new one twice. */
export function OwnPasswordForm({ action }: { action: Action }) {
  const [state, formAction] = useActionState(action, initialFormState);
  const errors = state.fieldErrors ?? {};
  return (
    <form
      action={formAction}
      className="space-y-3 rounded border border-neutral-200 bg-white p-4"
      noValidate
      key={state.ok ? state.message : "form"}
    >
      <FormMessage message={state.message} ok={state.ok} />
      <Field label="现在的密码" name="current-password" error={errors.currentPassword}>
        <input
          id="current-password"
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          className={inputClass}
          aria-invalid={Boolean(errors.currentPassword)}
        />
      </Field>
      <Field
        label="新密码"
        name="new-password"
        error={errors.password}
        hint={`至少 ${MIN_PASSWORD_LENGTH} 个字符，不能是常见密码；几个不相关的词连在一起就很好。`}
      >
        <input
          id="new-password"
          name="password"
          type="password"
          autoComplete="new-password"
          className={inputClass}
          aria-invalid={Boolean(errors.password)}
        />
      </Field>
      <Field label="再输入一次新密码" name="confirm-password" error={errors.confirm}>
        <input
          id="confirm-password"
          name="confirm"
          type="password"
          autoComplete="new-password"
          className={inputClass}
          aria-invalid={Boolean(errors.confirm)}
        />
      </Field>
      <SubmitButton>修改密码</SubmitButton>
    </form>
  );
}
