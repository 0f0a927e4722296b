"use client";
import { useActionState } from "react";
import { initialFormState, type FormState } from "@/lib/admin/form-state";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password-policy";
import { Field, FormMessage, inputClass } from "./field";
import { SubmitButton } from "./submit-button";

export function UserForm({ action }: { action: (state: FormState, formData: FormData) => Promise<FormState> }) {
  const [state, formAction] = useActionState(action, initialFormState);
  const errors = state.fieldErrors ?? {};
  const value = (name: string, fallback = "") => (state.ok ? fallback : (state.values?.[name] ?? fallback));
  return (
    <form
      action={formAction}
      className="space-y-3 rounded border border-neutral-200 bg-white p-4"
      noValidate
      key={state.ok ? state.message : "form"}
    >
      <FormMessage message={state.message} ok={state.ok} />
      <Field label="姓名" name="user-name" error={errors.name}>
        <input
          id="user-name"
          name="name"
          defaultValue={value("name")}
          className={inputClass}
          aria-invalid={Boolean(errors.name)}
        />
      </Field>
      <Field label="邮箱" name="user-email" error={errors.email}>
        <input
          id="user-email"
          name="email"
          type="email"
          defaultValue={value("email")}
          className={inputClass}
          aria-invalid={Boolean(errors.email)}
        />
      </Field>
      <Field
        label="初始密码"
        name="user-password"
        error={errors.password}
        hint={`至少 ${MIN_PASSWORD_LENGTH} 个字符，不能是常见密码；请通过安全的渠道告诉对方。`}
      >
        <input
          id="user-password"
          name="password"
          type="password"
          autoComplete="new-password"
          className={inputClass}
          aria-invalid={Boolean(errors.password)}
        />
      </Field>
      <Field label="角色" name="user-role" error={errors.role}>
        <select id="user-role" name="role" defaultValue={value("role", "EDITOR")} className={inputClass}>
          <option value="EDITOR">编辑</option>
          <option value="ADMIN">管理员</option>
        </select>
      </Field>
      <SubmitButton>创建账号</SubmitButton>
    </form>
  );
}
