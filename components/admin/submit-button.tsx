"use client";
import { useFormStatus } from "react-dom";
import { buttonClass } from "./field";

/** Disabled while its form is being sent, so a double click cannot submit twice. */
export function SubmitButton({
  children,
  pendingText,
  className = buttonClass,
  name,
  value,
}: {
  children: React.ReactNode;
  pendingText?: string;
  className?: string;
  name?: string;
  value?: string;
}) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" className={className} disabled={pending} aria-disabled={pending} name={name} value={value}>
      {pending ? (pendingText ?? "正在保存…") : children}
    </button>
  );
}
