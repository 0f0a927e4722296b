"use client";
import { useActionState } from "react";
import { initialFormState, type FormState } from "@/lib/admin/form-state";
import { Field, FormMessage, inputClass } from "./field";
import { SubmitButton } from "./submit-button";

export function LoginForm({
  next,
  login,
}: {
  next: string;
  login: (state: FormState, formData: FormData) => Promise<FormState>;
}) {
  const [state, action] = useActionState(login, initialFormState);
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="next" value={next} />
      <FormMessage message={state.message} />
      <Field label="邮箱" name="email" error={state.fieldErrors?.email}>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          defaultValue={state.values?.email ?? ""}
          className={inputClass}
          aria-invalid={Boolean(state.fieldErrors?.email)}
        />
      </Field>
      <Field label="密码" name="password" error={state.fieldErrors?.password}>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className={inputClass}
          aria-invalid={Boolean(state.fieldErrors?.password)}
        />
      </Field>
      <SubmitButton pendingText="正在登录…">登录</SubmitButton>
    </form>
  );
}
