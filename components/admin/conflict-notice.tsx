import type { Conflict } from "@/lib/admin/form-state";

/**
 * Someone else saved in between: who, when, and their values next to the
 * editor's own (which stay in the form). Saving again replaces theirs.
 */
export function ConflictNotice<Values extends Record<string, string>>({
  conflict,
  labels,
  submitLabel,
}: {
  conflict: Conflict<Values>;
  labels: Record<keyof Values, string>;
  submitLabel: string;
}) {
  return (
    <div role="alert" className="space-y-2 rounded border border-amber-400 bg-amber-50 p-3 text-sm">
      <p className="font-bold text-amber-900">
        {conflict.savedBy} 在 {conflict.savedAt} 保存了更新的版本。你的修改还没有保存，也没有覆盖对方的内容。
      </p>
      <p>下面的表单保留了你的内容。对照对方的版本修改后，再次点击“{submitLabel}”即以你的内容为准保存。</p>
      <dl className="grid grid-cols-[5rem_1fr] gap-1" data-testid="conflict-theirs">
        {(Object.keys(labels) as (keyof Values)[]).map((key) => (
          <div key={String(key)} className="contents">
            <dt className="text-neutral-500">{labels[key]}</dt>
            <dd>{conflict.values[key] || "—"}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
