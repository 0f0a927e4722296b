"use client";
import { useActionState, useRef, useState } from "react";
import { refuseOversized, type ArticleFormState, type ArticleValues } from "@/lib/admin/form-state";
import { LIMITS } from "@/lib/limits";
import { adminUrls } from "@/lib/admin/urls";
import { Field, FormMessage, inputClass } from "./field";
import { SubmitButton } from "./submit-button";
import { useUnsavedChangesWarning } from "./unsaved-changes";
import { useHydrated } from "./use-hydrated";

const FIELDS: { name: keyof ArticleValues; label: string; hint?: string }[] = [
  { name: "kicker", label: "引题" },
  { name: "title", label: "标题" },
  { name: "subtitle", label: "副题" },
  { name: "byline", label: "署名", hint: "例如：本报记者 张三" },
];

export function ArticleForm({
  action,
  initial,
  hidden,
  version,
  articleId,
  damagedBlocks = 0,
  submitLabel = "保存文章",
}: {
  action: (state: ArticleFormState, formData: FormData) => Promise<ArticleFormState>;
  initial: ArticleValues;
  hidden: Record<string, string | number>;
  version?: number;
  /** Set when editing an existing article: enables inserting images into the body. */
  articleId?: number;
  /** Stored body blocks that did not match the schema and are shown as text. */
  damagedBlocks?: number;
  submitLabel?: string;
}) {
  const [dirty, setDirty] = useState(false);
  const hydrated = useHydrated();
  const body = useRef<HTMLTextAreaElement>(null);
  // Where the editor last had the cursor in the body; images go there (or at the end).
  const caret = useRef<number | null>(null);
  const [state, formAction] = useActionState(async (previous: ArticleFormState, formData: FormData) => {
    const refused = refuseOversized(formData, { body: [LIMITS.article.bodyText, "正文"] });
    if (refused) return { ...refused, conflict: previous.conflict };
    const result = await action(previous, formData);
    if (result.ok) setDirty(false);
    return result;
  }, {} as ArticleFormState);
  useUnsavedChangesWarning(dirty);
  const errors = state.fieldErrors ?? {};
  const value = (name: keyof ArticleValues) => state.values?.[name] ?? initial[name];
  // After a conflict, the next save is based on the newer version the editor has now seen.
  const baseVersion = state.conflict?.version ?? (state.values?.version ? Number(state.values.version) : version);
  const formKey = JSON.stringify(state.values ?? initial) + String(baseVersion);
  return (
    <form
      action={formAction}
      className="space-y-4"
      noValidate
      onChange={() => setDirty(true)}
      key={formKey}
      // Tests (and scripts) wait for this before typing: text typed while React hydrates can be reset.
      data-ready={hydrated ? "" : undefined}
    >
      {Object.entries(hidden).map(([name, v]) => (
        <input key={name} type="hidden" name={name} value={v} />
      ))}
      {baseVersion !== undefined ? <input type="hidden" name="version" value={baseVersion} /> : null}
      <FormMessage message={state.message} ok={state.ok} />
      {damagedBlocks > 0 && !state.ok ? (
        <p role="alert" className="rounded bg-amber-50 px-3 py-2 text-sm text-amber-900">
          正文中有 {damagedBlocks} 处内容不符合格式（可能来自旧版本或外部导入），已按文字显示在下面。请检查后保存。
        </p>
      ) : null}
      {state.conflict ? (
        <div role="alert" className="space-y-2 rounded border border-amber-400 bg-amber-50 p-3 text-sm">
          <p className="font-bold text-amber-900">
            {state.conflict.savedBy} 在 {state.conflict.savedAt} 保存了更新的版本（第 {state.conflict.version}{" "}
            版）。你的修改还没有保存，也没有覆盖对方的内容。
          </p>
          <p>下面的表单保留了你的内容。对照对方的版本修改后，再次点击“{submitLabel}”即以你的内容为准保存。</p>
          <details open>
            <summary className="cursor-pointer font-medium">对方保存的版本</summary>
            <dl className="mt-2 grid grid-cols-[4rem_1fr] gap-1" data-testid="conflict-theirs">
              {FIELDS.map((field) => (
                <div key={field.name} className="contents">
                  <dt className="text-neutral-500">{field.label}</dt>
                  <dd>{state.conflict!.values[field.name] || "—"}</dd>
                </div>
              ))}
              <dt className="text-neutral-500">正文</dt>
              <dd className="whitespace-pre-wrap">{state.conflict.values.body || "—"}</dd>
            </dl>
          </details>
        </div>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2">
        {FIELDS.map((field) => (
          <div key={field.name} className={field.name === "title" ? "sm:col-span-2" : undefined}>
            <Field label={field.label} name={`article-${field.name}`} error={errors[field.name]} hint={field.hint}>
              <input
                id={`article-${field.name}`}
                name={field.name}
                defaultValue={value(field.name)}
                required={field.name === "title"}
                className={`${inputClass} ${field.name === "title" ? "text-lg font-bold" : ""}`}
                aria-invalid={Boolean(errors[field.name])}
                aria-describedby={errors[field.name] ? `article-${field.name}-error` : undefined}
              />
            </Field>
          </div>
        ))}
      </div>
      <Field
        label="正文"
        name="article-body"
        error={errors.body}
        hint="段落之间空一行；以“## ”开头的段落是小标题；“![说明](图片)”是插入的图片。"
      >
        <textarea
          ref={body}
          onSelect={(event) => (caret.current = event.currentTarget.selectionEnd)}
          id="article-body"
          name="body"
          rows={16}
          defaultValue={value("body")}
          className={`${inputClass} font-serif leading-7`}
          aria-invalid={Boolean(errors.body)}
        />
      </Field>
      {articleId ? (
        <ArticleImageInsert
          articleId={articleId}
          onInsert={(line) => {
            const area = body.current;
            if (!area) return;
            const at = caret.current ?? area.value.length;
            area.value =
              `${area.value.slice(0, at).trimEnd()}\n\n${line}\n\n${area.value.slice(at).trimStart()}`.trim();
            setDirty(true);
          }}
        />
      ) : null}
      <SubmitButton>{submitLabel}</SubmitButton>
    </form>
  );
}

function ArticleImageInsert({ articleId, onInsert }: { articleId: number; onInsert: (line: string) => void }) {
  const [caption, setCaption] = useState("");
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  async function upload(file: File) {
    setBusy(true);
    setStatus(null);
    try {
      const response = await fetch(adminUrls.api.articleImage(articleId), {
        method: "POST",
        body: file,
        headers: { "Content-Type": "application/octet-stream" },
      });
      const result = (await response.json()) as { key?: string; width?: number; height?: number; message?: string };
      if (!response.ok || !result.key) setStatus({ ok: false, text: result.message ?? "上传失败。" });
      else {
        onInsert(`![${caption.replace(/[\]\n]/g, " ")}](${result.key} ${result.width}x${result.height})`);
        setStatus({ ok: true, text: "图片已插入正文（保存文章后生效）。" });
        setCaption("");
      }
    } catch {
      setStatus({ ok: false, text: "网络错误，图片没有上传。" });
    } finally {
      setBusy(false);
    }
  }
  return (
    <fieldset className="space-y-2 rounded border border-neutral-200 bg-white p-3">
      <legend className="px-1 text-sm font-medium">插入图片</legend>
      <Field label="图片说明" name="image-caption">
        <input
          id="image-caption"
          value={caption}
          onChange={(event) => setCaption(event.target.value)}
          className={inputClass}
        />
      </Field>
      <label htmlFor="article-image" className="block text-sm">
        选择要插入的图片（JPEG、PNG 或 WebP）
      </label>
      <input
        id="article-image"
        type="file"
        accept="image/jpeg,image/png,image/webp"
        disabled={busy}
        onChange={(event) => event.target.files?.[0] && upload(event.target.files[0])}
        className="block w-full text-sm"
      />
      {status ? (
        <p role={status.ok ? "status" : "alert"} className={`text-sm ${status.ok ? "text-green-800" : "text-red-700"}`}>
          {status.text}
        </p>
      ) : null}
    </fieldset>
  );
}
